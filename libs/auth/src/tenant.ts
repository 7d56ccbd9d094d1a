import { ForbiddenException } from '@nestjs/common';
import type { Caller } from './caller.js';
import { FORBIDDEN_MESSAGES } from './errors.js';

/**
 * Tenant isolation: true when `caller` may act on data owned by organisation `orgId`,
 * i.e. the caller is a platform_admin, or `caller.orgId === orgId`.
 *
 * NOTE: this checks the organisation only, not the role. A graduate's orgId is their college id,
 * so `canActForOrg(graduate, collegeId)` is true — guard college-only operations with `@Roles` too.
 */
export function canActForOrg(caller: Caller, orgId: string | null | undefined): boolean {
  if (caller.role === 'platform_admin') {
    return true;
  }
  return caller.orgId !== null && typeof orgId === 'string' && caller.orgId === orgId;
}

/**
 * Throws a 403 `{ statusCode: 403, code: 'tenant_forbidden', message }` unless
 * {@link canActForOrg}(caller, orgId).
 */
export function assertSameOrg(caller: Caller, orgId: string | null | undefined): void {
  if (!canActForOrg(caller, orgId)) {
    throw new ForbiddenException({
      statusCode: 403,
      code: 'tenant_forbidden',
      message: FORBIDDEN_MESSAGES.tenant_forbidden,
    });
  }
}
