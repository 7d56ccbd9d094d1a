import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ALL_TOPICS, deadLetterTopicOf, type EventContract } from '#contracts';
import type { BrokerAdmin, MessageBroker } from './broker/broker.js';
import { claimConsumerGroup } from './consumer/consumer-groups.js';
import { EventConsumer, type EventHandlerFn } from './consumer/event-consumer.js';
import { KafkaEventServer } from './consumer/kafka-event.server.js';
import type { MessagingLogger } from './logger.js';
import { MESSAGE_BROKER, MESSAGING_OPTIONS, type MessagingModuleOptions } from './messaging.options.js';
import { OutboxRelay } from './outbox/outbox-relay.js';
import { TopicNames } from './topic-names.js';
import { describeError } from './errors.js';
import { sleep } from './backoff.js';

export function nestMessagingLogger(context: string): MessagingLogger {
  const logger = new Logger(context);
  const fmt = (message: string, extra?: Record<string, unknown>) => (extra ? { msg: message, ...extra } : message);
  return {
    debug: (m, e) => logger.debug(fmt(m, e)),
    info: (m, e) => logger.log(fmt(m, e)),
    warn: (m, e) => logger.warn(fmt(m, e)),
    error: (m, e) => logger.error(fmt(m, e)),
  };
}

/** Creates topics at start-up, runs the outbox relay, and builds the event consumer transport. */
@Injectable()
export class MessagingRuntime
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnModuleDestroy
{
  readonly admin: BrokerAdmin;
  readonly relay: OutboxRelay;
  private readonly logger = nestMessagingLogger('Messaging');
  private releaseGroup: (() => void) | null = null;
  private consumer: EventConsumer | null = null;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(MESSAGE_BROKER) private readonly broker: MessageBroker,
    private readonly topics: TopicNames,
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
  ) {
    this.admin = broker.createAdmin();
    this.relay = new OutboxRelay(
      dataSource,
      broker.createProducer(),
      topics,
      {
        schema: options.schema,
        ...options.relay,
        afterSendBeforeMark: options.faults.crashRelayAfterSend
          ? () => {
              // Simulates a crash between the broker's acknowledgement and the mark's commit.
              process.kill(process.pid, 'SIGKILL');
            }
          : undefined,
      },
      nestMessagingLogger('OutboxRelay'),
    );
  }

  async onModuleInit(): Promise<void> {
    this.releaseGroup = claimConsumerGroup(this.options.service, this.options.consumerGroupId);
    const specs = ALL_TOPICS.flatMap((t) => [t, deadLetterTopicOf(t)]).map((t) => ({
      topic: this.topics.physical(t),
      partitions: this.options.topicPartitions,
      replicationFactor: this.options.replicationFactor,
    }));
    // The broker may still be starting (e.g. everything launched together): wait for it, bounded.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.admin.connect();
        await this.admin.ensureTopics(specs);
        return;
      } catch (err) {
        if (attempt >= 30) throw err;
        this.logger.warn('Kafka not ready for topic set-up; retrying', { error: describeError(err), attempt });
        await sleep(2000);
      }
    }
  }

  onApplicationBootstrap(): void {
    if (this.options.relay.enabled) this.relay.start();
  }

  /** The transport to pass to `app.connectMicroservice({ strategy })`. */
  createEventServer(): KafkaEventServer {
    return new KafkaEventServer((handlers: Map<string, { contract: EventContract; handle: EventHandlerFn }>) => {
      this.consumer = new EventConsumer(
        this.dataSource,
        this.broker.createConsumer(this.options.consumerGroupId),
        this.broker.createProducer(),
        this.topics,
        { groupId: this.options.consumerGroupId, schema: this.options.schema, handlers, ...this.options.consumer },
        nestMessagingLogger('EventConsumer'),
      );
      return this.consumer;
    });
  }

  currentConsumer(): EventConsumer | null {
    return this.consumer;
  }

  async beforeApplicationShutdown(): Promise<void> {
    // Finish the batch in flight while the database is still open.
    await this.relay.stop();
  }

  async onModuleDestroy(): Promise<void> {
    await this.admin.disconnect().catch(() => undefined);
    this.releaseGroup?.();
    this.releaseGroup = null;
  }
}
