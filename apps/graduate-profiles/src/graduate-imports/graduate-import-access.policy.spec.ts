import type { Caller } from '#auth';
import { mayManageImportsOf } from './graduate-import-access.policy.js';

const caller = (role: Caller['role'], orgId: string | null): Caller => ({ role, orgId, subject: `${role}:${orgId}` });

describe('who may import a cohort and see its jobs', () => {
  it.each([
    [caller('college', 'col-a'), true],
    [caller('college', 'col-b'), false],
    [caller('platform_admin', null), true],
    [caller('organizer', 'org-1'), false],
    [caller('enterprise', 'col-a'), false],
    [caller('graduate', 'col-a'), false],
  ])('%p for col-a → %p', (who, allowed) => {
    expect(mayManageImportsOf(who, 'col-a')).toBe(allowed);
  });
});
