import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { isRole, roleRequiresOrg, type Role } from './role.js';
import { TOKEN_ALGORITHM } from './jwt-verifier.js';

/** `iss` the dev CLI puts in tokens; configure `AuthModule.forRoot({ issuer })` with it to check it. */
export const DEFAULT_TOKEN_ISSUER = 'talent-bridge';
/** `aud` the dev CLI puts in tokens; configure `AuthModule.forRoot({ audience })` with it to check it. */
export const DEFAULT_TOKEN_AUDIENCE = 'talent-bridge-api';

export interface MintTokenInput {
  /** PKCS#8 ("BEGIN PRIVATE KEY") or PKCS#1 ("BEGIN RSA PRIVATE KEY") PEM, RSA ≥ 2048 bits. */
  privateKeyPem: string;
  role: Role;
  sub: string;
  /** Required for every role except platform_admin. */
  org?: string | null;
  /** Lifetime in seconds, positive integer. */
  ttlSeconds: number;
  issuer?: string;
  audience?: string;
  /** Issue time; defaults to now. Tests use a past date to mint expired tokens. */
  now?: Date;
}

/** Signs an RS256 access token with claims `sub`, `role`, `org` (when given), `iat`, `exp`, `jti`. */
export function mintToken(input: MintTokenInput): string {
  const { privateKeyPem, role, sub, org, ttlSeconds, issuer, audience, now } = input;
  if (!isRole(role)) {
    throw new Error(`mintToken: unknown role ${JSON.stringify(role)}`);
  }
  if (typeof sub !== 'string' || sub.trim() === '') {
    throw new Error('mintToken: sub must be a non-empty string');
  }
  const hasOrg = typeof org === 'string' && org.trim() !== '';
  if (org !== undefined && org !== null && !hasOrg) {
    throw new Error('mintToken: org must be a non-empty string');
  }
  if (!hasOrg && roleRequiresOrg(role)) {
    throw new Error(`mintToken: org is required for role ${role}`);
  }
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
    throw new Error('mintToken: ttlSeconds must be a positive integer');
  }
  const iat = Math.floor((now ?? new Date()).getTime() / 1000);
  const payload: Record<string, unknown> = { sub, role, iat, exp: iat + ttlSeconds, jti: randomUUID() };
  if (hasOrg) {
    payload['org'] = org;
  }
  return jwt.sign(payload, privateKeyPem, {
    algorithm: TOKEN_ALGORITHM,
    ...(issuer !== undefined ? { issuer } : {}),
    ...(audience !== undefined ? { audience } : {}),
  });
}
