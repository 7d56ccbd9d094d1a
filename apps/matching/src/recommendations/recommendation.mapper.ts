import type { Caller } from '#auth';
import type { RecommendationResponseDto } from './dto/recommendation.dto.js';
import {
  actionsFrom,
  CANDIDATE_STATUS_LABELS,
  identityVisibleToEnterprise,
  type PipelineActor,
} from './recommendation-lifecycle.js';
import type { Recommendation } from './recommendations.repository.js';

/**
 * A recommendation as the caller may see it: an enterprise gets an anonymous candidate until the
 * graduate accepts; the graduate and staff see whose recommendation it is.
 */
export function toRecommendationResponse(r: Recommendation, caller: Caller): RecommendationResponseDto {
  const side: PipelineActor | null =
    caller.role === 'enterprise' ? 'enterprise' : caller.role === 'graduate' ? 'graduate' : null;
  const identityVisible = identityVisibleToEnterprise(r.status);
  const showGraduate = caller.role !== 'enterprise' || identityVisible;
  return {
    id: r.id,
    demandId: r.demandId,
    status: r.status,
    statusLabel: CANDIDATE_STATUS_LABELS[r.status],
    score: r.score,
    rank: r.rank,
    candidate: { ...r.candidate },
    identityVisible,
    ...(showGraduate ? { graduateId: r.graduateId } : {}),
    invitedAt: r.invitedAt?.toISOString() ?? null,
    invitationExpiresAt: r.invitationExpiresAt?.toISOString() ?? null,
    allowedActions: side ? actionsFrom(r.status, side) : [],
    version: r.version,
  };
}
