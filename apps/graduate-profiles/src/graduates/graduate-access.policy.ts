import type { Caller } from '#auth';
import type { Disclosure, GraduateIdentity } from './graduate-masking.js';

/**
 * How a caller sees one graduate's profile:
 * - `self`: the graduate (token subject = graduate id, org = the college): everything;
 * - `college`: the graduate's own college: everything (contacts audited);
 * - `enterprise`: an enterprise the graduate accepted in matching: the profile with name and
 *   contacts (audited); the student number stays masked, it needs no more.
 * `null`: anyone else — another college, an enterprise not accepted, organizers and admins (they
 * read aggregates only) — gets the same 404 as an unknown id.
 */
export type GraduateAudience = 'self' | 'college' | 'enterprise';

export interface GraduateRef {
  id: string;
  collegeId: string;
}

export function isTheGraduate(caller: Caller, graduate: GraduateRef): boolean {
  return caller.role === 'graduate' && caller.subject === graduate.id && caller.orgId === graduate.collegeId;
}

export function isOwnCollege(caller: Caller, graduate: GraduateRef): boolean {
  return caller.role === 'college' && caller.orgId === graduate.collegeId;
}

/** `acceptedByGraduate`: an active grant in accepted_enterprises for the caller's enterprise. */
export function graduateAudienceOf(
  caller: Caller,
  graduate: GraduateRef,
  acceptedByGraduate: boolean,
): GraduateAudience | null {
  switch (caller.role) {
    case 'graduate':
      return isTheGraduate(caller, graduate) ? 'self' : null;
    case 'college':
      return isOwnCollege(caller, graduate) ? 'college' : null;
    case 'enterprise':
      return acceptedByGraduate ? 'enterprise' : null;
    case 'organizer':
    case 'platform_admin':
      return null;
  }
}

/**
 * Who acts on the graduate's consent, erasure and reveal log: the graduate, or the own college
 * (which must then name the evidence of the graduate's request). Null → 404.
 */
export function privacyActorOf(caller: Caller, graduate: GraduateRef): 'graduate' | 'college' | null {
  if (isTheGraduate(caller, graduate)) return 'graduate';
  if (isOwnCollege(caller, graduate)) return 'college';
  return null;
}

export function disclosureFor(audience: GraduateAudience): Disclosure {
  switch (audience) {
    case 'self':
    case 'college':
      return { name: true, studentNumber: true, contacts: true };
    case 'enterprise':
      return { name: true, studentNumber: false, contacts: true };
  }
}

/** The personal fields that go to someone other than the graduate in clear and so into contact_reveals. */
export const REVEALABLE_FIELDS = ['name', 'phone', 'email'] as const;
export type RevealedField = (typeof REVEALABLE_FIELDS)[number];

/** Why contact data was shown; stored in contact_reveals.reason. */
export const REVEAL_REASONS = ['own_college', 'accepted_enterprise'] as const;
export type RevealReason = (typeof REVEAL_REASONS)[number];
export const REVEAL_REASON_LABELS: Record<RevealReason, string> = {
  own_college: '本校查看毕业生档案',
  accepted_enterprise: '毕业生已接受该企业的邀约',
};

/**
 * What a reader other than the graduate receives in clear that is audited, with the reason; null
 * when nothing is (the graduate themself, or no contact data stored). The own college's view of
 * the name is not audited: the college is where the name comes from.
 */
export function revealOf(
  audience: GraduateAudience,
  identity: GraduateIdentity,
): { fields: RevealedField[]; reason: RevealReason } | null {
  if (audience === 'self') return null;
  const candidates: RevealedField[] = audience === 'enterprise' ? ['name', 'phone', 'email'] : ['phone', 'email'];
  const fields = candidates.filter((field) => identity[field] !== null);
  if (fields.length === 0) return null;
  return { fields, reason: audience === 'enterprise' ? 'accepted_enterprise' : 'own_college' };
}
