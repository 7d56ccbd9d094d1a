import type { EnterpriseStatus } from '#contracts';

/**
 * The enterprise status machine:
 *   pending  → verified | rejected     (verification decision)
 *   rejected → verified                (re-review)
 *   verified → suspended               (suspension)
 *   suspended → verified               (reinstatement)
 * Anything else is refused, so a repeated request never changes state twice.
 */
export const ENTERPRISE_ACTIONS = ['verify', 'reject', 'suspend', 'reinstate'] as const;
export type EnterpriseAction = (typeof ENTERPRISE_ACTIONS)[number];

export interface EnterpriseTransition {
  action: EnterpriseAction;
  to: EnterpriseStatus;
}

const TRANSITIONS: Record<EnterpriseAction, { from: readonly EnterpriseStatus[]; to: EnterpriseStatus }> = {
  verify: { from: ['pending', 'rejected'], to: 'verified' },
  reject: { from: ['pending'], to: 'rejected' },
  suspend: { from: ['verified'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'verified' },
};

export const ENTERPRISE_ACTION_LABELS: Record<EnterpriseAction, string> = {
  verify: '审核通过',
  reject: '审核驳回',
  suspend: '暂停',
  reinstate: '恢复',
};

/** The transitions open from `status`, in a fixed order. */
export function allowedTransitions(status: EnterpriseStatus): EnterpriseTransition[] {
  return ENTERPRISE_ACTIONS.filter((action) => TRANSITIONS[action].from.includes(status)).map((action) => ({
    action,
    to: TRANSITIONS[action].to,
  }));
}

/** The status `action` leads to from `status`, or null when the action is not allowed there. */
export function transitionTarget(status: EnterpriseStatus, action: EnterpriseAction): EnterpriseStatus | null {
  const transition = TRANSITIONS[action];
  return transition.from.includes(status) ? transition.to : null;
}
