import { STUDENT_NUMBER_PATTERN } from './dto/graduate-profile-input.dto.js';

/**
 * Opaque keyset cursors (base64url JSON). The graduate list is ordered by student number (unique
 * within a college), the reveal log by id, so a page boundary is exact even while rows are added.
 */

function encode(value: Record<string, string>): string {
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

export function encodeGraduateCursor(studentNumber: string): string {
  return encode({ s: studentNumber });
}

/** The student number a cursor names, or null when it is not one this service produced. */
export function decodeGraduateCursor(cursor: string): string | null {
  const s = decode(cursor)?.s;
  return typeof s === 'string' && STUDENT_NUMBER_PATTERN.test(s) ? s : null;
}

export function encodeRevealCursor(id: string): string {
  return encode({ r: id });
}

export function decodeRevealCursor(cursor: string): string | null {
  const r = decode(cursor)?.r;
  return typeof r === 'string' && /^[1-9]\d{0,17}$/.test(r) ? r : null;
}
