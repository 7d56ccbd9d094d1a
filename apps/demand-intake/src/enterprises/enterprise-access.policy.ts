import type { Caller } from '#auth';
import type { EnterpriseStatus } from '#contracts';

/**
 * How a caller sees one enterprise:
 * - `owner`: the enterprise itself (its org id is the enterprise id): everything, contact unmasked;
 * - `admin`: platform_admin: everything, contact unmasked;
 * - `organizer`: every enterprise, contact masked;
 * - `public`: colleges and graduates, verified enterprises only, contact masked, no status reason.
 * `null`: the caller may not know the enterprise exists → the same 404 as an unknown id.
 */
export type EnterpriseAudience = 'owner' | 'admin' | 'organizer' | 'public';

export function audienceOf(
  caller: Caller,
  enterprise: { id: string; status: EnterpriseStatus },
): EnterpriseAudience | null {
  switch (caller.role) {
    case 'platform_admin':
      return 'admin';
    case 'organizer':
      return 'organizer';
    case 'enterprise':
      return caller.orgId === enterprise.id ? 'owner' : null;
    case 'college':
    case 'graduate':
      return enterprise.status === 'verified' ? 'public' : null;
  }
}

/** The audience of list results: only staff roles list enterprises. */
export function listAudienceOf(caller: Caller): EnterpriseAudience {
  return caller.role === 'platform_admin' ? 'admin' : 'organizer';
}

export function seesContactUnmasked(audience: EnterpriseAudience): boolean {
  return audience === 'owner' || audience === 'admin';
}

/** Who may register: an enterprise (itself) or staff (on an enterprise's behalf). */
export function mayRegisterEnterprise(caller: Caller): boolean {
  return caller.role === 'enterprise' || caller.role === 'organizer' || caller.role === 'platform_admin';
}

/** Who may change an enterprise's own data: the enterprise itself or a platform admin. */
export function mayEditEnterprise(caller: Caller, enterpriseId: string): boolean {
  return caller.role === 'platform_admin' || (caller.role === 'enterprise' && caller.orgId === enterpriseId);
}
