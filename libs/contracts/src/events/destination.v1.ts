import { IsBoolean, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches } from 'class-validator';
import { defineEvent } from '../event-contract.js';
import { REGION_CODE_PATTERN } from '../domain/codes.js';
import {
  DESTINATION_SOURCES,
  DESTINATION_STATUSES,
  type DestinationSource,
  type DestinationStatus,
} from '../domain/graduate.js';
import { TOPICS } from '../topics.js';

/**
 * A destination (毕业去向) was registered or its audit state changed. Keyed by graduate.
 * The employer is an organisation, not personal data; the graduate appears only by id.
 */
export class DestinationRecordedV1 {
  @IsString()
  @IsNotEmpty()
  destinationId!: string;

  @IsString()
  @IsNotEmpty()
  graduateId!: string;

  @IsString()
  @IsNotEmpty()
  collegeId!: string;

  /** Code from the destination table (e.g. `11` 签劳动合同形式就业). */
  @Matches(/^\d{2,3}$/)
  categoryCode!: string;

  /** Whether this category counts toward 毕业去向落实率 under the table in force. */
  @IsBoolean()
  countsAsPlaced!: boolean;

  @IsIn(DESTINATION_SOURCES)
  source!: DestinationSource;

  @IsIn(DESTINATION_STATUSES)
  status!: DestinationStatus;

  @IsOptional()
  @IsString()
  employerOrSchool!: string | null;

  @IsOptional()
  @Matches(REGION_CODE_PATTERN)
  cityCode!: string | null;

  /** Set when the platform recorded it from a hire. */
  @IsOptional()
  @IsString()
  enterpriseId!: string | null;

  @IsOptional()
  @IsString()
  demandId!: string | null;

  @IsISO8601()
  recordedAt!: string;
}

export const DestinationRecordedV1Contract = defineEvent({
  eventType: 'DestinationRecorded',
  eventVersion: 1,
  topic: TOPICS.destinations,
  payloadClass: DestinationRecordedV1,
  keyOf: (p) => p.graduateId,
});
