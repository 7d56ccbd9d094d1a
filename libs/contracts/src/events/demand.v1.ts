import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsString, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../event-contract.js';
import { DEMAND_CLOSE_REASONS, type DemandCloseReason } from '../domain/demand-kind.js';
import { TOPICS } from '../topics.js';
import { DemandSnapshotV1 } from './shared-payloads.js';

/** A demand became visible to matching (published, or resumed from pause). */
export class DemandPublishedV1 {
  @ValidateNested()
  @Type(() => DemandSnapshotV1)
  demand!: DemandSnapshotV1;

  @IsISO8601()
  publishedAt!: string;
}

/** A visible demand's criteria changed; sent only while matching can see the demand. */
export class DemandUpdatedV1 {
  @ValidateNested()
  @Type(() => DemandSnapshotV1)
  demand!: DemandSnapshotV1;

  @IsISO8601()
  updatedAt!: string;
}

export class DemandPausedV1 {
  @IsString()
  @IsNotEmpty()
  demandId!: string;

  @IsString()
  @IsNotEmpty()
  enterpriseId!: string;

  /** `enterprise`: paused by its owner; `enterprise_suspended`: the enterprise was suspended. */
  @IsIn(['enterprise', 'enterprise_suspended'])
  cause!: 'enterprise' | 'enterprise_suspended';

  @IsInt()
  @Min(1)
  version!: number;

  @IsISO8601()
  pausedAt!: string;
}

export class DemandClosedV1 {
  @IsString()
  @IsNotEmpty()
  demandId!: string;

  @IsString()
  @IsNotEmpty()
  enterpriseId!: string;

  @IsIn(DEMAND_CLOSE_REASONS)
  reason!: DemandCloseReason;

  @IsInt()
  @Min(1)
  version!: number;

  @IsISO8601()
  closedAt!: string;
}

export const DemandPublishedV1Contract = defineEvent({
  eventType: 'DemandPublished',
  eventVersion: 1,
  topic: TOPICS.demands,
  payloadClass: DemandPublishedV1,
  keyOf: (p) => p.demand.demandId,
});

export const DemandUpdatedV1Contract = defineEvent({
  eventType: 'DemandUpdated',
  eventVersion: 1,
  topic: TOPICS.demands,
  payloadClass: DemandUpdatedV1,
  keyOf: (p) => p.demand.demandId,
});

export const DemandPausedV1Contract = defineEvent({
  eventType: 'DemandPaused',
  eventVersion: 1,
  topic: TOPICS.demands,
  payloadClass: DemandPausedV1,
  keyOf: (p) => p.demandId,
});

export const DemandClosedV1Contract = defineEvent({
  eventType: 'DemandClosed',
  eventVersion: 1,
  topic: TOPICS.demands,
  payloadClass: DemandClosedV1,
  keyOf: (p) => p.demandId,
});
