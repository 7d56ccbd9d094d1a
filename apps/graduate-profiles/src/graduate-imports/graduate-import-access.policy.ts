import type { Caller } from '#auth';

/**
 * Who may import a college's cohort, and see its import jobs and error reports (which hold cells
 * of the college's files): the college itself and platform admins (who import on a college's
 * behalf). Anyone else — another college included — gets the same 404 as an unknown id.
 */
export function mayManageImportsOf(caller: Caller, collegeId: string): boolean {
  switch (caller.role) {
    case 'platform_admin':
      return true;
    case 'college':
      return caller.orgId === collegeId;
    case 'organizer':
    case 'enterprise':
    case 'graduate':
      return false;
  }
}
