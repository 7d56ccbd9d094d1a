// `npm run bench:matching`: the in-memory ranking index against 1,000,000 graduate profiles and
// 50,000 open demands, and the equivalent PostgreSQL query on the same data, in one run.
// Ends with one JSON line. Smaller runs: MATCHING_BENCH_PROFILES, MATCHING_BENCH_DEMANDS;
// MATCHING_BENCH_SQL=0 skips the PostgreSQL side.
import { cpus, loadavg } from 'node:os';
import { RankingIndex, type RankableDemand, type RankableGraduate } from '../../apps/matching/src/ranking/index.js';
import { MatchingWorld } from './matching-data.js';
import { MatchingSql, sqlQueryFor } from './matching-sql.js';

const PROFILES = Number(process.env.MATCHING_BENCH_PROFILES ?? 1_000_000);
const DEMANDS = Number(process.env.MATCHING_BENCH_DEMANDS ?? 50_000);
const WITH_SQL = process.env.MATCHING_BENCH_SQL !== '0';
const WORLD_SEED = 20261123;
const GRADUATE_SEED = 1;
const DEMAND_SEED = 2;
const K = 50;
const RANK_QUERIES = 300;
const REVERSE_QUERIES = 300;
const SQL_QUERIES = 50;
/** Queries run first on other demands and graduates, so JIT warm-up is not measured. */
const WARM_UP = 100;

const log = (line: string) => process.stderr.write(`[bench:matching] ${line}\n`);
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

function percentile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

const round2 = (ms: number) => Math.round(ms * 100) / 100;

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

async function main(): Promise<void> {
  log(`node ${process.version}, ${cpus().length} cpus (${cpus()[0]?.model ?? '?'}), load ${loadAverage()}`);
  const world = new MatchingWorld(WORLD_SEED);
  collectGarbage();
  const baseRss = process.memoryUsage().rss;

  // ---- build the index ------------------------------------------------------------------------
  const index = new RankingIndex();
  const changedSamples: RankableGraduate[] = [];
  const warmUpGraduates: RankableGraduate[] = [];
  const sampleEvery = Math.max(2, Math.floor(PROFILES / (REVERSE_QUERIES * 2)));
  let started = performance.now();
  let i = 0;
  for (const g of world.graduates(GRADUATE_SEED, PROFILES)) {
    index.upsertGraduate(g);
    const recommendable = g.consentStatus === 'given' && !g.placed;
    if (recommendable && i % sampleEvery === 0) changedSamples.push(g);
    if (recommendable && i % sampleEvery === sampleEvery >> 1) warmUpGraduates.push(g);
    i++;
  }
  const buildGraduatesMs = performance.now() - started;
  started = performance.now();
  const demands: RankableDemand[] = [];
  const warmUpDemands: RankableDemand[] = [];
  const demandEvery = Math.max(2, Math.floor(DEMANDS / RANK_QUERIES));
  i = 0;
  for (const d of world.demands(DEMAND_SEED, DEMANDS)) {
    index.upsertDemand(d);
    if (i % demandEvery === 0) demands.push(d);
    if (i % demandEvery === demandEvery >> 1) warmUpDemands.push(d);
    i++;
  }
  const buildDemandsMs = performance.now() - started;
  collectGarbage();
  const memory = process.memoryUsage();
  log(
    `index: ${index.graduateCount} profiles (${index.recommendableCount} recommendable) in ${Math.round(buildGraduatesMs)} ms, ` +
      `${index.demandCount} demands in ${Math.round(buildDemandsMs)} ms; rss ${mb(memory.rss)} MB ` +
      `(before: ${mb(baseRss)} MB), heap ${mb(memory.heapUsed)} MB, typed arrays ${mb(memory.arrayBuffers)} MB`,
  );

  // ---- forward: top 50 for one demand -----------------------------------------------------------
  for (const d of warmUpDemands.slice(0, WARM_UP)) index.topK(d.demandId, K);
  const rankMs: number[] = [];
  let ranked = 0;
  for (const d of demands.slice(0, RANK_QUERIES)) {
    const t = performance.now();
    const page = index.topK(d.demandId, K)!;
    rankMs.push(performance.now() - t);
    ranked += page.items.length;
  }
  log(
    `topK(${K}) over ${rankMs.length} demands: p50 ${round2(percentile(rankMs, 0.5))} ms, p99 ${round2(percentile(rankMs, 0.99))} ms, ` +
      `max ${round2(Math.max(...rankMs))} ms, ${Math.round(ranked / rankMs.length)} candidates per page`,
  );

  // ---- reverse: one changed profile against every open demand --------------------------------
  const extraSkills = ['python', 'java', 'excel', 'plc', '数据分析'];
  for (const g of warmUpGraduates.slice(0, WARM_UP)) {
    index.upsertGraduate({ ...g, skills: [...g.skills, 'python'] });
    index.evaluateGraduate(g.graduateId);
    index.upsertGraduate(g);
  }
  const reverseMs: number[] = [];
  let qualifying = 0;
  for (const [n, g] of changedSamples.slice(0, REVERSE_QUERIES).entries()) {
    const changed = { ...g, skills: [...g.skills, extraSkills[n % extraSkills.length]] };
    const t = performance.now();
    index.upsertGraduate(changed);
    const scores = index.evaluateGraduate(changed.graduateId)!;
    reverseMs.push(performance.now() - t);
    qualifying += scores.length;
    index.upsertGraduate(g);
  }
  log(
    `changed profile → upsert + evaluate against ${index.demandCount} demands over ${reverseMs.length} profiles: ` +
      `p50 ${round2(percentile(reverseMs, 0.5))} ms, p99 ${round2(percentile(reverseMs, 0.99))} ms, ` +
      `${Math.round(qualifying / reverseMs.length)} qualifying demands on average`,
  );

  // ---- PostgreSQL: the same query -------------------------------------------------------------
  let sqlP50: number | null = null;
  if (WITH_SQL) {
    const sql = await MatchingSql.create();
    try {
      started = performance.now();
      const rows = await sql.load(world.graduates(GRADUATE_SEED, PROFILES));
      log(`postgres: COPY ${rows} rows in ${Math.round(performance.now() - started)} ms`);
      started = performance.now();
      await sql.createIndexes();
      log(`postgres: GIN + btree indexes and ANALYZE in ${Math.round(performance.now() - started)} ms`);
      const queries = demands.slice(0, SQL_QUERIES).map((d) => ({
        demand: d,
        query: sqlQueryFor(d, index.demandWeights(d.demandId)!, index.config, world.overlappingRegions(d.cities)),
      }));
      for (const { query } of queries.slice(0, 3)) await sql.topK(query, K);
      const sqlMs: number[] = [];
      let agreeing = 0;
      for (const { demand, query } of queries) {
        const { ms, rows: sqlRows } = await sql.topK(query, K);
        sqlMs.push(ms);
        const mine = index.topK(demand.demandId, K)!.items.map((c) => ({ graduateId: c.graduateId, score: c.score }));
        if (JSON.stringify(mine) === JSON.stringify(sqlRows)) agreeing++;
      }
      sqlP50 = percentile(sqlMs, 0.5);
      log(
        `postgres top ${K} over ${sqlMs.length} demands: p50 ${round2(sqlP50)} ms, p99 ${round2(percentile(sqlMs, 0.99))} ms; ` +
          `${agreeing}/${sqlMs.length} rankings identical to the index's`,
      );
    } finally {
      await sql.close();
    }
  }

  const rankP50 = percentile(rankMs, 0.5);
  log(`load at the end: ${loadAverage()}`);
  process.stdout.write(
    JSON.stringify({
      rank_p50_ms: round2(rankP50),
      rank_p99_ms: round2(percentile(rankMs, 0.99)),
      sql_p50_ms: sqlP50 === null ? null : round2(sqlP50),
      speedup_vs_sql: sqlP50 === null ? null : Math.round(sqlP50 / rankP50),
      reverse_p99_ms: round2(percentile(reverseMs, 0.99)),
      index_rss_mb: mb(memory.rss),
      profiles: index.graduateCount,
    }) + '\n',
  );
}

function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
