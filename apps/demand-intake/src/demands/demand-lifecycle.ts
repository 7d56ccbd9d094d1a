import type { DemandStatus } from '#contracts';

/** What a user (or the platform) can do to a demand. */
export type DemandAction = 'publish' | 'pause' | 'resume' | 'close' | 'expire' | 'fill';

export const DEMAND_ACTION_LABELS: Record<DemandAction, string> = {
  publish: '发布',
  pause: '暂停',
  resume: '恢复',
  close: '关闭',
  expire: '到期关闭',
  fill: '招满',
};

/**
 * draft → published ⇄ paused → closed, and published → filled at headcount.
 * `expire` and `fill` are the platform's own transitions, never a user's.
 */
const TRANSITIONS: Record<DemandStatus, Partial<Record<DemandAction, DemandStatus>>> = {
  draft: { publish: 'published', close: 'closed' },
  published: { pause: 'paused', close: 'closed', expire: 'closed', fill: 'filled' },
  paused: { resume: 'published', close: 'closed', expire: 'closed' },
  closed: {},
  filled: {},
};

export const USER_ACTIONS: readonly DemandAction[] = ['publish', 'pause', 'resume', 'close'];

export function nextStatus(from: DemandStatus, action: DemandAction): DemandStatus | null {
  return TRANSITIONS[from][action] ?? null;
}

/** Actions a user may take from a status, for the 409 body. */
export function allowedUserActions(from: DemandStatus): DemandAction[] {
  return USER_ACTIONS.filter((a) => TRANSITIONS[from][a] !== undefined);
}

/** Only these statuses can still be edited. */
export function isEditable(status: DemandStatus): boolean {
  return status === 'draft' || status === 'published' || status === 'paused';
}
