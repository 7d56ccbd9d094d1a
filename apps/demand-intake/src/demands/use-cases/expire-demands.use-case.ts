import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
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
export class DemandExpiryScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DemandExpiryScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly expire: ExpireDemandsUseCase,
    private readonly env: DemandIntakeEnvironment,
  ) {}

  onApplicationBootstrap(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), this.env.DEMAND_EXPIRY_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.expire
      .execute()
      .then((n) => {
        if (n) this.logger.log({ msg: 'closed expired demands', count: n });
      })
      .catch((err: unknown) => this.logger.warn({ msg: 'demand expiry pass failed', error: String(err) }))
      .finally(() => {
        this.running = null;
      });
  }
}
