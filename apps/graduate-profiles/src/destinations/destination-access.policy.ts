import type { Caller } from '#auth';
import type { DestinationSource } from '#contracts';

export interface GraduateOwner {
  id: string;
  collegeId: string;
}

/**
 * Who registers and reads a graduate's 毕业去向: the graduate themself (token subject = graduate
 * id, org = the college) or their own college. Anyone else — another college, another graduate,
 * organizers and admins (they read aggregates only), enterprises — gets the 404 of an unknown id.
 * The answer is also the registration's source.
 */
export function destinationActorOf(
  caller: Caller,
  graduate: GraduateOwner,
): Exclude<DestinationSource, 'platform'> | null {
  if (caller.role === 'graduate' && caller.subject === graduate.id && caller.orgId === graduate.collegeId) {
    return 'graduate';
  }
  if (caller.role === 'college' && caller.orgId === graduate.collegeId) return 'college';
  return null;
}

/** Audits are the own college's alone. */
export function canAuditDestination(caller: Caller, destination: { collegeId: string }): boolean {
  return caller.role === 'college' && caller.orgId === destination.collegeId;
}
