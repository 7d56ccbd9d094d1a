import type { Caller } from '#auth';
import { graduateAudienceOf, privacyActorOf, revealOf } from './graduate-access.policy.js';

const graduate = { id: '7b0f1f0e-3a0c-4d8e-9b55-0f5c1e6c2a11', collegeId: 'col-a' };
const caller = (role: Caller['role'], orgId: string | null, subject = 'user-1'): Caller => ({ role, orgId, subject });

describe('graduate access policy', () => {
  it('lets the graduate see their own profile, not another graduate’s of the same college', () => {
    expect(graduateAudienceOf(caller('graduate', 'col-a', graduate.id), graduate, false)).toBe('self');
    expect(graduateAudienceOf(caller('graduate', 'col-a', 'someone-else'), graduate, false)).toBeNull();
    // A token naming the right subject but another college is not the graduate.
    expect(graduateAudienceOf(caller('graduate', 'col-b', graduate.id), graduate, false)).toBeNull();
  });

  it('lets the own college see its graduate and no other college', () => {
    expect(graduateAudienceOf(caller('college', 'col-a'), graduate, false)).toBe('college');
    expect(graduateAudienceOf(caller('college', 'col-b'), graduate, false)).toBeNull();
  });

  it('lets an enterprise see the graduate only while the graduate accepts it', () => {
    expect(graduateAudienceOf(caller('enterprise', 'ent-1'), graduate, true)).toBe('enterprise');
    expect(graduateAudienceOf(caller('enterprise', 'ent-1'), graduate, false)).toBeNull();
  });

  it('gives organizers and platform admins no individual profile', () => {
    expect(graduateAudienceOf(caller('organizer', 'org-1'), graduate, true)).toBeNull();
    expect(graduateAudienceOf(caller('platform_admin', null), graduate, true)).toBeNull();
  });

  it('lets only the graduate and the own college act on consent and erasure', () => {
    expect(privacyActorOf(caller('graduate', 'col-a', graduate.id), graduate)).toBe('graduate');
    expect(privacyActorOf(caller('college', 'col-a'), graduate)).toBe('college');
    expect(privacyActorOf(caller('college', 'col-b'), graduate)).toBeNull();
    expect(privacyActorOf(caller('enterprise', 'ent-1'), graduate)).toBeNull();
    expect(privacyActorOf(caller('platform_admin', null), graduate)).toBeNull();
  });

  it('audits contact data shown to anyone but the graduate, naming only fields that hold data', () => {
    const identity = { name: '王小明', studentNumber: '2023010101', phone: '13812345678', email: null };
    expect(revealOf('self', identity)).toBeNull();
    expect(revealOf('college', identity)).toEqual({ fields: ['phone'], reason: 'own_college' });
    expect(revealOf('enterprise', identity)).toEqual({ fields: ['name', 'phone'], reason: 'accepted_enterprise' });
    expect(revealOf('college', { ...identity, phone: null })).toBeNull();
  });
});
