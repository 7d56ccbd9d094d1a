import { randomBytes } from 'node:crypto';

/**
 * 毕业去向核验码: 20 characters of Crockford base32 from the system CSPRNG (100 bits), so
 * holding one is the only way to find a record. Shown grouped as XXXXX-XXXXX-XXXXX-XXXXX;
 * stored without separators. Reading is forgiving: lower case, spaces, hyphens, and the
 * look-alikes O→0, I/L→1 are accepted, as Crockford's alphabet intends.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VERIFICATION_NUMBER_LENGTH = 20;
const STORED = /^[0-9A-HJKMNP-TV-Z]{20}$/;

export function newVerificationNumber(random: (size: number) => Buffer = randomBytes): string {
  // 20 symbols × 5 bits = 100 bits = 12.5 bytes: read 13 and use the first 100 bits.
  const bytes = random(13);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  bits >>= 4n;
  let out = '';
  for (let i = 0; i < VERIFICATION_NUMBER_LENGTH; i += 1) {
    out = ALPHABET[Number(bits & 31n)] + out;
    bits >>= 5n;
  }
  return out;
}

/** XXXXX-XXXXX-XXXXX-XXXXX, the way people read it out. */
export function formatVerificationNumber(stored: string): string {
  return stored.match(/.{1,5}/g)!.join('-');
}

/** The stored form of what someone typed, or null when it cannot be a verification number. */
export function normaliseVerificationNumber(input: string): string | null {
  const value = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return STORED.test(value) ? value : null;
}
