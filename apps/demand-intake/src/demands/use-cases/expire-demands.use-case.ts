import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PeriodicTask } from '#runtime';
import { DemandEvents } from '../demand-events.js';
import { todayInChina } from '../demand-rules.js';
import { DemandsRepository } from '../demands.repository.js';
import { DemandIntakeEnvironment } from '../../demand-intake.environment.js';

/** Closes published and paused demands whose deadline has passed (reason `expired`). */
@Injectable()
export class ExpireDemandsUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly demands: DemandsRepository,
    private readonly events: DemandEvents,
  ) {}

  /** One pass; returns how many demands it closed. Safe to run on several instances at once. */
  async execute(now = new Date(), batch = 200): Promise<number> {
    let closed = 0;
    for (;;) {
      const n = await this.dataSource.transaction(async (manager) => {
        const expired = await this.demands.lockExpired(manager, todayInChina(now), batch);
        const ctx = { correlationId: randomUUID() };
        for (const demand of expired) {
          demand.status = 'closed';
          demand.closeReason = 'expired';
          demand.pauseCause = null;
          demand.version += 1;
          await this.demands.save(manager, demand);
          if (demand.publishedAt) await this.events.closed(manager, demand, 'expired', ctx);
        }
        return expired.length;
      });
      closed += n;
      if (n < batch) return closed;
    }
  }
}

/** Runs the expiry pass at start-up and then every DEMAND_EXPIRY_INTERVAL_MS. */
@Injectable()
export class DemandExpiryScheduler extends PeriodicTask {
  protected readonly intervalMs: number;

  constructor(
    private readonly expire: ExpireDemandsUseCase,
    env: DemandIntakeEnvironment,
  ) {
    super();
    this.intervalMs = env.DEMAND_EXPIRY_INTERVAL_MS;
  }

  protected runOnce(): Promise<number> {
    return this.expire.execute();
  }
}
