import { CANDIDATE_STATUSES } from '#contracts';
import {
  actionsFrom,
  checkMove,
  FINAL_STATUSES,
  identityVisibleToEnterprise,
  PIPELINE_MOVES,
  type PipelineAction,
  type PipelineActor,
} from './recommendation-lifecycle.js';

// The pipeline written out by hand, independently of PIPELINE_MOVES: status → actor → allowed actions.
const EXPECTED: Record<string, Partial<Record<PipelineActor, PipelineAction[]>>> = {
  recommended: { enterprise: ['view', 'invite', 'reject'], graduate: ['withdraw'], platform: ['withdraw'] },
  viewed: { enterprise: ['invite', 'reject'], graduate: ['withdraw'], platform: ['withdraw'] },
  invited: { enterprise: ['reject'], graduate: ['accept', 'decline', 'withdraw'], platform: ['withdraw', 'expire'] },
  accepted: { enterprise: ['interview', 'offer', 'reject'], graduate: ['withdraw'], platform: ['withdraw'] },
  interviewing: { enterprise: ['offer', 'reject'], graduate: ['withdraw'], platform: ['withdraw'] },
  offered: { enterprise: ['hire', 'reject'], graduate: ['withdraw'], platform: ['withdraw'] },
  hired: { graduate: ['withdraw'], platform: ['withdraw'] },
  declined: {},
  rejected: {},
  withdrawn: {},
  expired: {},
};

const ACTORS: PipelineActor[] = ['enterprise', 'graduate', 'platform'];
const ACTIONS = Object.keys(PIPELINE_MOVES) as PipelineAction[];

describe('recommendation pipeline', () => {
  it.each(CANDIDATE_STATUSES.flatMap((status) => ACTORS.map((actor) => [status, actor] as const)))(
    'from %s, %s may take exactly the expected actions',
    (status, actor) => {
      const expected = EXPECTED[status]![actor] ?? [];
      expect([...actionsFrom(status, actor)].sort()).toEqual([...expected].sort());
      for (const action of ACTIONS) {
        const result = checkMove(status, action, actor);
        expect(result.ok).toBe(expected.includes(action));
      }
    },
  );

  it('names the allowed actions when the status is wrong, and the allowed side when the actor is', () => {
    expect(checkMove('recommended', 'hire', 'enterprise')).toEqual({
      ok: false,
      reason: 'status',
      allowedActions: ['view', 'invite', 'reject'],
    });
    expect(checkMove('invited', 'accept', 'enterprise')).toEqual({
      ok: false,
      reason: 'actor',
      allowedActors: ['graduate'],
    });
  });

  it('ends in the final statuses, with no way out', () => {
    for (const status of FINAL_STATUSES) {
      for (const actor of ACTORS) expect(actionsFrom(status, actor)).toEqual([]);
    }
  });

  it('shows the enterprise who the candidate is only from the graduate’s acceptance until the end of the pipeline', () => {
    const visible = CANDIDATE_STATUSES.filter(identityVisibleToEnterprise);
    expect(visible).toEqual(['accepted', 'interviewing', 'offered', 'hired']);
  });
});
