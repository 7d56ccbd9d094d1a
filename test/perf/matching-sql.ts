// The PostgreSQL side of the matching benchmark: the same graduates in one table with GIN-indexed
// arrays, and one query per demand that applies the same hard filters and computes the same score
// (same formulas, same rounding) as the in-memory index, ORDER BY score LIMIT k.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import pg from 'pg';
import { DEGREE_LEVELS, normaliseSkillId } from '#contracts';
import { majorByCode } from '#reference';
import { createTestDatabase, type TestDatabase } from '#testing';
import type {
  DemandWeights,
  RankableDemand,
  RankableGraduate,
  RankingConfig,
} from '../../apps/matching/src/ranking/index.js';

const TABLE = 'bench_graduates';

export class MatchingSql {
  private constructor(
    private readonly db: TestDatabase,
    private readonly client: pg.Client,
  ) {}

  static async create(): Promise<MatchingSql> {
    const db = await createTestDatabase('matching_bench');
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(`
      CREATE TABLE ${TABLE} (
        id text PRIMARY KEY,
        college_id text NOT NULL,
        major6 text NOT NULL,
        major4 text NOT NULL,
        major2 text NOT NULL,
        degree smallint NOT NULL,
        grad_year smallint NOT NULL,
        skills text[] NOT NULL,
        certificates text[] NOT NULL,
        intern_sections text[] NOT NULL,
        intern_tenths integer[] NOT NULL,
        gpa real,
        cities integer[] NOT NULL,
        relocate boolean NOT NULL,
        industries text[] NOT NULL,
        kinds text[] NOT NULL,
        min_salary integer,
        recommendable boolean NOT NULL
      )`);
    return new MatchingSql(db, client);
  }

  /** COPYs the rows in through psql (the `pg` driver has no COPY support of its own). */
  async load(graduates: Iterable<RankableGraduate>): Promise<number> {
    const psql = spawn(
      'psql',
      ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', this.db.url, '-c', `COPY ${TABLE} FROM STDIN`],
      {
        stdio: ['pipe', 'inherit', 'inherit'],
      },
    );
    const exited = once(psql, 'exit');
    let rows = 0;
    let chunk = '';
    for (const g of graduates) {
      chunk += copyLine(g);
      rows++;
      if (chunk.length > 1 << 20) {
        if (!psql.stdin.write(chunk)) await once(psql.stdin, 'drain');
        chunk = '';
      }
    }
    psql.stdin.end(chunk);
    const [code] = (await exited) as [number | null];
    if (code !== 0) throw new Error(`psql COPY exited with ${String(code)}`);
    return rows;
  }

  async createIndexes(): Promise<void> {
    await this.client.query(`SET maintenance_work_mem = '256MB'`);
    await this.client.query(`CREATE INDEX ON ${TABLE} USING gin (skills)`);
    await this.client.query(`CREATE INDEX ON ${TABLE} USING gin (cities)`);
    for (const column of ['major6', 'major4', 'major2']) {
      await this.client.query(`CREATE INDEX ON ${TABLE} (${column}, grad_year) WHERE recommendable`);
    }
    await this.client.query(`ANALYZE ${TABLE}`);
  }

  /** The top k of the equivalent SQL query, with its wall time. */
  async topK(query: SqlQuery, k: number): Promise<{ ms: number; rows: { graduateId: string; score: number }[] }> {
    const started = performance.now();
    const result = await this.client.query<{ id: string; score: string }>(SCORE_SQL, [...query.params, k]);
    const ms = performance.now() - started;
    return { ms, rows: result.rows.map((r) => ({ graduateId: r.id, score: Number(r.score) / 100 })) };
  }

  async close(): Promise<void> {
    await this.client.end();
    await this.db.drop();
  }
}

const TAB = '\t';

function copyLine(g: RankableGraduate): string {
  const major = majorByCode(g.major.code, g.major.catalogueYear)!;
  const digits = major.code.replace(/[A-Z]+$/, '');
  const term = (code: string) => `${g.major.catalogueYear}:${code}`;
  const months = new Map<string, number>();
  for (const i of g.internships) {
    if (i.industrySection) months.set(i.industrySection, (months.get(i.industrySection) ?? 0) + Math.max(0, i.months));
  }
  const p = g.preferences;
  const fields = [
    g.graduateId,
    g.collegeId,
    term(digits),
    term(digits.slice(0, 4)),
    term(digits.slice(0, 2)),
    String(DEGREE_LEVELS.indexOf(g.degree)),
    String(g.graduationYear),
    textArray([...new Set(g.skills)]),
    textArray([...new Set(g.certificates.map(normaliseSkillId))]),
    textArray([...months.keys()]),
    `{${[...months.values()].map((m) => Math.round(m * 10)).join(',')}}`,
    g.gpaPercentile === null ? '\\N' : String(g.gpaPercentile),
    `{${[...new Set(p.cities.map(Number))].join(',')}}`,
    p.willingToRelocate ? 't' : 'f',
    textArray(p.industries),
    textArray(p.demandKinds),
    p.minMonthlySalary === null ? '\\N' : String(p.minMonthlySalary),
    g.consentStatus === 'given' && !g.placed ? 't' : 'f',
  ];
  return fields.join(TAB) + '\n';
}

/** A text[] literal in COPY text format (elements quoted, then backslashes doubled for COPY). */
function textArray(items: readonly string[]): string {
  const literal = `{${items.map((s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
  return literal.replace(/\\/g, '\\\\');
}

// Rounding as in the index: Math.round(x) = floor(x + 0.5) for x ≥ 0, each factor on its own.
const SCORE_SQL = `
SELECT id, skill_cp + major_cp + cert_cp + intern_cp + academic_cp + pref_cp + partner_cp AS score
FROM (
  SELECT g.id,
    floor(coalesce((SELECT sum(s.p) FROM unnest($1::text[], $2::float8[]) AS s(id, p) WHERE s.id = ANY (g.skills)), 0)
          / 1e6 + 0.5) AS skill_cp,
    CASE WHEN $3::float8 = 0 THEN 0 ELSE floor($3::float8 * least(1, coalesce((SELECT max(c.v)
          FROM unnest($4::text[], $5::float8[]) AS c(t, v) WHERE c.t IN (g.major6, g.major4, g.major2)), 0)
          / $6::float8) + 0.5) END AS major_cp,
    CASE WHEN cardinality($7::text[]) = 0 THEN 0 ELSE floor(($8::float8 * (SELECT count(*) FROM unnest($7::text[]) AS c(x)
          WHERE c.x = ANY (g.certificates))) / cardinality($7::text[]) + 0.5) END AS cert_cp,
    floor($9::float8 * least(1, coalesce((SELECT i.t FROM unnest(g.intern_sections, g.intern_tenths) AS i(s, t)
          WHERE i.s = $10::text LIMIT 1), 0)::float8 / $11::float8) + 0.5) AS intern_cp,
    -- GREATEST/LEAST skip NULLs, so the missing-GPA fraction needs its own branch.
    floor($12::float8 * CASE WHEN g.gpa IS NULL THEN $13::float8
                             ELSE least(1, greatest(0, g.gpa::float8 / 100)) END + 0.5) AS academic_cp,
    floor($14::float8 * least(1,
            $15::float8 * (CASE WHEN cardinality($16::int[]) = 0 OR g.cities && $17::int[] THEN 1 ELSE 0 END)::float8
          + $18::float8 * (CASE WHEN cardinality(g.industries) = 0 THEN $19::float8
                                WHEN $10::text = ANY (g.industries) THEN 1 ELSE 0 END)
          + $20::float8 * (CASE WHEN cardinality(g.kinds) = 0 THEN $19::float8
                                WHEN $21::text = ANY (g.kinds) THEN 1 ELSE 0 END)
          + $22::float8 * (CASE WHEN g.min_salary IS NULL THEN 1
                                WHEN $23::int <= 0 THEN $19::float8
                                WHEN $24::int >= g.min_salary THEN 1
                                WHEN $23::int < g.min_salary THEN 0
                                ELSE ($23::int - g.min_salary)::float8 / ($23::int - $24::int) END)
        ) + 0.5) AS pref_cp,
    CASE WHEN g.college_id = ANY ($25::text[]) THEN $26::float8 ELSE 0 END AS partner_cp
  FROM ${TABLE} g
  WHERE g.recommendable
    AND g.degree >= $27::int
    AND (cardinality($28::int[]) = 0 OR g.grad_year = ANY ($28::int[]))
    AND (g.major6 = ANY ($29::text[]) OR g.major4 = ANY ($29::text[]) OR g.major2 = ANY ($29::text[]))
    AND (cardinality($16::int[]) = 0 OR g.relocate OR g.cities && $17::int[])
) scored
ORDER BY score DESC, id COLLATE "C"
LIMIT $30`;

export interface SqlQuery {
  params: unknown[];
}

/**
 * The parameters that make the SQL query compute what the index computes for this demand: the
 * factor points and each skill's current points (from the index), majors, cities and constants.
 */
export function sqlQueryFor(
  demand: RankableDemand,
  weights: DemandWeights,
  config: RankingConfig,
  overlappingCities: number[],
): SqlQuery {
  const cp = (factor: string) => Math.round((weights.factors.find((f) => f.factor === factor)?.maxPoints ?? 0) * 100);
  const closeness = new Map<string, number>();
  const accepted: string[] = [];
  let best = 0;
  const mc = config.majorCloseness;
  for (const ref of demand.majors) {
    const major = majorByCode(ref.code, ref.catalogueYear);
    if (!major) continue;
    const digits = major.code.replace(/[A-Z]+$/, '');
    const term = (code: string) => `${ref.catalogueYear}:${code}`;
    const offer = (code: string, v: number) => closeness.set(term(code), Math.max(closeness.get(term(code)) ?? 0, v));
    accepted.push(term(digits));
    if (digits.length === 6) offer(digits, mc.major);
    if (digits.length >= 4) offer(digits.slice(0, 4), mc.class);
    offer(digits.slice(0, 2), mc.discipline);
    best = Math.max(best, digits.length === 6 ? mc.major : digits.length === 4 ? mc.class : mc.discipline);
  }
  const parts = config.preferenceParts;
  const partSum = parts.city + parts.industry + parts.kind + parts.salary;
  const certs = [...new Set(demand.certificates.map(normaliseSkillId).filter(Boolean))];
  return {
    params: [
      weights.skills.map((s) => s.skillId),
      weights.skills.map((s) => Math.round(s.points * 100 * 1e6)),
      cp('major'),
      [...closeness.keys()],
      [...closeness.values()],
      best || 1,
      certs,
      cp('certificates'),
      cp('internship'),
      demand.industrySection,
      config.internshipFullCreditMonths * 10,
      cp('academic'),
      config.missingGpaFraction,
      cp('preference'),
      parts.city / partSum,
      demand.cities.map(Number),
      overlappingCities,
      parts.industry / partSum,
      config.unstatedPreferenceFraction,
      parts.kind / partSum,
      demand.kind,
      parts.salary / partSum,
      demand.salaryMax,
      demand.salaryMin,
      demand.kind === 'order_training' ? demand.partnerCollegeIds : [],
      cp('partner'),
      DEGREE_LEVELS.indexOf(demand.minDegree),
      demand.graduationYears,
      accepted,
    ],
  };
}
