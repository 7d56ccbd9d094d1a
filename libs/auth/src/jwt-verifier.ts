/*
 * Why `jsonwebtoken` directly and not JwtService from @nestjs/jwt: the verifier must be a plain
 * class usable outside Nest (CLI, scripts, Kafka consumers), and JwtService is only a thin
 * wrapper around jsonwebtoken anyway. Using the library directly lets us pin the algorithm
 * whitelist to RS256, pass a KeyObject, and map its typed errors to our reason codes without
 * pulling in Nest's DI. (jsonwebtoken is pinned in package.json; @nestjs/jwt uses the same version.)
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Caller } from './caller.js';
import { InvalidTokenError } from './errors.js';
import { isRole, roleRequiresOrg } from './role.js';

/** The only signing algorithm accepted. Anything else (none, HS256, ES256, PS256…) is rejected. */
export const TOKEN_ALGORITHM = 'RS256';

export interface JwtVerifierOptions {
  /** SPKI ("BEGIN PUBLIC KEY") or PKCS#1 ("BEGIN RSA PUBLIC KEY") PEM of the RSA signing key. */
  publicKeyPem: string;
  /** When set, the token's `iss` must equal it. */
  issuer?: string;
  /** When set, the token's `aud` (string or array) must contain it. */
  audience?: string;
  /** Allowed clock skew for `exp`/`nbf`, seconds. Default 5. */
  clockToleranceSec?: number;
}

const DEFAULT_CLOCK_TOLERANCE_SEC = 5;

/** Verifies RS256 access tokens and turns them into a {@link Caller}. No Nest dependency. */
export class JwtVerifier {
  private readonly key: KeyObject;
  private readonly issuer: string | undefined;
  private readonly audience: string | undefined;
  private readonly clockToleranceSec: number;

  constructor(options: JwtVerifierOptions) {
    if (typeof options?.publicKeyPem !== 'string' || options.publicKeyPem.trim() === '') {
      throw new Error('JwtVerifier: publicKeyPem is required');
    }
    let key: KeyObject;
    try {
      key = createPublicKey(options.publicKeyPem);
    } catch (error) {
      throw new Error(`JwtVerifier: publicKeyPem is not a valid PEM key (${(error as Error).message})`, {
        cause: error,
      });
    }
    if (key.asymmetricKeyType !== 'rsa') {
      throw new Error(`JwtVerifier: expected an RSA key, got ${key.asymmetricKeyType ?? 'unknown'}`);
    }
    const tolerance = options.clockToleranceSec ?? DEFAULT_CLOCK_TOLERANCE_SEC;
    if (!Number.isFinite(tolerance) || tolerance < 0) {
      throw new Error('JwtVerifier: clockToleranceSec must be a non-negative number');
    }
    this.key = key;
    this.issuer = options.issuer;
    this.audience = options.audience;
    this.clockToleranceSec = tolerance;
  }

  /**
   * Verifies `token` (the raw JWT, without "Bearer ") and returns the caller.
   * @throws InvalidTokenError with reason token_missing | token_malformed | token_expired |
   *         token_signature_invalid | token_claims_invalid
   */
  verify(token: string | null | undefined): Caller {
    if (typeof token !== 'string' || token.trim() === '') {
      throw new InvalidTokenError('token_missing');
    }
    const header = decodeHeader(token);
    // Checked before verification so `alg: none` and HS256-with-the-public-key-as-secret
    // (algorithm confusion) can never reach a verification path. jsonwebtoken would also
    // refuse them because of `algorithms`, this makes the reason code unambiguous.
    if (header.alg !== TOKEN_ALGORITHM) {
      throw new InvalidTokenError('token_signature_invalid', `algorithm ${String(header.alg)} not accepted`);
    }

    let payload: string | jwt.JwtPayload;
    try {
      payload = jwt.verify(token, this.key, {
        algorithms: [TOKEN_ALGORITHM],
        clockTolerance: this.clockToleranceSec,
      });
    } catch (error) {
      throw mapVerifyError(error);
    }
    return this.toCaller(payload);
  }

  private toCaller(payload: string | jwt.JwtPayload): Caller {
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      throw new InvalidTokenError('token_malformed', 'payload is not a JSON object');
    }
    // jsonwebtoken only checks exp when present; we require it.
    if (typeof payload.exp !== 'number' || !Number.isFinite(payload.exp)) {
      throw new InvalidTokenError('token_claims_invalid', 'exp is required');
    }
    if (this.issuer !== undefined && payload.iss !== this.issuer) {
      throw new InvalidTokenError('token_claims_invalid', `iss must be ${this.issuer}`);
    }
    if (this.audience !== undefined) {
      const aud = payload.aud;
      const audiences = Array.isArray(aud) ? aud : aud === undefined ? [] : [aud];
      if (!audiences.includes(this.audience)) {
        throw new InvalidTokenError('token_claims_invalid', `aud must contain ${this.audience}`);
      }
    }
    const { sub } = payload;
    const role: unknown = payload['role'];
    const org: unknown = payload['org'];
    if (typeof sub !== 'string' || sub.trim() === '') {
      throw new InvalidTokenError('token_claims_invalid', 'sub must be a non-empty string');
    }
    if (!isRole(role)) {
      throw new InvalidTokenError('token_claims_invalid', `unknown role ${JSON.stringify(role)}`);
    }
    let orgId: string | null;
    if (org === undefined || org === null) {
      if (roleRequiresOrg(role)) {
        throw new InvalidTokenError('token_claims_invalid', `org is required for role ${role}`);
      }
      orgId = null;
    } else if (typeof org === 'string' && org.trim() !== '') {
      orgId = org;
    } else {
      throw new InvalidTokenError('token_claims_invalid', 'org must be a non-empty string');
    }
    return Object.freeze({ subject: sub, role, orgId });
  }
}

function decodeHeader(token: string): jwt.JwtHeader {
  if (token.split('.').length !== 3) {
    throw new InvalidTokenError('token_malformed', 'not a compact JWS (3 segments)');
  }
  let decoded: jwt.Jwt | null;
  try {
    decoded = jwt.decode(token, { complete: true });
  } catch {
    decoded = null;
  }
  if (
    decoded === null ||
    typeof decoded.header !== 'object' ||
    decoded.header === null ||
    typeof decoded.payload !== 'object' ||
    decoded.payload === null ||
    Array.isArray(decoded.payload)
  ) {
    throw new InvalidTokenError('token_malformed', 'header or payload is not a base64url JSON object');
  }
  return decoded.header;
}

function mapVerifyError(error: unknown): InvalidTokenError {
  if (error instanceof jwt.TokenExpiredError) {
    return new InvalidTokenError('token_expired', `expired at ${error.expiredAt.toISOString()}`);
  }
  if (error instanceof jwt.NotBeforeError) {
    return new InvalidTokenError('token_claims_invalid', `not valid before ${error.date.toISOString()}`);
  }
  if (error instanceof jwt.JsonWebTokenError) {
    const message = error.message;
    if (message === 'jwt malformed' || message === 'invalid token') {
      return new InvalidTokenError('token_malformed', message);
    }
    if (message === 'invalid exp value' || message === 'invalid nbf value') {
      return new InvalidTokenError('token_claims_invalid', message);
    }
    // 'invalid signature', 'jwt signature is required', 'invalid algorithm', key/alg mismatch…
    return new InvalidTokenError('token_signature_invalid', message);
  }
  return new InvalidTokenError('token_malformed', error instanceof Error ? error.message : String(error));
}
