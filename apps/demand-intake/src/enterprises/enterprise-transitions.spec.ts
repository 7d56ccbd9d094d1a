import { ENTERPRISE_STATUSES } from '#contracts';
import { allowedTransitions, ENTERPRISE_ACTIONS, transitionTarget } from './enterprise-transitions.js';

describe('enterprise status machine', () => {
  it.each([
    ['pending', 'verify', 'verified'],
    ['pending', 'reject', 'rejected'],
    ['rejected', 'verify', 'verified'],
    ['verified', 'suspend', 'suspended'],
    ['suspended', 'reinstate', 'verified'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(transitionTarget(from, action)).toBe(to);
  });

  it('refuses every other pair', () => {
    const allowed = new Set([
      'pending:verify',
      'pending:reject',
      'rejected:verify',
      'verified:suspend',
      'suspended:reinstate',
    ]);
    for (const status of ENTERPRISE_STATUSES) {
      for (const action of ENTERPRISE_ACTIONS) {
        if (!allowed.has(`${status}:${action}`)) expect(transitionTarget(status, action)).toBeNull();
      }
    }
  });

  it('lists the open transitions of each status', () => {
    expect(allowedTransitions('pending')).toEqual([
      { action: 'verify', to: 'verified' },
      { action: 'reject', to: 'rejected' },
    ]);
    expect(allowedTransitions('rejected')).toEqual([{ action: 'verify', to: 'verified' }]);
    expect(allowedTransitions('verified')).toEqual([{ action: 'suspend', to: 'suspended' }]);
    expect(allowedTransitions('suspended')).toEqual([{ action: 'reinstate', to: 'verified' }]);
  });
});
