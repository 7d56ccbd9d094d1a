/** Limits of one cohort upload. */
export const GRADUATE_IMPORT_MAX_ROWS = 100_000;
export const GRADUATE_IMPORT_MAX_FILE_MB = 50;
export const GRADUATE_IMPORT_MAX_FILE_BYTES = GRADUATE_IMPORT_MAX_FILE_MB * 1024 * 1024;

/** The multipart form field that carries the file. */
export const GRADUATE_IMPORT_FILE_FIELD = 'file';

export const GRADUATE_IMPORT_TEMPLATE_NAME = '毕业生导入模板';
export const GRADUATE_IMPORT_REPORT_NAME = '毕业生导入错误报告';

/** The error report's columns (CSV), in order. */
export const ERROR_REPORT_HEADERS = ['行号', '列', '值', '错误说明'] as const;

/**
 * Background processing. Module constants rather than settings: they tune the runner, not the
 * product, and the defaults hold for our machines.
 */
export const IMPORT_RUNNER = {
  /** Jobs one instance works on at once (each is one stream and one transaction at a time). */
  concurrency: 2,
  /** How often an idle runner looks for queued jobs and jobs whose runner died. */
  pollMs: 1_000,
  /**
   * A running job whose lease ran out is taken over (its runner is presumed dead): after a crash,
   * the job resumes within this time. A batch takes well under a second, so this is ample.
   */
  leaseMs: 15_000,
  /** The lease is renewed this often while a job runs (and with every batch). */
  heartbeatMs: 3_000,
  /** A job started this many times without finishing fails rather than crash the service again. */
  maxAttempts: 3,
  /** Finished jobs, their error reports and any leftover upload are deleted after this many days. */
  retentionDays: 30,
  /** How often the retention clean-up runs. */
  cleanupEveryMs: 60 * 60 * 1000,
  /** A batch that fails for a passing reason (connection lost, deadlock) is retried this often. */
  batchRetries: 3,
} as const;

/** How often the progress stream (SSE) looks at the job, and the longest silence before a keep-alive. */
export const IMPORT_EVENTS = { pollMs: 500, keepAliveMs: 15_000 } as const;
