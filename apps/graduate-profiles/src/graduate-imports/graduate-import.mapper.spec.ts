import {
  decodeErrorCursor,
  decodeJobCursor,
  encodeErrorCursor,
  encodeJobCursor,
  progressOf,
} from './graduate-import.mapper.js';

describe('import job mapping', () => {
  it.each([
    [{ status: 'queued', processedRows: 0, totalRows: null }, 0],
    [{ status: 'running', processedRows: 500, totalRows: null }, 0],
    [{ status: 'running', processedRows: 3_333, totalRows: 10_000 }, 33.3],
    [{ status: 'running', processedRows: 9_999, totalRows: 10_000 }, 99.9],
    [{ status: 'completed', processedRows: 10_000, totalRows: 10_000 }, 100],
    [{ status: 'failed', processedRows: 0, totalRows: 0 }, 0],
  ] as const)('progress of %p is %p %', (job, progress) => {
    expect(progressOf(job)).toBe(progress);
  });

  it('round-trips its cursors and refuses anything else', () => {
    const job = { createdAt: new Date('2026-11-23T10:00:00.123Z'), id: '0b7c1a52-3f4e-4a8b-9c1d-2e3f4a5b6c7d' };
    expect(decodeJobCursor(encodeJobCursor(job))).toEqual({ createdAt: '2026-11-23T10:00:00.123Z', id: job.id });
    expect(decodeErrorCursor(encodeErrorCursor({ rowNumber: 37, id: 1204 }))).toEqual({ row: 37, id: 1204 });
    for (const bad of ['', 'nonsense!', Buffer.from('{"r":0,"i":1}').toString('base64url'), encodeJobCursor(job)]) {
      expect(decodeErrorCursor(bad)).toBeNull();
    }
    expect(decodeJobCursor(encodeErrorCursor({ rowNumber: 2, id: 3 }))).toBeNull();
  });
});
