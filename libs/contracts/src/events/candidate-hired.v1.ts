import { IsISO8601, IsNotEmpty, IsString } from 'class-validator';
import { defineEvent } from '../event-contract.js';
import { TOPICS } from '../topics.js';

/** Matching: an enterprise hired a recommended graduate for a demand. Keyed by demand. */
export class CandidateHiredV1 {
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
  hiredAt!: string;
}

export const CandidateHiredV1Contract = defineEvent({
  eventType: 'CandidateHired',
  eventVersion: 1,
  topic: TOPICS.recommendations,
  payloadClass: CandidateHiredV1,
  keyOf: (p) => p.demandId,
});
