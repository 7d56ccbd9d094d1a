import { createHash } from 'node:crypto';
import type { Caller } from '#auth';
import { IDEMPOTENCY_KEY_MAX_LENGTH } from './idempotency.constants.js';
import { IdempotencyKeyInvalidError } from './idempotency.errors.js';

/**
 * The key from the raw header value: undefined when the header is absent (the route then runs
 * without idempotency); an empty or over-long key is refused.
 */
export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  // Node joins repeated custom headers with ", "; an array only comes from unusual adapters.
  const key = (Array.isArray(header) ? header.join(', ') : header).trim();
  if (key.length === 0) throw new IdempotencyKeyInvalidError('empty');
  if (key.length > IDEMPOTENCY_KEY_MAX_LENGTH) throw new IdempotencyKeyInvalidError('too_long');
  return key;
}

/** Keys belong to one caller: JSON keeps `org` and `subject` apart whatever characters they hold. */
export function idempotencyScope(caller: Pick<Caller, 'subject' | 'orgId'>): string {
  return JSON.stringify([caller.orgId, caller.subject]);
}

/**
 * JSON with object keys sorted at every depth, so `{a,b}` and `{b,a}` give the same text.
 * Follows JSON.stringify otherwise: `toJSON` is honoured, undefined/functions are dropped from
 * objects and become null in arrays.
 */
export function canonicalJson(value: unknown): string {
  return write(value) ?? 'null';
}

function write(value: unknown): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => write(item) ?? 'null').join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    // Built as text, not as a new object: a `__proto__` key in a JSON body stays an ordinary key.
    const members = Object.keys(value)
      .sort()
      .flatMap((key) => {
        const member = write((value as Record<string, unknown>)[key]);
        return member === undefined ? [] : [`${JSON.stringify(key)}:${member}`];
      });
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) as string | undefined;
}

export interface FingerprintedRequest {
  method: string;
  /** Path without the query string, e.g. `/demands/42/publish`. */
  path: string;
  /** Parsed query; a different query is a different request. */
  query?: unknown;
  /** Parsed JSON body as received, before validation. */
  body?: unknown;
  /** The If-Match header: the same body against another version is another request. */
  ifMatch?: string;
}

/** SHA-256 (hex) of the canonical request: what a key is bound to. */
export function requestFingerprint(request: FingerprintedRequest): string {
  const canonical = canonicalJson({
    method: request.method.toUpperCase(),
    path: request.path,
    query: request.query ?? {},
    body: request.body ?? null,
    ifMatch: request.ifMatch ?? null,
  });
  return createHash('sha256').update(canonical).digest('hex');
}
