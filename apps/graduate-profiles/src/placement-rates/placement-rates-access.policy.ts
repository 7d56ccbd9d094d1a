import type { Caller } from '#auth';

/**
 * Whose rates a caller may read. A college reads its own only: naming another college is the
 * 404 of an unknown one. Organizers and admins read any college, or all of them (null).
 * Graduates and enterprises read no aggregates (the route's @Roles refuses them first).
 */
export function placementScopeOf(
  caller: Caller,
  requestedCollegeId: string | undefined,
): { collegeId: string | null } | null {
  switch (caller.role) {
    case 'college':
      if (requestedCollegeId !== undefined && requestedCollegeId !== caller.orgId) return null;
      return { collegeId: caller.orgId };
    case 'organizer':
    case 'platform_admin':
      return { collegeId: requestedCollegeId ?? null };
    case 'graduate':
    case 'enterprise':
      return null;
  }
}
