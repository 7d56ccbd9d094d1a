import type { Caller } from '#auth';
import type { DemandStatus, EnterpriseStatus } from '#contracts';

/**
 * Who may see a demand. Anyone else gets a 404, never someone else's data:
 * enterprises see their own; organizers and admins see all; colleges see every non-draft
 * demand (the market picture); graduates see published demands of verified enterprises.
 */
export function canReadDemand(
  caller: Caller,
  demand: { enterpriseId: string; status: DemandStatus },
  enterpriseStatus: EnterpriseStatus,
): boolean {
  switch (caller.role) {
    case 'platform_admin':
    case 'organizer':
      return true;
    case 'enterprise':
      return caller.orgId === demand.enterpriseId;
    case 'college':
      return demand.status !== 'draft';
    case 'graduate':
      return demand.status === 'published' && enterpriseStatus === 'verified';
  }
}

/** Changes: the owning enterprise, or an organizer/admin acting on its behalf. */
export function canChangeDemand(caller: Caller, demand: { enterpriseId: string }): boolean {
  return (
    caller.role === 'platform_admin' ||
    caller.role === 'organizer' ||
    (caller.role === 'enterprise' && caller.orgId === demand.enterpriseId)
  );
}
