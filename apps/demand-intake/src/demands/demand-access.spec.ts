import type { Caller } from '#auth';
import { canChangeDemand, canReadDemand } from './demand-access.js';

const caller = (role: Caller['role'], orgId: string | null = 'org'): Caller => ({
  subject: `${role}:${orgId}`,
  role,
  orgId,
});

describe('demand access', () => {
  const own = { enterpriseId: 'ent-a' };

  it('lets an enterprise read and change only its own demands, in any status', () => {
    expect(canReadDemand(caller('enterprise', 'ent-a'), { ...own, status: 'draft' }, 'pending')).toBe(true);
    expect(canReadDemand(caller('enterprise', 'ent-b'), { ...own, status: 'published' }, 'verified')).toBe(false);
    expect(canChangeDemand(caller('enterprise', 'ent-a'), own)).toBe(true);
    expect(canChangeDemand(caller('enterprise', 'ent-b'), own)).toBe(false);
  });

  it('never shows drafts to colleges', () => {
    expect(canReadDemand(caller('college'), { ...own, status: 'draft' }, 'verified')).toBe(false);
    expect(canReadDemand(caller('college'), { ...own, status: 'published' }, 'verified')).toBe(true);
    expect(canReadDemand(caller('college'), { ...own, status: 'closed' }, 'verified')).toBe(true);
  });

  it('shows graduates only published demands of verified enterprises', () => {
    expect(canReadDemand(caller('graduate'), { ...own, status: 'published' }, 'verified')).toBe(true);
    expect(canReadDemand(caller('graduate'), { ...own, status: 'published' }, 'pending')).toBe(false);
    expect(canReadDemand(caller('graduate'), { ...own, status: 'paused' }, 'verified')).toBe(false);
  });

  it('lets organizers and admins read everything and act on behalf of enterprises', () => {
    for (const role of ['organizer', 'platform_admin'] as const) {
      expect(canReadDemand(caller(role), { ...own, status: 'draft' }, 'pending')).toBe(true);
      expect(canChangeDemand(caller(role), own)).toBe(true);
    }
    expect(canChangeDemand(caller('college'), own)).toBe(false);
    expect(canChangeDemand(caller('graduate'), own)).toBe(false);
  });
});
