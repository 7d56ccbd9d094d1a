import { createHmac, createSign, generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { InvalidTokenError, type InvalidTokenReason } from './errors.js';
import { JwtVerifier } from './jwt-verifier.js';
import { mintToken } from './token-minter.js';

const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const otherKeys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const nowSec = (): number => Math.floor(Date.now() / 1000);

function reasonOf(fn: () => unknown): InvalidTokenReason {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidTokenError) {
      return error.reason;
    }
    throw error;
  }
  throw new Error('expected InvalidTokenError, nothing was thrown');
}

describe('JwtVerifier', () => {
  const verifier = new JwtVerifier({ publicKeyPem: keys.publicKey });
  const mint = (overrides: Partial<Parameters<typeof mintToken>[0]> = {}): string =>
    mintToken({
      privateKeyPem: keys.privateKey,
      role: 'enterprise',
      sub: 'user-1',
      org: 'ent-1',
      ttlSeconds: 600,
      ...overrides,
    });

  it('returns the Caller for a valid token', () => {
    expect(verifier.verify(mint())).toEqual({ subject: 'user-1', role: 'enterprise', orgId: 'ent-1' });
  });

  it('maps a graduate token: sub = graduate id, org = college id', () => {
    const token = mint({ role: 'graduate', sub: 'grad-9', org: 'college-3' });
    expect(verifier.verify(token)).toEqual({ subject: 'grad-9', role: 'graduate', orgId: 'college-3' });
  });

  it('accepts a platform_admin token without org (orgId null)', () => {
    const token = mint({ role: 'platform_admin', sub: 'admin-1', org: undefined });
    expect(verifier.verify(token)).toEqual({ subject: 'admin-1', role: 'platform_admin', orgId: null });
  });

  it.each([undefined, null, '', '   '])('token_missing for %p', (token) => {
    expect(reasonOf(() => verifier.verify(token))).toBe('token_missing');
  });

  it.each([
    'abc',
    'a.b',
    'a.b.c.d',
    '!!!.???.###',
    `${b64url({ alg: 'RS256' })}.not-json.sig`,
    `${b64url({ alg: 'RS256' })}.${b64url([1])}.sig`,
  ])('token_malformed for %p', (token) => {
    expect(reasonOf(() => verifier.verify(token))).toBe('token_malformed');
  });

  it('token_expired for an expired token', () => {
    const token = mint({ ttlSeconds: 60, now: new Date(Date.now() - 3600_000) });
    expect(reasonOf(() => verifier.verify(token))).toBe('token_expired');
  });

  it('honours clockToleranceSec', () => {
    const token = mint({ ttlSeconds: 60, now: new Date(Date.now() - 90_000) }); // expired 30 s ago
    expect(reasonOf(() => verifier.verify(token))).toBe('token_expired');
    const lenient = new JwtVerifier({ publicKeyPem: keys.publicKey, clockToleranceSec: 120 });
    expect(lenient.verify(token).subject).toBe('user-1');
  });

  it('token_signature_invalid for a token signed with another key', () => {
    const token = mint({ privateKeyPem: otherKeys.privateKey });
    expect(reasonOf(() => verifier.verify(token))).toBe('token_signature_invalid');
  });

  it('token_signature_invalid for a tampered payload', () => {
    const [header, , signature] = mint().split('.');
    const forged = b64url({ sub: 'user-1', role: 'platform_admin', exp: nowSec() + 600 });
    expect(reasonOf(() => verifier.verify(`${header}.${forged}.${signature}`))).toBe('token_signature_invalid');
  });

  it('rejects HS256 signed with the public key text as HMAC secret (algorithm confusion)', () => {
    const signingInput = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({
      sub: 'attacker',
      role: 'platform_admin',
      exp: nowSec() + 600,
    })}`;
    const signature = createHmac('sha256', keys.publicKey).update(signingInput).digest('base64url');
    expect(reasonOf(() => verifier.verify(`${signingInput}.${signature}`))).toBe('token_signature_invalid');
  });

  it.each(['none', 'None', 'NONE'])('rejects alg %s (unsigned token)', (alg) => {
    const payload = b64url({ sub: 'attacker', role: 'platform_admin', exp: nowSec() + 600 });
    const header = b64url({ alg, typ: 'JWT' });
    expect(reasonOf(() => verifier.verify(`${header}.${payload}.`))).toBe('token_signature_invalid');
    expect(reasonOf(() => verifier.verify(`${header}.${payload}.c2ln`))).toBe('token_signature_invalid');
  });

  it('rejects other RSA algorithms (PS256) even with the right key', () => {
    const token = jwt.sign({ sub: 'u', role: 'enterprise', org: 'e' }, keys.privateKey, {
      algorithm: 'PS256',
      expiresIn: 600,
    });
    expect(reasonOf(() => verifier.verify(token))).toBe('token_signature_invalid');
  });

  /** Correct RS256 signature over an arbitrary payload (jwt.sign would refuse some of these). */
  const signRaw = (payload: object): string => {
    const signingInput = `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(payload)}`;
    const signature = createSign('RSA-SHA256').update(signingInput).sign(keys.privateKey, 'base64url');
    return `${signingInput}.${signature}`;
  };

  it.each([
    ['unknown role', { sub: 'u', role: 'superuser', org: 'e', exp: nowSec() + 600 }],
    ['missing role', { sub: 'u', org: 'e', exp: nowSec() + 600 }],
    ['missing sub', { role: 'enterprise', org: 'e', exp: nowSec() + 600 }],
    ['empty sub', { sub: '', role: 'enterprise', org: 'e', exp: nowSec() + 600 }],
    ['numeric sub', { sub: 42, role: 'enterprise', org: 'e', exp: nowSec() + 600 }],
    ['enterprise without org', { sub: 'u', role: 'enterprise', exp: nowSec() + 600 }],
    ['college with null org', { sub: 'u', role: 'college', org: null, exp: nowSec() + 600 }],
    ['graduate without org', { sub: 'u', role: 'graduate', exp: nowSec() + 600 }],
    ['organizer with numeric org', { sub: 'u', role: 'organizer', org: 7, exp: nowSec() + 600 }],
    ['missing exp', { sub: 'u', role: 'enterprise', org: 'e' }],
    ['non-numeric exp', { sub: 'u', role: 'enterprise', org: 'e', exp: 'tomorrow' }],
    ['non-numeric exp is checked after the signature', { sub: 'u', role: 'enterprise', org: 'e', exp: null }],
    ['nbf in the future', { sub: 'u', role: 'enterprise', org: 'e', exp: nowSec() + 600, nbf: nowSec() + 300 }],
  ])('token_claims_invalid: %s', (_name, payload) => {
    expect(reasonOf(() => verifier.verify(signRaw(payload)))).toBe('token_claims_invalid');
  });

  describe('issuer / audience', () => {
    const strict = new JwtVerifier({ publicKeyPem: keys.publicKey, issuer: 'tb', audience: 'tb-api' });

    it('accepts matching iss and aud (string or array)', () => {
      expect(strict.verify(mint({ issuer: 'tb', audience: 'tb-api' })).role).toBe('enterprise');
      const arrayAud = signRaw({
        sub: 'u',
        role: 'college',
        org: 'c',
        exp: nowSec() + 60,
        iss: 'tb',
        aud: ['x', 'tb-api'],
      });
      expect(strict.verify(arrayAud).orgId).toBe('c');
    });

    it.each([
      ['wrong issuer', { issuer: 'evil', audience: 'tb-api' }],
      ['missing issuer', { audience: 'tb-api' }],
      ['wrong audience', { issuer: 'tb', audience: 'other' }],
      ['missing audience', { issuer: 'tb' }],
    ])('token_claims_invalid: %s', (_name, claims) => {
      expect(reasonOf(() => strict.verify(mint(claims)))).toBe('token_claims_invalid');
    });
  });

  describe('constructor', () => {
    it('rejects a missing or invalid key', () => {
      expect(() => new JwtVerifier({ publicKeyPem: '' })).toThrow(/publicKeyPem is required/);
      expect(() => new JwtVerifier({ publicKeyPem: 'not a pem' })).toThrow(/not a valid PEM/);
    });

    it('rejects a non-RSA key', () => {
      const ec = generateKeyPairSync('ec', {
        namedCurve: 'P-256',
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      });
      expect(() => new JwtVerifier({ publicKeyPem: ec.publicKey })).toThrow(/expected an RSA key/);
    });
  });
});

describe('mintToken', () => {
  const base = { privateKeyPem: keys.privateKey, role: 'enterprise' as const, sub: 'u', org: 'e', ttlSeconds: 60 };

  it('signs RS256 with sub, role, org, iat, exp, iss, aud', () => {
    const token = mintToken({ ...base, issuer: 'tb', audience: 'tb-api', now: new Date(1_700_000_000_000) });
    const decoded = jwt.decode(token, { complete: true });
    expect(decoded?.header.alg).toBe('RS256');
    expect(decoded?.payload).toMatchObject({
      sub: 'u',
      role: 'enterprise',
      org: 'e',
      iat: 1_700_000_000,
      exp: 1_700_000_060,
      iss: 'tb',
      aud: 'tb-api',
    });
  });

  it('omits org for platform_admin without org', () => {
    const token = mintToken({ ...base, role: 'platform_admin', org: null });
    expect(jwt.decode(token)).not.toHaveProperty('org');
  });

  it.each([
    ['unknown role', { role: 'root' as never }, /unknown role/],
    ['empty sub', { sub: ' ' }, /sub must be/],
    ['missing org', { org: undefined }, /org is required/],
    ['empty org', { org: '' }, /org must be/],
    ['zero ttl', { ttlSeconds: 0 }, /ttlSeconds/],
    ['fractional ttl', { ttlSeconds: 1.5 }, /ttlSeconds/],
  ])('rejects %s', (_name, overrides, message) => {
    expect(() => mintToken({ ...base, ...overrides })).toThrow(message);
  });
});
