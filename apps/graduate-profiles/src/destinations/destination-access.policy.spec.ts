import type { Caller } from '#auth';
import { canAuditDestination, destinationActorOf } from './destination-access.policy.js';

const graduate = { id: 'g-1', collegeId: 'col-a' };
const as = (role: Caller['role'], orgId: string | null, subject = 'u-1'): Caller => ({ role, orgId, subject });

describe('destination access', () => {
  it('lets the graduate themself and their own college register and read', () => {
    expect(destinationActorOf(as('graduate', 'col-a', 'g-1'), graduate)).toBe('graduate');
    expect(destinationActorOf(as('college', 'col-a'), graduate)).toBe('college');
  });

  it('refuses everyone else (the caller gets a 404)', () => {
    expect(destinationActorOf(as('graduate', 'col-a', 'g-2'), graduate)).toBeNull();
    expect(destinationActorOf(as('graduate', 'col-b', 'g-1'), graduate)).toBeNull();
    expect(destinationActorOf(as('college', 'col-b'), graduate)).toBeNull();
    expect(destinationActorOf(as('organizer', 'org-1'), graduate)).toBeNull();
    expect(destinationActorOf(as('platform_admin', null), graduate)).toBeNull();
    expect(destinationActorOf(as('enterprise', 'col-a'), graduate)).toBeNull();
  });

  it('leaves audits to the own college', () => {
    expect(canAuditDestination(as('college', 'col-a'), graduate)).toBe(true);
    expect(canAuditDestination(as('college', 'col-b'), graduate)).toBe(false);
    expect(canAuditDestination(as('graduate', 'col-a', 'g-1'), graduate)).toBe(false);
    expect(canAuditDestination(as('platform_admin', null), graduate)).toBe(false);
  });
});
