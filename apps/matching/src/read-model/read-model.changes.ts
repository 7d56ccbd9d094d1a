import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RecommendationWithdrawalReason } from '#contracts';
import type { PublishContext } from '#messaging';
import type { StoredDemand, StoredGraduate } from './read-model.repository.js';

/** A change of matching's read model, announced after it committed. */
export type ReadModelChange =
  | { kind: 'demand'; demandId: string; demand: StoredDemand | null }
  | { kind: 'graduate'; graduateId: string; graduate: StoredGraduate | null; cause: GraduateChangeCause };

export type GraduateChangeCause = 'profile' | 'consent' | 'erased' | 'placement';

export interface ReadModelListener {
  onReadModelChanged(change: ReadModelChange): void;
}

/** Work that must commit with the read-model change itself (e.g. withdrawing recommendations). */
export interface ReadModelTransactionalListener {
  /** The graduate may no longer be recommended: consent withdrawn, erased or placed. */
  onGraduateUnavailable(
    m: EntityManager,
    graduateId: string,
    reason: Exclude<RecommendationWithdrawalReason, 'demand_closed'>,
    ctx: PublishContext,
  ): Promise<void>;
  onDemandClosed(m: EntityManager, demandId: string, ctx: PublishContext): Promise<void>;
}

/**
 * Who wants to hear about committed read-model changes (the in-memory ranking index, the push
 * planner). Listeners run synchronously after commit and must not throw for ordinary input.
 */
@Injectable()
export class ReadModelChanges {
  private readonly listeners: ReadModelListener[] = [];
  private readonly transactional: ReadModelTransactionalListener[] = [];

  subscribe(listener: ReadModelListener): void {
    this.listeners.push(listener);
  }

  subscribeInTransaction(listener: ReadModelTransactionalListener): void {
    this.transactional.push(listener);
  }

  async graduateUnavailable(
    m: EntityManager,
    graduateId: string,
    reason: Exclude<RecommendationWithdrawalReason, 'demand_closed'>,
    ctx: PublishContext,
  ): Promise<void> {
    for (const listener of this.transactional) await listener.onGraduateUnavailable(m, graduateId, reason, ctx);
  }

  async demandClosed(m: EntityManager, demandId: string, ctx: PublishContext): Promise<void> {
    for (const listener of this.transactional) await listener.onDemandClosed(m, demandId, ctx);
  }

  announce(change: ReadModelChange): void {
    for (const listener of this.listeners) listener.onReadModelChanged(change);
  }
}
