import { ForbiddenException } from '@nestjs/common';
import type { Caller } from './caller.js';
import { assertSameOrg, canActForOrg } from './tenant.js';

const admin: Caller = { subject: 'a', role: 'platform_admin', orgId: null };
const enterprise: Caller = { subject: 'u', role: 'enterprise', orgId: 'ent-1' };

describe('tenant isolation', () => {
  it('platform_admin may act for any org', () => {
    expect(canActForOrg(admin, 'ent-1')).toBe(true);
    expect(canActForOrg(admin, null)).toBe(true);
  });

  it('others only for their own org', () => {
    expect(canActForOrg(enterprise, 'ent-1')).toBe(true);
    expect(canActForOrg(enterprise, 'ent-2')).toBe(false);
    expect(canActForOrg(enterprise, null)).toBe(false);
    expect(canActForOrg(enterprise, undefined)).toBe(false);
  });

  it('assertSameOrg throws 403 tenant_forbidden', () => {
    expect(() => assertSameOrg(enterprise, 'ent-1')).not.toThrow();
    expect(() => assertSameOrg(admin, 'anything')).not.toThrow();
    try {
      assertSameOrg(enterprise, 'ent-2');
      throw new Error('expected ForbiddenException');
    } catch (error) {
      expect(error).toBeInstanceOf(ForbiddenException);
      const exception = error as ForbiddenException;
      expect(exception.getStatus()).toBe(403);
      expect(exception.getResponse()).toEqual({
        statusCode: 403,
        code: 'tenant_forbidden',
        message: '无权访问其他机构的数据',
      });
    }
  });
});
