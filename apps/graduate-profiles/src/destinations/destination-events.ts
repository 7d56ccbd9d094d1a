import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DestinationRecordedV1Contract, type DestinationRecordedV1 } from '#contracts';
import { destinationCategoryByCode } from '#reference';
import { OutboxWriter, type PublishContext } from '#messaging';
import { categoryCodeOf, employerOf, statusOf, type DestinationRecord } from './destination-state.js';

/**
 * The event for a registration in its current state. `recordedAt` is the registration's time,
 * the same on its audit events, so a consumer keeping "the latest registration" orders by it and
 * an audit of a registration never overtakes a newer registration.
 */
export function destinationRecorded(record: DestinationRecord): DestinationRecordedV1 {
  const d = record.destination;
  const categoryCode = categoryCodeOf(record);
  return {
    destinationId: d.id,
    graduateId: d.graduateId,
    collegeId: d.collegeId,
    categoryCode,
    countsAsPlaced: destinationCategoryByCode(categoryCode)?.countsAsPlaced ?? false,
    source: d.source,
    status: statusOf(record),
    employerOrSchool: employerOf(record),
    cityCode: d.cityCode,
    enterpriseId: d.enterpriseId,
    demandId: d.demandId,
    recordedAt: d.recordedAt.toISOString(),
  };
}

/** Writes DestinationRecordedV1 into the outbox, in the caller's transaction. */
@Injectable()
export class DestinationEvents {
  constructor(private readonly outbox: OutboxWriter) {}

  async recorded(manager: EntityManager, record: DestinationRecord, context: PublishContext): Promise<void> {
    await this.outbox.append(manager, DestinationRecordedV1Contract, destinationRecorded(record), context);
  }
}
