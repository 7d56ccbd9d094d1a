import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Caller } from '#auth';
import type { RecommendationWithdrawalReason } from '#contracts';
import type { PublishContext } from '#messaging';
import { AppException } from '#runtime';
import { MatchingEnvironment } from '../matching.environment.js';
import { ReadModelChanges, type ReadModelTransactionalListener } from '../read-model/read-model.changes.js';
import { PipelineEvents } from './pipeline-events.js';
import { checkMove, type PipelineAction, type PipelineActor } from './recommendation-lifecycle.js';
import {
  AlreadyHiredException,
  InvalidPipelineMoveException,
  PipelineActorForbiddenException,
  RecommendationNotFoundException,
} from './recommendation.exception.js';
import { RecommendationsRepository, type Recommendation } from './recommendations.repository.js';

const DAY_MS = 24 * 3600_000;
const UNIQUE_VIOLATION = '23505';

/** Which side of the pipeline a caller is on, if they are on the recommendation at all. */
function actorFor(caller: Caller, r: Recommendation): PipelineActor | 'stranger' | 'staff' {
  if (caller.role === 'enterprise') return caller.orgId === r.enterpriseId ? 'enterprise' : 'stranger';
  if (caller.role === 'graduate') return caller.subject === r.graduateId ? 'graduate' : 'stranger';
  if (caller.role === 'organizer' || caller.role === 'platform_admin') return 'staff';
  return 'stranger';
}

/**
 * Moves recommendations through the double opt-in pipeline. Each move is checked against the
 * lifecycle (wrong status → 409 naming what is allowed, wrong side → 403), written with its history
 * row and announced as CandidateStatusChangedV1 (and CandidateHiredV1) in one transaction.
 */
@Injectable()
export class RecommendationPipelineUseCase implements OnModuleInit, ReadModelTransactionalListener {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recommendations: RecommendationsRepository,
    private readonly events: PipelineEvents,
    private readonly env: MatchingEnvironment,
    private readonly changes: ReadModelChanges,
  ) {}

  onModuleInit(): void {
    this.changes.subscribeInTransaction(this);
  }

  async onGraduateUnavailable(
    m: EntityManager,
    graduateId: string,
    reason: Exclude<RecommendationWithdrawalReason, 'demand_closed'>,
    ctx: PublishContext,
  ): Promise<void> {
    await this.withdrawForGraduate(m, graduateId, reason, ctx);
  }

  async onDemandClosed(m: EntityManager, demandId: string, ctx: PublishContext): Promise<void> {
    await this.withdrawForDemand(m, demandId, ctx);
  }

  async act(caller: Caller, id: string, action: PipelineAction, reason: string | null): Promise<Recommendation> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const r = await this.recommendations.findById(m, id, true);
        // Before the push went out the enterprise does not know the recommendation exists.
        if (!r || (caller.role === 'enterprise' && !r.pushedAt)) throw new RecommendationNotFoundException(id);
        const actor = actorFor(caller, r);
        if (actor === 'stranger') throw new RecommendationNotFoundException(id);
        if (actor === 'staff') throw new PipelineActorForbiddenException(action, ['enterprise', 'graduate']);
        if (action === 'hire' && (await this.recommendations.hasStandingHire(m, r.graduateId))) {
          throw new AlreadyHiredException();
        }
        return this.move(
          m,
          r,
          action,
          actor,
          { role: caller.role, id: caller.subject, reason },
          { correlationId: randomUUID() },
        );
      });
    } catch (err) {
      // Two hires racing past the check: the partial unique index lets one through.
      if ((err as { code?: string }).code === UNIQUE_VIOLATION) throw new AlreadyHiredException();
      throw err;
    }
  }

  /**
   * The platform withdraws a graduate's running recommendations (consent withdrawn, erased, placed),
   * in the caller's transaction; each becomes RecommendationWithdrawnV1 plus a status change.
   */
  async withdrawForGraduate(
    m: EntityManager,
    graduateId: string,
    reason: RecommendationWithdrawalReason,
    ctx: PublishContext,
  ): Promise<number> {
    const open = await this.recommendations.openOfGraduate(m, graduateId);
    for (const r of open) await this.withdrawByPlatform(m, r, reason, ctx);
    return open.length;
  }

  /** A closed demand ends its running recommendations. */
  async withdrawForDemand(m: EntityManager, demandId: string, ctx: PublishContext): Promise<number> {
    const open = await this.recommendations.openOfDemand(m, demandId);
    for (const r of open) await this.withdrawByPlatform(m, r, 'demand_closed', ctx);
    return open.length;
  }

  /** Expires unanswered invitations and reminds those about to expire; returns how many it touched. */
  async sweepInvitations(now = new Date(), batch = 200): Promise<number> {
    let touched = 0;
    for (;;) {
      const n = await this.dataSource.transaction(async (m) => {
        const ctx = { correlationId: randomUUID() };
        const due = await this.recommendations.dueToExpire(m, now, batch);
        for (const r of due) {
          await this.move(m, r, 'expire', 'platform', { role: 'platform', id: null, reason: '邀请超时未回复' }, ctx);
        }
        const remindBefore = new Date(now.getTime() + this.env.INVITATION_REMINDER_HOURS * 3600_000);
        const remind = await this.recommendations.dueForReminder(m, remindBefore, batch);
        for (const r of remind) {
          await this.recommendations.markReminded(m, r.id, now);
          await this.events.reminder(m, r, ctx);
        }
        return due.length + remind.length;
      });
      touched += n;
      if (n === 0) return touched;
    }
  }

  private async withdrawByPlatform(
    m: EntityManager,
    r: Recommendation,
    reason: RecommendationWithdrawalReason,
    ctx: PublishContext,
  ): Promise<void> {
    const after = await this.move(m, r, 'withdraw', 'platform', { role: 'platform', id: null, reason }, ctx);
    await this.events.withdrawn(m, after, reason, ctx);
  }

  private async move(
    m: EntityManager,
    r: Recommendation,
    action: PipelineAction,
    actor: PipelineActor,
    by: { role: string; id: string | null; reason: string | null },
    ctx: PublishContext,
  ): Promise<Recommendation> {
    const check = checkMove(r.status, action, actor);
    if (!check.ok) {
      if (check.reason === 'actor') throw new PipelineActorForbiddenException(action, check.allowedActors);
      throw new InvalidPipelineMoveException(r.status, action, check.allowedActions);
    }
    if (action === 'invite' && r.status === 'recommended' && !r.pushedAt) {
      throw new AppException('recommendation_not_pushed', 409, '推荐尚未推送给企业');
    }
    const now = new Date();
    const invitationExpiresAt =
      check.to === 'invited' ? new Date(now.getTime() + this.env.INVITATION_TTL_DAYS * DAY_MS) : undefined;
    const after = await this.recommendations.changeStatus(m, r, check.to, by, { now, invitationExpiresAt });
    await this.events.statusChanged(m, r.status, after, ctx);
    return after;
  }
}
