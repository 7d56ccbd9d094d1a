import type { Caller } from '#auth';
import {
  audienceOf,
  mayEditEnterprise,
  mayRegisterEnterprise,
  seesContactUnmasked,
} from './enterprise-access.policy.js';

const caller = (role: Caller['role'], orgId: string | null): Caller => ({ subject: 'u', role, orgId });
const pending = { id: 'ent-a', status: 'pending' as const };
const verified = { id: 'ent-a', status: 'verified' as const };

describe('enterprise access policy', () => {
  it('lets the enterprise itself and platform admins see the contact unmasked', () => {
    expect(audienceOf(caller('enterprise', 'ent-a'), pending)).toBe('owner');
    expect(audienceOf(caller('platform_admin', null), pending)).toBe('admin');
    expect(seesContactUnmasked('owner')).toBe(true);
    expect(seesContactUnmasked('admin')).toBe(true);
  });

  it('shows organizers every enterprise with the contact masked', () => {
    expect(audienceOf(caller('organizer', 'org-1'), pending)).toBe('organizer');
    expect(seesContactUnmasked('organizer')).toBe(false);
  });

  it('hides another enterprise completely (tenant isolation)', () => {
    expect(audienceOf(caller('enterprise', 'ent-b'), verified)).toBeNull();
  });

  it('shows colleges and graduates verified enterprises only, masked', () => {
    expect(audienceOf(caller('college', 'col-1'), verified)).toBe('public');
    expect(audienceOf(caller('graduate', 'col-1'), verified)).toBe('public');
    for (const status of ['pending', 'rejected', 'suspended'] as const) {
      expect(audienceOf(caller('college', 'col-1'), { id: 'ent-a', status })).toBeNull();
      expect(audienceOf(caller('graduate', 'col-1'), { id: 'ent-a', status })).toBeNull();
    }
    expect(seesContactUnmasked('public')).toBe(false);
  });

  it('lets only the enterprise itself and platform admins edit', () => {
    expect(mayEditEnterprise(caller('enterprise', 'ent-a'), 'ent-a')).toBe(true);
    expect(mayEditEnterprise(caller('platform_admin', null), 'ent-a')).toBe(true);
    expect(mayEditEnterprise(caller('enterprise', 'ent-b'), 'ent-a')).toBe(false);
    expect(mayEditEnterprise(caller('organizer', 'ent-a'), 'ent-a')).toBe(false);
    expect(mayEditEnterprise(caller('college', 'ent-a'), 'ent-a')).toBe(false);
  });

  it('lets enterprises and staff register, not colleges or graduates', () => {
    expect(mayRegisterEnterprise(caller('enterprise', 'ent-a'))).toBe(true);
    expect(mayRegisterEnterprise(caller('organizer', 'org-1'))).toBe(true);
    expect(mayRegisterEnterprise(caller('platform_admin', null))).toBe(true);
    expect(mayRegisterEnterprise(caller('college', 'col-1'))).toBe(false);
    expect(mayRegisterEnterprise(caller('graduate', 'col-1'))).toBe(false);
  });
});
