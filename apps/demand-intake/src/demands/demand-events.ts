import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  DemandClosedV1Contract,
  DemandPausedV1Contract,
  DemandPublishedV1Contract,
  DemandUpdatedV1Contract,
  type DemandCloseReason,
  type DemandSnapshotV1,
  type EnterpriseSnapshotV1,
} from '#contracts';
import { OutboxWriter, type PublishContext } from '#messaging';
import type { DemandEntity } from './demand.entity.js';

export function demandSnapshot(demand: DemandEntity, enterprise: EnterpriseSnapshotV1): DemandSnapshotV1 {
  return {
    demandId: demand.id,
    enterpriseId: demand.enterpriseId,
    kind: demand.kind,
    title: demand.title,
    occupationCode: demand.occupationCode,
    industrySection: enterprise.industrySection,
    industryDivision: enterprise.industryDivision,
    headcount: demand.headcount,
    hiredCount: demand.hiredCount,
    majors: demand.majors,
    minDegree: demand.minDegree,
    skills: demand.skills,
    certificates: demand.certificates,
    cities: demand.cities,
    salaryMin: demand.salaryMin,
    salaryMax: demand.salaryMax,
    graduationYears: demand.graduationYears,
    deadline: demand.deadline,
    partnerCollegeIds: demand.kindDetails.orderTraining?.partnerCollegeIds ?? [],
    version: demand.version,
  };
}

/** Matching sees a demand only while it is published by a verified enterprise. */
export function visibleToMatching(demand: DemandEntity, enterprise: EnterpriseSnapshotV1): boolean {
  return demand.status === 'published' && enterprise.status === 'verified';
}

/** Writes the demand events into the outbox, in the caller's transaction. */
@Injectable()
export class DemandEvents {
  constructor(private readonly outbox: OutboxWriter) {}

  async published(m: EntityManager, d: DemandEntity, e: EnterpriseSnapshotV1, ctx: PublishContext): Promise<void> {
    await this.outbox.append(
      m,
      DemandPublishedV1Contract,
      { demand: demandSnapshot(d, e), publishedAt: new Date().toISOString() },
      ctx,
    );
  }

  async updated(m: EntityManager, d: DemandEntity, e: EnterpriseSnapshotV1, ctx: PublishContext): Promise<void> {
    await this.outbox.append(
      m,
      DemandUpdatedV1Contract,
      { demand: demandSnapshot(d, e), updatedAt: new Date().toISOString() },
      ctx,
    );
  }

  async paused(
    m: EntityManager,
    d: DemandEntity,
    cause: 'enterprise' | 'enterprise_suspended',
    ctx: PublishContext,
  ): Promise<void> {
    await this.outbox.append(
      m,
      DemandPausedV1Contract,
      { demandId: d.id, enterpriseId: d.enterpriseId, cause, version: d.version, pausedAt: new Date().toISOString() },
      ctx,
    );
  }

  async closed(m: EntityManager, d: DemandEntity, reason: DemandCloseReason, ctx: PublishContext): Promise<void> {
    await this.outbox.append(
      m,
      DemandClosedV1Contract,
      { demandId: d.id, enterpriseId: d.enterpriseId, reason, version: d.version, closedAt: new Date().toISOString() },
      ctx,
    );
  }
}
