import type { Caller } from '#auth';
import { placementScopeOf } from './placement-rates-access.policy.js';

const as = (role: Caller['role'], orgId: string | null): Caller => ({ role, orgId, subject: 'u-1' });

describe('placement rate access', () => {
  it('keeps a college to its own rates', () => {
    expect(placementScopeOf(as('college', 'col-a'), undefined)).toEqual({ collegeId: 'col-a' });
    expect(placementScopeOf(as('college', 'col-a'), 'col-a')).toEqual({ collegeId: 'col-a' });
    expect(placementScopeOf(as('college', 'col-a'), 'col-b')).toBeNull();
  });

  it('lets organizers and admins read any college or all of them', () => {
    expect(placementScopeOf(as('organizer', 'org-1'), 'col-b')).toEqual({ collegeId: 'col-b' });
    expect(placementScopeOf(as('platform_admin', null), undefined)).toEqual({ collegeId: null });
  });

  it('gives graduates and enterprises no aggregates', () => {
    expect(placementScopeOf(as('graduate', 'col-a'), undefined)).toBeNull();
    expect(placementScopeOf(as('enterprise', 'ent-1'), undefined)).toBeNull();
  });
});
