import { IdempotencyKeyInvalidError } from './idempotency.errors.js';
import { canonicalJson, idempotencyScope, parseIdempotencyKey, requestFingerprint } from './idempotency.request.js';

const request = (
  body: unknown,
  over: Partial<{ method: string; path: string; query: unknown; ifMatch: string }> = {},
) => requestFingerprint({ method: 'POST', path: '/demands', query: {}, body, ...over });

describe('canonicalJson', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('follows JSON.stringify for undefined, dates and special keys', () => {
    expect(canonicalJson({ a: undefined, b: [undefined], c: new Date('2025-01-02T03:04:05.000Z') })).toBe(
      '{"b":[null],"c":"2025-01-02T03:04:05.000Z"}',
    );
    expect(canonicalJson(JSON.parse('{"__proto__":{"x":1},"a":2}'))).toBe('{"__proto__":{"x":1},"a":2}');
    expect(canonicalJson(undefined)).toBe('null');
  });
});

describe('requestFingerprint', () => {
  it('does not depend on the order of keys, nested ones included', () => {
    const one = request({ title: 'Java 实习生', skills: [{ name: 'java', weight: 3 }], headcount: 2 });
    const two = request({ headcount: 2, skills: [{ weight: 3, name: 'java' }], title: 'Java 实习生' });
    expect(one).toBe(two);
    expect(one).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs when any value differs', () => {
    const base = request({ title: 'a', headcount: 2, skills: ['java', 'sql'] });
    expect(request({ title: 'a', headcount: 3, skills: ['java', 'sql'] })).not.toBe(base);
    expect(request({ title: 'a', headcount: '2', skills: ['java', 'sql'] })).not.toBe(base);
    expect(request({ title: 'a', headcount: 2, skills: ['sql', 'java'] })).not.toBe(base);
    expect(request({ title: 'a', headcount: 2, skills: ['java', 'sql'], extra: null })).not.toBe(base);
  });

  it('binds the method, path, query and If-Match too', () => {
    const base = request({ a: 1 });
    expect(request({ a: 1 }, { method: 'post' })).toBe(base);
    expect(request({ a: 1 }, { method: 'PUT' })).not.toBe(base);
    expect(request({ a: 1 }, { path: '/demands/1' })).not.toBe(base);
    expect(request({ a: 1 }, { query: { dryRun: 'true' } })).not.toBe(base);
    expect(request({ a: 1 }, { ifMatch: '"3"' })).not.toBe(base);
    expect(request({ a: 1 }, { ifMatch: '"3"' })).not.toBe(request({ a: 1 }, { ifMatch: '"4"' }));
  });

  it('treats a missing body as null', () => {
    expect(request(undefined)).toBe(request(null));
    expect(request(undefined)).not.toBe(request({}));
  });
});

describe('parseIdempotencyKey', () => {
  it('is undefined without the header and trims a present one', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
    expect(parseIdempotencyKey(' k-1 ')).toBe('k-1');
    expect(parseIdempotencyKey('x'.repeat(255))).toHaveLength(255);
  });

  it('refuses an empty or over-long key, naming the header', () => {
    for (const [header, problem] of [
      ['', 'empty'],
      ['   ', 'empty'],
      ['x'.repeat(256), 'too_long'],
    ] as const) {
      let error: unknown;
      try {
        parseIdempotencyKey(header);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(IdempotencyKeyInvalidError);
      expect((error as IdempotencyKeyInvalidError).problem).toBe(problem);
      expect((error as IdempotencyKeyInvalidError).message).toContain('Idempotency-Key');
    }
  });
});

describe('idempotencyScope', () => {
  it('keeps callers apart, also when ids contain separators', () => {
    expect(idempotencyScope({ subject: 'u1', orgId: 'org-a' })).not.toBe(
      idempotencyScope({ subject: 'u1', orgId: 'org-b' }),
    );
    expect(idempotencyScope({ subject: 'b:c', orgId: 'a' })).not.toBe(idempotencyScope({ subject: 'c', orgId: 'a:b' }));
    expect(idempotencyScope({ subject: 'admin', orgId: null })).not.toBe(
      idempotencyScope({ subject: 'admin', orgId: 'null' }),
    );
  });
});
