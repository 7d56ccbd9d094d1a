import type { Caller } from '#auth';

/**
 * Who may read a college's registration (name, 学校标识码, type, region, 院系 — organisational
 * data, no personal data): the college itself, its graduates, organizers and platform admins.
 * Enterprises read nothing of this service (their routes refuse them by role).
 */
export function mayReadCollege(caller: Caller, collegeId: string): boolean {
  switch (caller.role) {
    case 'platform_admin':
    case 'organizer':
      return true;
    case 'college':
    case 'graduate':
      return caller.orgId === collegeId;
    case 'enterprise':
      return false;
  }
}

/** Who may change it: the college itself or a platform admin. */
export function mayEditCollege(caller: Caller, collegeId: string): boolean {
  return caller.role === 'platform_admin' || (caller.role === 'college' && caller.orgId === collegeId);
}

/**
 * The id a registration gets: a college registers itself (its org id); a platform admin names the
 * id explicitly (the org id the college's users will carry). Null: the request may not register.
 */
export function registrationIdOf(caller: Caller, requestedId: string | undefined): string | null {
  if (caller.role === 'college') {
    return caller.orgId && (requestedId === undefined || requestedId === caller.orgId) ? caller.orgId : null;
  }
  if (caller.role === 'platform_admin') return requestedId ?? null;
  return null;
}
