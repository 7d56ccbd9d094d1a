import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../event-contract.js';
import { DEGREE_LEVELS, type DegreeLevel } from '../domain/degree-level.js';
import { TOPICS } from '../topics.js';
import { MajorRefV1 } from './shared-payloads.js';

/** One factor of a score, as shown to people: `label` is Chinese (技能匹配, 专业相关度, …). */
export class ScoreFactorV1 {
  @IsString()
  @IsNotEmpty()
  factor!: string;

  @IsString()
  @IsNotEmpty()
  label!: string;

  /** Points this factor adds to the 0–100 score. */
  @IsNumber()
  @Min(0)
  @Max(100)
  points!: number;
}

/**
 * A recommended candidate as the enterprise may see it before the graduate accepts an invitation:
 * anonymous (no name, student number or contact), with the score's explanation. `graduateId` is an
 * opaque id that lets notifications cancel messages about a graduate who withdraws consent.
 */
export class RecommendedCandidateV1 {
  @IsString()
  @IsNotEmpty()
  recommendationId!: string;

  @IsString()
  @IsNotEmpty()
  graduateId!: string;

  @IsString()
  @IsNotEmpty()
  collegeId!: string;

  @ValidateNested()
  @Type(() => MajorRefV1)
  major!: MajorRefV1;

  @IsIn(DEGREE_LEVELS)
  degree!: DegreeLevel;

  @IsInt()
  graduationYear!: number;

  @IsNumber()
  @Min(0)
  @Max(100)
  score!: number;

  /** 1 = best in this shortlist. */
  @IsInt()
  @Min(1)
  rank!: number;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ScoreFactorV1)
  factors!: ScoreFactorV1[];

  @IsArray()
  @IsString({ each: true })
  matchedSkills!: string[];

  @IsArray()
  @IsString({ each: true })
  missingSkills!: string[];
}

/** A demand's shortlist (on publish or criteria change), or an incremental push (`incremental`). */
export class CandidatesRecommendedV1 {
  @IsString()
  @IsNotEmpty()
  demandId!: string;

  @IsString()
  @IsNotEmpty()
  enterpriseId!: string;

  @IsString()
  @IsNotEmpty()
  demandTitle!: string;

  @IsIn(['shortlist', 'incremental'])
  kind!: 'shortlist' | 'incremental';

  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => RecommendedCandidateV1)
  candidates!: RecommendedCandidateV1[];

  @IsISO8601()
  recommendedAt!: string;
}

export const RECOMMENDATION_WITHDRAWAL_REASONS = ['consent_withdrawn', 'erased', 'placed', 'demand_closed'] as const;
export type RecommendationWithdrawalReason = (typeof RECOMMENDATION_WITHDRAWAL_REASONS)[number];

/** An open recommendation is no longer valid; the enterprise must stop seeing the candidate. */
export class RecommendationWithdrawnV1 {
  @IsString()
  @IsNotEmpty()
  recommendationId!: string;

  @IsString()
  @IsNotEmpty()
  demandId!: string;

  @IsString()
  @IsNotEmpty()
  enterpriseId!: string;

  @IsString()
  @IsNotEmpty()
  graduateId!: string;

  @IsIn(RECOMMENDATION_WITHDRAWAL_REASONS)
  reason!: RecommendationWithdrawalReason;

  @IsISO8601()
  withdrawnAt!: string;
}

export const CandidatesRecommendedV1Contract = defineEvent({
  eventType: 'CandidatesRecommended',
  eventVersion: 1,
  topic: TOPICS.recommendations,
  payloadClass: CandidatesRecommendedV1,
  keyOf: (p) => p.demandId,
});

export const RecommendationWithdrawnV1Contract = defineEvent({
  eventType: 'RecommendationWithdrawn',
  eventVersion: 1,
  topic: TOPICS.recommendations,
  payloadClass: RecommendationWithdrawnV1,
  keyOf: (p) => p.demandId,
});

/** An invitation the graduate has not answered expires soon: remind them (and tell the enterprise). */
export class InvitationReminderV1 {
  @IsString()
  @IsNotEmpty()
  recommendationId!: string;

  @IsString()
  @IsNotEmpty()
  demandId!: string;

  @IsString()
  @IsNotEmpty()
  enterpriseId!: string;

  @IsString()
  @IsNotEmpty()
  graduateId!: string;

  @IsISO8601()
  expiresAt!: string;
}

export const InvitationReminderV1Contract = defineEvent({
  eventType: 'InvitationReminder',
  eventVersion: 1,
  topic: TOPICS.recommendations,
  payloadClass: InvitationReminderV1,
  keyOf: (p) => p.demandId,
});
