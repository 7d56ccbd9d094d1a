import type { ImportErrorDto, ImportJobResponseDto } from './dto/import-job.response.dto.js';
import type { ImportJobEntity, ImportJobErrorEntity } from './import-job.entity.js';
import type { ErrorCursor } from './import-jobs.repository.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** processedRows ÷ totalRows as a percentage with one decimal; 100 once the job completed. */
export function progressOf(job: Pick<ImportJobEntity, 'status' | 'processedRows' | 'totalRows'>): number {
  if (job.status === 'completed') return 100;
  if (!job.totalRows) return 0;
  return Math.min(100, Math.floor((job.processedRows / job.totalRows) * 1000) / 10);
}

export function toImportJobResponse(job: ImportJobEntity): ImportJobResponseDto {
  const self = `/graduate-imports/${job.id}`;
  return {
    id: job.id,
    collegeId: job.collegeId,
    status: job.status,
    fileName: job.fileName,
    fileFormat: job.fileFormat,
    fileSize: job.fileSize,
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    progress: progressOf(job),
    accepted: job.created + job.updated + job.unchanged,
    created: job.created,
    updated: job.updated,
    unchanged: job.unchanged,
    rejected: job.rejected,
    errorCount: job.errorCount,
    eventsWritten: job.eventsWritten,
    attempts: job.attempts,
    createdAt: job.createdAt.toISOString(),
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
    error:
      job.status === 'failed'
        ? {
            code: job.failureCode ?? 'import_internal_error',
            message: job.failureMessage ?? '',
            details: job.failureDetails ?? {},
          }
        : null,
    links: { self, events: `${self}/events`, errors: `${self}/errors` },
  };
}

export function toImportError(e: ImportJobErrorEntity): ImportErrorDto {
  return { row: e.rowNumber, column: e.columnName, field: e.field, value: e.value, message: e.message };
}

// Opaque keyset cursors (base64url JSON), as elsewhere in this service.

function encode(value: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decode(cursor: string): Record<string, unknown> | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor) || cursor.length > 200) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeJobCursor(job: Pick<ImportJobEntity, 'createdAt' | 'id'>): string {
  return encode({ c: job.createdAt.toISOString(), i: job.id });
}

export function decodeJobCursor(cursor: string): { createdAt: string; id: string } | null {
  const value = decode(cursor);
  const c = value?.c;
  const i = value?.i;
  if (typeof c !== 'string' || typeof i !== 'string' || !UUID.test(i) || Number.isNaN(Date.parse(c))) return null;
  return { createdAt: c, id: i };
}

export function encodeErrorCursor(e: Pick<ImportJobErrorEntity, 'rowNumber' | 'id'>): string {
  return encode({ r: e.rowNumber, i: e.id });
}

export function decodeErrorCursor(cursor: string): ErrorCursor | null {
  const value = decode(cursor);
  const r = value?.r;
  const i = value?.i;
  return Number.isSafeInteger(r) && Number.isSafeInteger(i) && (r as number) >= 1 && (i as number) >= 1
    ? { row: r as number, id: i as number }
    : null;
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
