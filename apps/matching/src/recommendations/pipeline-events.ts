import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  CandidateHiredV1Contract,
  CandidateStatusChangedV1Contract,
  InvitationReminderV1Contract,
  RecommendationWithdrawnV1Contract,
  type CandidateStatus,
  type RecommendationWithdrawalReason,
} from '#contracts';
import { OutboxWriter, type PublishContext } from '#messaging';
import type { Recommendation } from './recommendations.repository.js';

/** Writes the pipeline's events into the outbox, in the caller's transaction. */
@Injectable()
export class PipelineEvents {
  constructor(private readonly outbox: OutboxWriter) {}

  /** Every change is a CandidateStatusChangedV1; a hire is also CandidateHiredV1. */
  async statusChanged(
    m: EntityManager,
    before: CandidateStatus,
    after: Recommendation,
    ctx: PublishContext,
  ): Promise<void> {
    const changedAt = after.updatedAt.toISOString();
    await this.outbox.append(
      m,
      CandidateStatusChangedV1Contract,
      {
        recommendationId: after.id,
        demandId: after.demandId,
        enterpriseId: after.enterpriseId,
        graduateId: after.graduateId,
        previousStatus: before,
        status: after.status,
        changedAt,
      },
      ctx,
    );
    if (after.status === 'hired') {
      await this.outbox.append(
        m,
        CandidateHiredV1Contract,
        {
          demandId: after.demandId,
          enterpriseId: after.enterpriseId,
          graduateId: after.graduateId,
          hiredAt: changedAt,
        },
        ctx,
      );
    }
  }

  async withdrawn(
    m: EntityManager,
    r: Recommendation,
    reason: RecommendationWithdrawalReason,
    ctx: PublishContext,
  ): Promise<void> {
    await this.outbox.append(
      m,
      RecommendationWithdrawnV1Contract,
      {
        recommendationId: r.id,
        demandId: r.demandId,
        enterpriseId: r.enterpriseId,
        graduateId: r.graduateId,
        reason,
        withdrawnAt: r.updatedAt.toISOString(),
      },
      ctx,
    );
  }

  async reminder(m: EntityManager, r: Recommendation, ctx: PublishContext): Promise<void> {
    await this.outbox.append(
      m,
      InvitationReminderV1Contract,
      {
        recommendationId: r.id,
        demandId: r.demandId,
        enterpriseId: r.enterpriseId,
        graduateId: r.graduateId,
        expiresAt: r.invitationExpiresAt!.toISOString(),
      },
      ctx,
    );
  }
}
