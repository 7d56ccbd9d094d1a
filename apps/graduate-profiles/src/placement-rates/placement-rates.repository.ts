import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CollegeType, DegreeLevel } from '#contracts';
import type { DestinationCategory } from '#reference';
import type { PlacementCounts } from './placement-rate.arithmetic.js';

export const PLACEMENT_GROUP_BYS = ['college', 'department', 'major', 'degree', 'cohort'] as const;
export type PlacementGroupBy = (typeof PLACEMENT_GROUP_BYS)[number];

/** What identifies a row; only the fields of its grouping are set. */
export interface PlacementKey {
  collegeId?: string;
  collegeName?: string;
  regionCode?: string;
  collegeType?: CollegeType;
  department?: string;
  majorCode?: string;
  majorName?: string;
  degree?: DegreeLevel;
  graduationYear?: number;
}

export interface PlacementCountRow extends PlacementCounts {
  key: PlacementKey;
}

export interface PlacementQuery {
  groupBy: PlacementGroupBy;
  collegeId: string | null;
  graduationYear: number | null;
  /** Colleges whose region code starts with this (2, 4 or 6 digits). */
  regionPrefix: string | null;
  /** "As of D" = strictly before the first instant of the day after D. */
  before: Date;
  /** The destination table in force: which codes exist, their group, whether they count as placed. */
  categories: readonly DestinationCategory[];
}

/** Grouping columns (of the `cohort` CTE) per report dimension, and how each maps to the key. */
const GROUPINGS: Record<PlacementGroupBy, { columns: string[]; extra?: string; toKey: (r: RawRow) => PlacementKey }> = {
  college: {
    columns: ['college_id', 'college_name', 'region_code', 'college_type'],
    toKey: (r) => ({
      collegeId: r.college_id!,
      collegeName: r.college_name!,
      regionCode: r.region_code!,
      collegeType: r.college_type!,
    }),
  },
  department: {
    columns: ['college_id', 'college_name', 'department'],
    toKey: (r) => ({ collegeId: r.college_id!, collegeName: r.college_name!, department: r.department! }),
  },
  major: {
    columns: ['major_code'],
    // A major's name can differ slightly between catalogue editions: show one of them.
    extra: 'min(c.major_name) AS major_name',
    toKey: (r) => ({ majorCode: r.major_code!, majorName: r.major_name! }),
  },
  degree: { columns: ['degree'], toKey: (r) => ({ degree: r.degree! }) },
  cohort: { columns: ['graduation_year'], toKey: (r) => ({ graduationYear: r.graduation_year! }) },
};

interface RawRow {
  college_id?: string;
  college_name?: string;
  region_code?: string;
  college_type?: CollegeType;
  department?: string;
  major_code?: string;
  major_name?: string;
  degree?: DegreeLevel;
  graduation_year?: number;
  is_total: number;
  graduates: number;
  registered: number;
  placed: number;
  confirmed: number;
  placed_confirmed: number;
  [column: string]: unknown;
}

@Injectable()
export class PlacementRatesRepository {
  /**
   * One statement: the cohort, each graduate's registration in force as of the date (latest one
   * recorded before the cut-off and not returned before it, with the category its latest audit
   * before the cut-off left), counted per group with FILTER clauses, plus the total row through
   * GROUPING SETS. See placement-rate.arithmetic.ts for the definition.
   */
  async count(
    manager: EntityManager,
    q: PlacementQuery,
  ): Promise<{ rows: PlacementCountRow[]; total: PlacementCounts }> {
    const grouping = GROUPINGS[q.groupBy];
    const groups = [...new Set(q.categories.map((c) => c.group))];
    const params: unknown[] = [
      q.collegeId,
      q.graduationYear,
      q.regionPrefix,
      q.before,
      q.categories.map((c) => c.code),
      q.categories.map((c) => c.group),
      q.categories.map((c) => c.countsAsPlaced),
    ];
    const param = (value: unknown) => `$${params.push(value)}`;
    const groupCounts = groups.map(
      (group, i) => `count(*) FILTER (WHERE cat.report_group = ${param(group)})::int AS group_${i}`,
    );
    const categoryCounts = q.categories.map(
      (category, i) => `count(*) FILTER (WHERE r.category_code = ${param(category.code)})::int AS category_${i}`,
    );
    const keyColumns = grouping.columns.map((column) => `c.${column}`);
    const sql = `
      WITH cohort AS (
        SELECT g.id, g.college_id, col.name AS college_name, col.region_code, col.type AS college_type,
               g.department, g.major_code, g.major_name, g.degree, g.graduation_year
          FROM "graduate-profiles".graduates g
          JOIN "graduate-profiles".colleges col ON col.id = g.college_id
         WHERE ($1::text IS NULL OR g.college_id = $1::text)
           AND ($2::int IS NULL OR g.graduation_year = $2::int)
           AND ($3::text IS NULL OR col.region_code LIKE $3::text || '%')
      ),
      registration AS (
        SELECT DISTINCT ON (d.graduate_id) d.graduate_id,
               COALESCE(a.category_code, d.category_code) AS category_code,
               COALESCE(a.decision = 'confirm', false) AS confirmed
          FROM "graduate-profiles".destinations d
          JOIN cohort ON cohort.id = d.graduate_id
          LEFT JOIN LATERAL (
                SELECT x.decision, x.category_code
                  FROM "graduate-profiles".destination_audits x
                 WHERE x.destination_id = d.id AND x.decided_at < $4
                 ORDER BY x.decided_at DESC, x.id DESC
                 LIMIT 1) a ON true
         WHERE d.recorded_at < $4 AND a.decision IS DISTINCT FROM 'return'
         ORDER BY d.graduate_id, d.recorded_at DESC, d.seq DESC
      ),
      category AS (
        SELECT * FROM unnest($5::text[], $6::text[], $7::boolean[]) AS t(code, report_group, counts_as_placed)
      )
      SELECT ${[...keyColumns, ...(grouping.extra ? [grouping.extra] : [])].join(', ')},
             GROUPING(${keyColumns[0]})::int AS is_total,
             count(*)::int AS graduates,
             count(r.graduate_id)::int AS registered,
             count(*) FILTER (WHERE cat.counts_as_placed)::int AS placed,
             count(*) FILTER (WHERE r.confirmed)::int AS confirmed,
             count(*) FILTER (WHERE r.confirmed AND cat.counts_as_placed)::int AS placed_confirmed
             ${[...groupCounts, ...categoryCounts].map((c) => `, ${c}`).join('\n             ')}
        FROM cohort c
        LEFT JOIN registration r ON r.graduate_id = c.id
        LEFT JOIN category cat ON cat.code = r.category_code
       GROUP BY GROUPING SETS ((${keyColumns.join(', ')}), ())
       ORDER BY is_total, ${keyColumns.join(', ')}`;
    const raw: RawRow[] = await manager.transaction(async (tx) => {
      // Measured on 100,000 graduates: JIT compilation of the ~25 aggregates cost more than the
      // query itself (5 s → 1 s without it), and the sorts spill to disk at the default work_mem.
      await tx.query('SET TRANSACTION READ ONLY');
      await tx.query('SET LOCAL jit = off');
      await tx.query(`SET LOCAL work_mem = '32MB'`);
      return tx.query(sql, params);
    });
    const countsOf = (row: RawRow | undefined): PlacementCounts => ({
      graduates: row?.graduates ?? 0,
      registered: row?.registered ?? 0,
      placed: row?.placed ?? 0,
      confirmed: row?.confirmed ?? 0,
      placedConfirmed: row?.placed_confirmed ?? 0,
      byGroup: Object.fromEntries(groups.map((group, i) => [group, Number(row?.[`group_${i}`] ?? 0)])),
      byCategory: Object.fromEntries(q.categories.map((c, i) => [c.code, Number(row?.[`category_${i}`] ?? 0)])),
    });
    // With no graduate at all, GROUPING SETS still returns the (empty) total row.
    const total = raw.find((row) => row.is_total === 1);
    const rows = raw.filter((row) => row.is_total === 0).map((row) => ({ key: grouping.toKey(row), ...countsOf(row) }));
    return { rows, total: countsOf(total) };
  }

  async collegeExists(manager: EntityManager, collegeId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM "graduate-profiles".colleges WHERE id = $1`, [
      collegeId,
    ]);
    return rows.length === 1;
  }
}
