import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DataSource } from 'typeorm';
import { IMPORT_RUNNER } from './graduate-import.constants.js';
import { ImportFileStorage } from './import-file.storage.js';
import { ImportJobsRepository } from './import-jobs.repository.js';
import { RunGraduateImportUseCase } from './use-cases/run-graduate-import.use-case.js';

interface ActiveRun {
  owner: string;
  abort: AbortController;
  done: Promise<void>;
}

/**
 * Runs import jobs in the background, up to IMPORT_RUNNER.concurrency at a time per instance.
 *
 * Durability: jobs live in the database, not in memory. A runner claims a job with a lease that
 * it renews while it works; a job whose runner died (SIGKILL, lost machine) keeps status
 * `running` until its lease runs out, then any instance takes it over and resumes after the
 * last committed batch (counts stay exact: see RunGraduateImportUseCase). On a graceful stop,
 * running jobs finish their batch in flight and go back to the queue, to resume at the next start.
 * A job started more than IMPORT_RUNNER.maxAttempts times fails instead of looping.
 */
@Injectable()
export class GraduateImportRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(GraduateImportRunner.name);
  /** This process; each run adds its own suffix, so two runs never share a lease. */
  private readonly instance = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly active = new Map<string, ActiveRun>();
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private pollAgain = false;
  private stopping = false;
  private lastCleanup = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: ImportJobsRepository,
    private readonly storage: ImportFileStorage,
    private readonly runImport: RunGraduateImportUseCase,
  ) {}

  onApplicationBootstrap(): void {
    this.poll();
  }

  /** A job was queued: look now rather than at the next poll. */
  wake(): void {
    this.poll();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    for (const run of this.active.values()) run.abort.abort();
    await this.polling;
    await Promise.all([...this.active.values()].map((run) => run.done));
  }

  private poll(): void {
    if (this.stopping) return;
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.polling = this.claimJobs()
      .catch((err: unknown) => this.logger.warn({ msg: 'import runner poll failed', error: String(err) }))
      .finally(() => {
        this.polling = null;
        if (this.stopping) return;
        const again = this.pollAgain;
        this.pollAgain = false;
        this.timer = setTimeout(() => this.poll(), again ? 0 : IMPORT_RUNNER.pollMs);
        this.timer.unref();
      });
  }

  private async claimJobs(): Promise<void> {
    await this.cleanupIfDue();
    while (!this.stopping && this.active.size < IMPORT_RUNNER.concurrency) {
      const owner = `${this.instance}:${randomUUID().slice(0, 8)}`;
      const jobId = await this.jobs.claimNext(this.dataSource.manager, owner, IMPORT_RUNNER.leaseMs);
      if (!jobId) return;
      this.start(jobId, owner);
    }
  }

  private start(jobId: string, owner: string): void {
    // Our own run of it lost its lease (e.g. a long database stall) and was taken over: it stops.
    this.active.get(jobId)?.abort.abort();
    const abort = new AbortController();
    const heartbeat = setInterval(() => {
      this.jobs.renewLease(this.dataSource.manager, jobId, owner, IMPORT_RUNNER.leaseMs).then(
        (held) => {
          if (!held) abort.abort();
        },
        (err: unknown) => this.logger.warn({ msg: 'import lease renewal failed', jobId, error: String(err) }),
      );
    }, IMPORT_RUNNER.heartbeatMs);
    heartbeat.unref();
    const done = this.runImport
      .execute(jobId, { owner, signal: abort.signal })
      .then(
        (outcome) => {
          if (outcome === 'lost') this.logger.warn({ msg: 'import job taken over by another runner', jobId });
        },
        (err: unknown) => this.logger.error({ msg: 'import job run crashed', jobId, err }),
      )
      .finally(() => {
        clearInterval(heartbeat);
        if (this.active.get(jobId)?.owner === owner) this.active.delete(jobId);
        this.poll();
      });
    this.active.set(jobId, { owner, abort, done });
  }

  /** Retention: finished jobs and their reports after IMPORT_RUNNER.retentionDays; orphaned uploads. */
  private async cleanupIfDue(): Promise<void> {
    if (Date.now() - this.lastCleanup < IMPORT_RUNNER.cleanupEveryMs) return;
    this.lastCleanup = Date.now();
    const cutoff = new Date(Date.now() - IMPORT_RUNNER.retentionDays * 86_400_000);
    const expired = await this.jobs.deleteFinishedBefore(this.dataSource.manager, cutoff);
    for (const file of expired.storedFiles) await this.storage.remove(file);
    // An upload with no job: the process died between storing it and recording the job.
    const pending = await this.jobs.pendingStoredFiles(this.dataSource.manager);
    const orphans = await this.storage.removeOrphans(pending, 60 * 60 * 1000);
    if (expired.deleted || orphans) {
      this.logger.log({ msg: 'import retention clean-up', deletedJobs: expired.deleted, orphanUploads: orphans });
    }
  }
}
