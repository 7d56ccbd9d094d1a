import { generateKeyPairSync } from 'node:crypto';
import { mintToken, type Role } from '#auth';

let pair: { publicKeyPem: string; privateKeyPem: string } | null = null;

/** One RSA key pair per test process; services under test get its public half. */
export function testKeyPair(): { publicKeyPem: string; privateKeyPem: string } {
  if (!pair) {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    pair = {
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
  }
  return pair;
}

export function tokenFor(role: Role, org: string | null = null, sub = `${role}:${org ?? 'platform'}`): string {
  return mintToken({
    privateKeyPem: testKeyPair().privateKeyPem,
    role,
    sub,
    org,
    ttlSeconds: 3600,
    issuer: 'talent-bridge',
    audience: 'talent-bridge-api',
  });
}

export function bearer(role: Role, org: string | null = null): Record<string, string> {
  return { authorization: `Bearer ${tokenFor(role, org)}` };
}
