import type { CandidateStatus } from '#contracts';

/**
 * The double opt-in pipeline of one recommendation. The enterprise sees an anonymous candidate
 * (recommended → viewed → invited); only the graduate's acceptance, naming that enterprise, lets it
 * see who they are and move on (interviewing → offered → hired). Either side may end it: the
 * enterprise rejects, the graduate declines or withdraws; the platform withdraws it when consent is
 * withdrawn, the graduate is erased or placed, and expires invitations nobody answered.
 */
export type PipelineActor = 'enterprise' | 'graduate' | 'platform';

export type PipelineAction =
  'view' | 'invite' | 'accept' | 'decline' | 'interview' | 'offer' | 'hire' | 'reject' | 'withdraw' | 'expire';

interface Move {
  to: CandidateStatus;
  from: readonly CandidateStatus[];
  by: readonly PipelineActor[];
}

const OPEN_BEFORE_HIRE: readonly CandidateStatus[] = [
  'recommended',
  'viewed',
  'invited',
  'accepted',
  'interviewing',
  'offered',
];

export const PIPELINE_MOVES: Readonly<Record<PipelineAction, Move>> = {
  view: { to: 'viewed', from: ['recommended'], by: ['enterprise'] },
  invite: { to: 'invited', from: ['recommended', 'viewed'], by: ['enterprise'] },
  accept: { to: 'accepted', from: ['invited'], by: ['graduate'] },
  decline: { to: 'declined', from: ['invited'], by: ['graduate'] },
  interview: { to: 'interviewing', from: ['accepted'], by: ['enterprise'] },
  offer: { to: 'offered', from: ['accepted', 'interviewing'], by: ['enterprise'] },
  hire: { to: 'hired', from: ['offered'], by: ['enterprise'] },
  reject: { to: 'rejected', from: OPEN_BEFORE_HIRE, by: ['enterprise'] },
  // A graduate may step back at any point, even after a hire (reneging frees them for another offer).
  withdraw: { to: 'withdrawn', from: [...OPEN_BEFORE_HIRE, 'hired'], by: ['graduate', 'platform'] },
  expire: { to: 'expired', from: ['invited'], by: ['platform'] },
};

/** Statuses no action leaves. */
export const FINAL_STATUSES: readonly CandidateStatus[] = ['declined', 'rejected', 'withdrawn', 'expired'];

export const CANDIDATE_STATUS_LABELS: Record<CandidateStatus, string> = {
  recommended: '已推荐',
  viewed: '已查看',
  invited: '已邀请',
  accepted: '已接受邀请',
  declined: '已婉拒',
  interviewing: '面试中',
  offered: '已发录用意向',
  hired: '已录用',
  rejected: '未通过',
  withdrawn: '已撤回',
  expired: '邀请已过期',
};

/** Until the graduate accepts, the enterprise sees an anonymous candidate only. */
export function identityVisibleToEnterprise(status: CandidateStatus): boolean {
  return status === 'accepted' || status === 'interviewing' || status === 'offered' || status === 'hired';
}

export type MoveCheck =
  | { ok: true; to: CandidateStatus }
  | { ok: false; reason: 'actor'; allowedActors: readonly PipelineActor[] }
  | { ok: false; reason: 'status'; allowedActions: PipelineAction[] };

/** Whether `actor` may take `action` on a recommendation in `status`, and what it may do instead. */
export function checkMove(status: CandidateStatus, action: PipelineAction, actor: PipelineActor): MoveCheck {
  const move = PIPELINE_MOVES[action];
  if (!move.by.includes(actor)) return { ok: false, reason: 'actor', allowedActors: move.by };
  if (!move.from.includes(status)) return { ok: false, reason: 'status', allowedActions: actionsFrom(status, actor) };
  return { ok: true, to: move.to };
}

/** The actions `actor` may take from `status`, in pipeline order. */
export function actionsFrom(status: CandidateStatus, actor: PipelineActor): PipelineAction[] {
  return (Object.keys(PIPELINE_MOVES) as PipelineAction[]).filter(
    (a) => PIPELINE_MOVES[a].from.includes(status) && PIPELINE_MOVES[a].by.includes(actor),
  );
}
