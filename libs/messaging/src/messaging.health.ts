import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { describeError } from './errors.js';
import { MESSAGING_OPTIONS, type MessagingModuleOptions } from './messaging.options.js';
import { MessagingRuntime } from './messaging.runtime.js';

/** Broker reachability and consumer liveness for `/health`. */
@Injectable()
export class MessagingHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly runtime: MessagingRuntime,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
  ) {}

  async kafka(key = 'kafka', timeoutMs = 3000): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    try {
      await this.runtime.admin.ping(timeoutMs);
      return indicator.up();
    } catch (err) {
      return indicator.down({ message: describeError(err) });
    }
  }

  /** Down when the consumer left its group or has not heartbeated or fetched for `stallAfterMs`. */
  consumer(key = 'consumer'): HealthIndicatorResult {
    const indicator = this.health.check(key);
    const consumer = this.runtime.currentConsumer();
    if (!consumer) return indicator.up({ subscribed: false });
    const live = consumer.liveness();
    const silentForMs = Date.now() - live.lastActivityAt;
    if (!live.member || silentForMs > this.options.consumer.stallAfterMs) {
      return indicator.down({ member: live.member, silentForMs, lastError: live.lastError });
    }
    return indicator.up({ group: this.options.consumerGroupId, silentForMs });
  }
}
