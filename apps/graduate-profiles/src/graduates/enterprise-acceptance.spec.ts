import { CANDIDATE_STATUSES } from '#contracts';
import { enterpriseAccessChangeOf } from './enterprise-acceptance.js';

describe('enterprise access from candidate statuses', () => {
  it('opens access from acceptance on, closes it when either side leaves, ignores steps before acceptance', () => {
    const table = Object.fromEntries(CANDIDATE_STATUSES.map((s) => [s, enterpriseAccessChangeOf(s)]));
    expect(table).toEqual({
      recommended: null,
      viewed: null,
      invited: null,
      accepted: 'grant',
      declined: 'revoke',
      interviewing: 'grant',
      offered: 'grant',
      hired: 'grant',
      rejected: 'revoke',
      withdrawn: 'revoke',
      expired: 'revoke',
    });
  });
});
