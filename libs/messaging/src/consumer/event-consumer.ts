import type { DataSource, EntityManager } from 'typeorm';
import { decodeEvent, EventValidationError, type EventContract, type EventEnvelope } from '#contracts';
import type {
  BatchSession,
  BrokerConsumer,
  BrokerProducer,
  ConsumerLiveness,
  IncomingMessage,
  PartitionBatch,
} from '../broker/broker.js';
import { backoffDelay, sleep, type BackoffPolicy } from '../backoff.js';
import { describeError, isInfrastructureError, PoisonEventError } from '../errors.js';
import { InboxRepository } from '../inbox/inbox.repository.js';
import type { MessagingLogger } from '../logger.js';
import type { TopicNames } from '../topic-names.js';

/** What a handler receives besides the event: the transaction its writes must join. */
export interface InboundEventContext {
  /** Writes through this manager commit together with the inbox record, or not at all. */
  readonly manager: EntityManager;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly attempt: number;
  /**
   * Runs `effect` once the handler's transaction has committed (never if it rolls back), e.g. to
   * update an in-memory index from what was just stored. An effect that throws is logged, not retried.
   */
  afterCommit(effect: () => void): void;
}

export type EventHandlerFn = (envelope: EventEnvelope, context: InboundEventContext) => Promise<void>;

export interface EventConsumerOptions {
  groupId: string;
  schema: string;
  /** Handlers by contract pattern (`DemandPublished.v1`). */
  handlers: Map<string, { contract: EventContract; handle: EventHandlerFn }>;
  /** Attempts for a handler error before the event is dead-lettered. */
  maxAttempts: number;
  retryBackoff: BackoffPolicy;
  /** Backoff while the database or broker is unreachable (retried without limit). */
  infrastructureBackoff: BackoffPolicy;
}

const COMMIT_EVERY = 100;

export const DLQ_HEADERS = {
  error: 'x-dlq-error',
  errorKind: 'x-dlq-error-kind',
  originalTopic: 'x-dlq-original-topic',
  originalPartition: 'x-dlq-original-partition',
  originalOffset: 'x-dlq-original-offset',
  consumerGroup: 'x-dlq-consumer-group',
  attempts: 'x-dlq-attempts',
  failedAt: 'x-dlq-failed-at',
} as const;

type Outcome =
  | { kind: 'handled' | 'duplicate' | 'ignored' }
  | { kind: 'dead-letter'; reason: string; errorKind: string; attempts: number };

/**
 * Runs handlers for one consumer group with exactly-once effect:
 * each event's handler and its inbox record commit in one transaction, and the offset is
 * committed (as the next offset to read) only after that. Invalid events and handlers that
 * keep failing go to `<topic>.dlq` with the error in headers; the partition moves on.
 */
export class EventConsumer {
  private readonly inbox: InboxRepository;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly consumer: BrokerConsumer,
    private readonly deadLetterProducer: BrokerProducer,
    private readonly topics: TopicNames,
    private readonly options: EventConsumerOptions,
    private readonly logger: MessagingLogger,
  ) {
    this.inbox = new InboxRepository(options.schema);
  }

  /** Logical topics this consumer reads: those of the events it handles. */
  subscribedTopics(): string[] {
    return [...new Set([...this.options.handlers.values()].map((h) => h.contract.topic))];
  }

  async start(): Promise<void> {
    await this.deadLetterProducer.connect();
    await this.consumer.connect();
    const topics = this.subscribedTopics().map((t) => this.topics.physical(t));
    // Freshly created topics take a moment to show up in every broker's metadata.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.consumer.subscribe(topics);
        break;
      } catch (err) {
        if (attempt >= 20) throw err;
        this.logger.warn('subscribe failed; retrying', { error: describeError(err), attempt });
        await sleep(backoffDelay(attempt, this.options.infrastructureBackoff));
      }
    }
    await this.consumer.run((batch, session) => this.processBatch(batch, session));
  }

  liveness(): ConsumerLiveness {
    return this.consumer.liveness();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer.disconnect();
    await this.deadLetterProducer.disconnect().catch(() => undefined);
  }

  private async processBatch(batch: PartitionBatch, session: BatchSession): Promise<void> {
    // Offsets are committed after the handlers' transactions, every COMMIT_EVERY messages and at
    // the end of the batch: a crash in between redelivers a few events, which the inbox absorbs.
    let uncommitted: string | null = null;
    let sinceCommit = 0;
    const flush = async () => {
      if (uncommitted === null) return;
      await session.commit(uncommitted);
      uncommitted = null;
      sinceCommit = 0;
    };
    try {
      for (const message of batch.messages) {
        if (this.stopping || !session.shouldContinue()) return;
        const outcome = await this.process(message, session);
        if (outcome === null) return; // stopping mid-retry: leave the offset for the next owner
        if (outcome.kind === 'dead-letter') {
          const sent = await this.deadLetter(message, outcome, session);
          if (!sent) return;
        }
        uncommitted = (BigInt(message.offset) + 1n).toString();
        sinceCommit += 1;
        if (sinceCommit >= COMMIT_EVERY) {
          await flush();
          await session.heartbeat();
        }
      }
    } finally {
      await flush();
    }
  }

  /** Null means "stopped before finishing": the message stays uncommitted and is redelivered. */
  private async process(message: IncomingMessage, session: BatchSession): Promise<Outcome | null> {
    let decoded: ReturnType<typeof decodeEvent>;
    try {
      decoded = decodeEvent(message.value);
    } catch (err) {
      const reason = describeError(err);
      this.logger.warn('invalid event sent to dead-letter topic', { ...where(message), error: reason });
      return { kind: 'dead-letter', reason, errorKind: 'validation', attempts: 0 };
    }
    const registration = this.options.handlers.get(decoded.contract.pattern);
    if (!registration) return { kind: 'ignored' };

    const { envelope } = decoded;
    let attempt = 0;
    let infraFailures = 0;
    for (;;) {
      attempt += 1;
      try {
        const effects: (() => void)[] = [];
        const handled = await this.dataSource.transaction(async (manager) => {
          const first = await this.inbox.tryRecord(manager, {
            consumer: this.options.groupId,
            eventId: envelope.eventId,
            eventType: decoded.contract.pattern,
            topic: this.topics.logical(message.topic),
            partition: message.partition,
            offset: message.offset,
          });
          if (!first) return false;
          await registration.handle(envelope, {
            manager,
            topic: this.topics.logical(message.topic),
            partition: message.partition,
            offset: message.offset,
            attempt,
            afterCommit: (effect) => effects.push(effect),
          });
          return true;
        });
        for (const effect of effects) {
          try {
            effect();
          } catch (err) {
            this.logger.error('after-commit effect failed', { ...where(message), error: describeError(err) });
          }
        }
        return { kind: handled ? 'handled' : 'duplicate' };
      } catch (err) {
        const error = describeError(err);
        if (isInfrastructureError(err)) {
          // Not the event's fault: wait for the database without spending the event's attempts.
          attempt -= 1;
          infraFailures += 1;
          const delay = backoffDelay(infraFailures, this.options.infrastructureBackoff);
          this.logger.warn('handler blocked by infrastructure; retrying', {
            ...where(message),
            error,
            retryInMs: delay,
          });
          if (!(await this.pause(delay, session))) return null;
          continue;
        }
        const poison = err instanceof PoisonEventError || err instanceof EventValidationError;
        if (poison || attempt >= this.options.maxAttempts) {
          this.logger.error('handler failed; event sent to dead-letter topic', { ...where(message), error, attempt });
          return { kind: 'dead-letter', reason: error, errorKind: poison ? 'poison' : 'handler', attempts: attempt };
        }
        const delay = backoffDelay(attempt, this.options.retryBackoff);
        this.logger.warn('handler failed; retrying', { ...where(message), error, attempt, retryInMs: delay });
        if (!(await this.pause(delay, session))) return null;
      }
    }
  }

  /** Sleeps in slices so the group session stays alive; false when the consumer must stop. */
  private async pause(ms: number, session: BatchSession): Promise<boolean> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (this.stopping || !session.shouldContinue()) return false;
      await sleep(Math.min(1000, until - Date.now()));
      await session.heartbeat().catch(() => undefined);
    }
    return !this.stopping && session.shouldContinue();
  }

  private async deadLetter(
    message: IncomingMessage,
    outcome: Extract<Outcome, { kind: 'dead-letter' }>,
    session: BatchSession,
  ): Promise<boolean> {
    const logical = this.topics.logical(message.topic);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(message.headers)) if (v !== undefined) headers[k] = v;
    Object.assign(headers, {
      [DLQ_HEADERS.error]: outcome.reason.slice(0, 8000),
      [DLQ_HEADERS.errorKind]: outcome.errorKind,
      [DLQ_HEADERS.originalTopic]: message.topic,
      [DLQ_HEADERS.originalPartition]: String(message.partition),
      [DLQ_HEADERS.originalOffset]: message.offset,
      [DLQ_HEADERS.consumerGroup]: this.options.groupId,
      [DLQ_HEADERS.attempts]: String(outcome.attempts),
      [DLQ_HEADERS.failedAt]: new Date().toISOString(),
    });
    // The offset is committed only once the dead letter is safely on the broker.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.deadLetterProducer.send([
          {
            topic: this.topics.deadLetter(logical),
            key: message.key ?? '',
            value: message.value ? message.value.toString('utf8') : '',
            headers,
          },
        ]);
        return true;
      } catch (err) {
        const delay = backoffDelay(attempt, this.options.infrastructureBackoff);
        this.logger.warn('dead-letter publish failed; retrying', {
          ...where(message),
          error: describeError(err),
          retryInMs: delay,
        });
        if (!(await this.pause(delay, session))) return false;
      }
    }
  }
}

function where(m: IncomingMessage): Record<string, unknown> {
  return { topic: m.topic, partition: m.partition, offset: m.offset, key: m.key };
}
