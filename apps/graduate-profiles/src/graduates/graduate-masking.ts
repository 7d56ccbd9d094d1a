import { maskEmail, maskPersonName, maskPhone } from '#runtime';

/**
 * Masking of a graduate's personal data (PIPL) for responses whose reader may know a graduate
 * exists but not who they are or how to reach them. Pure functions, no I/O.
 */

export { maskEmail, maskPersonName, maskPhone };

const MASK = '*';

/**
 * 2023010101 → 20******01: at least half of a student number stays hidden. Eight characters or more
 * keep the first two and last two; shorter ones only the last two (the last one up to four).
 */
export function maskStudentNumber(studentNumber: string): string {
  const value = studentNumber.trim();
  if (value.length >= 8) return `${value.slice(0, 2)}${MASK.repeat(value.length - 4)}${value.slice(-2)}`;
  const tail = value.length > 4 ? 2 : 1;
  return MASK.repeat(Math.max(value.length - tail, 0)) + value.slice(-tail);
}

const orNull = <T>(value: T | null, mask: (v: T) => T): T | null => (value === null ? null : mask(value));

export interface GraduateIdentity {
  name: string | null;
  studentNumber: string | null;
  phone: string | null;
  email: string | null;
}

/** Which personal fields a reader sees in clear; the others are masked. */
export interface Disclosure {
  name: boolean;
  studentNumber: boolean;
  contacts: boolean;
}

export function discloseIdentity(identity: GraduateIdentity, disclosure: Disclosure): GraduateIdentity {
  return {
    name: disclosure.name ? identity.name : orNull(identity.name, maskPersonName),
    studentNumber: disclosure.studentNumber
      ? identity.studentNumber
      : orNull(identity.studentNumber, maskStudentNumber),
    phone: disclosure.contacts ? identity.phone : orNull(identity.phone, maskPhone),
    email: disclosure.contacts ? identity.email : orNull(identity.email, maskEmail),
  };
}
