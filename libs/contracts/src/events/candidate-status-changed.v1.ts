import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { defineEvent } from '../event-contract.js';
import { CANDIDATE_STATUSES, type CandidateStatus } from '../domain/graduate.js';
import { TOPICS } from '../topics.js';

/** Matching: a candidate moved in the pipeline for one demand. Keyed by demand, like CandidateHiredV1. */
export class CandidateStatusChangedV1 {
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

  @IsOptional()
  @IsIn(CANDIDATE_STATUSES)
  previousStatus!: CandidateStatus | null;

  @IsIn(CANDIDATE_STATUSES)
  status!: CandidateStatus;

  @IsISO8601()
  changedAt!: string;
}

export const CandidateStatusChangedV1Contract = defineEvent({
  eventType: 'CandidateStatusChanged',
  eventVersion: 1,
  topic: TOPICS.recommendations,
  payloadClass: CandidateStatusChangedV1,
  keyOf: (p) => p.demandId,
});
