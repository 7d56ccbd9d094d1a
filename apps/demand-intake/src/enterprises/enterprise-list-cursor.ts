/**
 * Opaque keyset cursor of the enterprise list: the (created_at, id) of the last row of a page,
 * as base64url JSON. Rows are ordered newest first, ties broken by id, so a page boundary is
 * exact even when rows are added between requests.
 */
export interface EnterpriseListPosition {
  createdAt: Date;
  id: string;
}

export function encodeListCursor(position: EnterpriseListPosition): string {
  return Buffer.from(JSON.stringify({ t: position.createdAt.toISOString(), id: position.id }), 'utf8').toString(
    'base64url',
  );
}

/** The position a cursor names, or null when it is not one this service produced. */
export function decodeListCursor(cursor: string): EnterpriseListPosition | null {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(cursor) || cursor.length > 1024) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { t, id } = parsed as { t?: unknown; id?: unknown };
  if (typeof t !== 'string' || typeof id !== 'string' || id === '') return null;
  const createdAt = new Date(t);
  if (Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== t) return null;
  return { createdAt, id };
}
