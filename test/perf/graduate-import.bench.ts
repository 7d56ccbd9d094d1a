/**
 * Cohort import benchmark (npm run bench:import): 100,000 generated graduates (fixed seed) as one
 * CSV, uploaded to the built graduate-profiles service on a fresh database, timed from the upload
 * to the job's `completed`, with the service process's memory sampled from /proc throughout.
 *
 * The last line of stdout is one JSON object: rows, seconds, rows_per_s, peak_rss_mb, and details.
 * Progress goes to stderr. Knobs (environment): BENCH_ROWS (default 100000), BENCH_FORMAT (csv or
 * xlsx), GRADUATE_IMPORT_BATCH_SIZE (passed to the service), BENCH_REUPLOAD=1 (then also times a
 * re-upload of the same file, which must change nothing), BENCH_SERVICE_NODE_OPTIONS (the service's
 * NODE_OPTIONS, e.g. to profile it).
 */
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, openAsBlob, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import { bearer, createTestDatabase, makeCollegeInput, ServiceProcess, uniqueTopicPrefix, withClient } from '#testing';
import { COHORT_DEPARTMENTS, COHORT_HEADERS, cohortRow, csvLineOf } from './cohort-generator.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const FORMAT = process.env.BENCH_FORMAT === 'xlsx' ? 'xlsx' : 'csv';
const SEED = 20261123;
const SAMPLE_MS = 100;

const say = (line: string) => process.stderr.write(`[bench:import] ${line}\n`);
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** VmRSS and VmHWM (peak) of a process, in MB, from /proc (Linux). */
function memoryOf(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

async function writeCohortFile(dir: string): Promise<string> {
  const path = join(dir, `cohort.${FORMAT}`);
  if (FORMAT === 'xlsx') {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const sheet = workbook.addWorksheet('毕业生');
    sheet.addRow([...COHORT_HEADERS]).commit();
    for (let i = 0; i < ROWS; i++) sheet.addRow(COHORT_HEADERS.map((h) => cohortRow(i, { seed: SEED })[h])).commit();
    sheet.commit();
    await workbook.commit();
    return path;
  }
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`\uFEFF${COHORT_HEADERS.join(',')}\r\n`);
  for (let i = 0; i < ROWS; i++) await write(`${csvLineOf(cohortRow(i, { seed: SEED }))}\r\n`);
  out.end();
  await once(out, 'finish');
  return path;
}

interface Job {
  id: string;
  status: string;
  processedRows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  error: unknown;
}

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'tb-bench-import-'));
  const db = await createTestDatabase('bench_import');
  const service = new ServiceProcess({
    service: 'graduate-profiles',
    databaseUrl: db.url,
    topicPrefix: uniqueTopicPrefix('benchimport'),
    env: {
      LOG_LEVEL: 'warn',
      GRADUATE_IMPORT_DIR: join(workDir, 'uploads'),
      ...(process.env.GRADUATE_IMPORT_BATCH_SIZE
        ? { GRADUATE_IMPORT_BATCH_SIZE: process.env.GRADUATE_IMPORT_BATCH_SIZE }
        : {}),
      // e.g. --cpu-prof --cpu-prof-dir=/tmp/prof to profile the service under the benchmark.
      ...(process.env.BENCH_SERVICE_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVICE_NODE_OPTIONS } : {}),
    },
  });
  try {
    say(`generating ${ROWS} rows (${FORMAT}, seed ${SEED})`);
    const file = await writeCohortFile(workDir);
    const fileBytes = statSync(file).size;

    say('starting graduate-profiles from dist/');
    await service.start();
    // The child is ServiceProcess's own; its pid is what /proc is read for.
    const pid = (service as unknown as { child: ChildProcess }).child.pid!;
    const collegeId = `bench-${randomUUID().slice(0, 8)}`;
    const headers = bearer('college', collegeId);
    const registered = await service.request('/colleges', {
      method: 'POST',
      headers,
      json: makeCollegeInput({ departments: COHORT_DEPARTMENTS }),
    });
    if (registered.status !== 201) throw new Error(`college registration: HTTP ${registered.status}`);

    const baseline = memoryOf(pid)!;
    say(`service pid ${pid}, RSS after start ${mb(baseline.rss * 1024 * 1024)} MB`);

    const importOnce = async (label: string) => {
      const samples: number[] = [];
      let peakRss = 0;
      const sampler = setInterval(() => {
        const m = memoryOf(pid);
        if (m) {
          samples.push(m.rss);
          peakRss = Math.max(peakRss, m.rss);
        }
      }, SAMPLE_MS);
      const cpuBefore = cpuSecondsOf(pid);
      const started = performance.now();
      const form = new FormData();
      form.append('file', await openAsBlob(file), `cohort.${FORMAT}`);
      const res = await service.request(`/colleges/${collegeId}/graduate-imports`, {
        method: 'POST',
        headers,
        body: form,
      });
      const uploaded = performance.now();
      if (res.status !== 202) throw new Error(`upload: HTTP ${res.status} ${await res.text()}`);
      const { id } = (await res.json()) as Job;
      let job: Job;
      let lastReport = 0;
      for (;;) {
        job = (await (await service.request(`/graduate-imports/${id}`, { headers })).json()) as Job;
        if (job.status === 'completed' || job.status === 'failed') break;
        if (performance.now() - lastReport > 5_000) {
          say(`${label}: ${job.status} ${job.processedRows}/${ROWS}`);
          lastReport = performance.now();
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      const seconds = (performance.now() - started) / 1000;
      const cpuSeconds = cpuSecondsOf(pid) - cpuBefore;
      clearInterval(sampler);
      if (job.status !== 'completed') throw new Error(`import ${label} ${job.status}: ${JSON.stringify(job.error)}`);
      say(`${label}: ${job.processedRows} rows in ${seconds.toFixed(1)} s`);
      return {
        job,
        seconds,
        cpuSeconds,
        uploadSeconds: (uploaded - started) / 1000,
        peakRss,
        // RSS at the end of the run vs. the middle: flat memory shows as a small difference.
        rssMidMb: samples[Math.floor(samples.length / 2)] ?? 0,
        rssEndMb: samples[samples.length - 1] ?? 0,
      };
    };

    const first = await importOnce('import');
    const stored = await withClient(db.url, async (c) => {
      const { rows } = await c.query(
        `SELECT count(*)::int AS n FROM "graduate-profiles".graduates WHERE college_id = $1`,
        [collegeId],
      );
      return rows[0].n as number;
    });
    if (stored !== first.job.created || first.job.created + first.job.rejected !== ROWS) {
      throw new Error(`expected ${ROWS} rows accounted for, stored ${stored}: ${JSON.stringify(first.job)}`);
    }
    const again = process.env.BENCH_REUPLOAD === '1' ? await importOnce('re-upload') : null;
    if (again && (again.job.created !== 0 || again.job.updated !== 0)) {
      throw new Error(`re-upload changed rows: ${JSON.stringify(again.job)}`);
    }
    const end = memoryOf(pid)!;

    const result = {
      rows: ROWS,
      seconds: Math.round(first.seconds * 100) / 100,
      rows_per_s: Math.round(ROWS / first.seconds),
      peak_rss_mb: Math.round(Math.max(first.peakRss, again?.peakRss ?? 0)),
      baseline_rss_mb: Math.round(baseline.rss),
      rss_mid_mb: Math.round(first.rssMidMb),
      rss_end_mb: Math.round(first.rssEndMb),
      vm_hwm_mb: Math.round(end.hwm),
      upload_seconds: Math.round(first.uploadSeconds * 100) / 100,
      // CPU the service used for the import: independent of other load on the machine.
      service_cpu_seconds: Math.round(first.cpuSeconds * 10) / 10,
      load_average: Math.round(loadavg()[0]! * 100) / 100,
      created: first.job.created,
      rejected: first.job.rejected,
      ...(again
        ? { reupload_seconds: Math.round(again.seconds * 100) / 100, reupload_unchanged: again.job.unchanged }
        : {}),
      format: FORMAT,
      file_mb: mb(fileBytes),
      batch_size: Number(process.env.GRADUATE_IMPORT_BATCH_SIZE ?? 500),
      cpus: cpus().length,
      node: process.version,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await service.stop();
    await db.drop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`[bench:import] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
