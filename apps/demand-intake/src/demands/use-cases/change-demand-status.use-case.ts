import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Caller } from '#auth';
import { StaleVersionException } from '#runtime';
import { allowedUserActions, nextStatus } from '../demand-lifecycle.js';
import { DemandEvents } from '../demand-events.js';
import { todayInChina } from '../demand-rules.js';
import type { DemandEntity } from '../demand.entity.js';
import { DemandException } from '../demand.exception.js';
import { DemandsRepository } from '../demands.repository.js';
import { DemandLoader } from './demand-context.js';

export type UserDemandAction = 'publish' | 'pause' | 'resume' | 'close';

/**
 * publish / pause / resume / close. Events follow what matching can see: a demand is visible
 * while published by a verified enterprise, so a pending enterprise's demands wait for verification.
 */
@Injectable()
export class ChangeDemandStatusUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly demands: DemandsRepository,
    private readonly loader: DemandLoader,
    private readonly events: DemandEvents,
  ) {}

  async execute(
    caller: Caller,
    id: string,
    action: UserDemandAction,
    expectedVersion: number | null,
  ): Promise<DemandEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { demand, enterprise } = await this.loader.lockForChange(manager, caller, id);
      if (expectedVersion !== null && demand.version !== expectedVersion)
        throw new StaleVersionException(demand.version);
      const to = nextStatus(demand.status, action);
      if (!to) throw DemandException.invalidTransition(demand.status, action, allowedUserActions(demand.status));
      if (
        (action === 'publish' || action === 'resume') &&
        (enterprise.status === 'suspended' || enterprise.status === 'rejected')
      ) {
        throw DemandException.enterpriseBlocked(enterprise.status);
      }
      if ((action === 'publish' || action === 'resume') && demand.deadline < todayInChina()) {
        throw DemandException.deadlinePassed(demand.deadline);
      }
      const wasVisible = demand.status === 'published' && enterprise.status === 'verified';
      demand.status = to;
      demand.version += 1;
      demand.pauseCause = action === 'pause' ? 'enterprise' : null;
      if (action === 'publish') demand.publishedAt = new Date();
      if (action === 'close') demand.closeReason = 'withdrawn';
      const saved = await this.demands.save(manager, demand);

      const ctx = { correlationId: randomUUID() };
      const verified = enterprise.status === 'verified';
      if ((action === 'publish' || action === 'resume') && verified)
        await this.events.published(manager, saved, enterprise, ctx);
      if (action === 'pause' && wasVisible) await this.events.paused(manager, saved, 'enterprise', ctx);
      if (action === 'close' && saved.publishedAt) await this.events.closed(manager, saved, 'withdrawn', ctx);
      return saved;
    });
  }
}
