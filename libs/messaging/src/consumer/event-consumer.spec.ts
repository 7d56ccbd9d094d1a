// #contracts needs the Reflect metadata API at load time (class-transformer's @Type on EventEnvelope).
import 'reflect-metadata';
import type { DataSource, EntityManager } from 'typeorm';
import { IsString } from 'class-validator';
import {
  createEnvelope,
  defineEvent,
  EventValidationError,
  PlatformCanaryV1Contract,
  TOPICS,
  type EventContract,
  type EventEnvelope,
  type PlatformCanaryV1,
} from '#contracts';
import type {
  BatchSession,
  BrokerConsumer,
  BrokerProducer,
  ConsumerLiveness,
  IncomingMessage,
  OutgoingMessage,
  PartitionBatch,
} from '../broker/broker.js';
import type { BackoffPolicy } from '../backoff.js';
import { PoisonEventError } from '../errors.js';
import { silentLogger } from '../logger.js';
import { TopicNames } from '../topic-names.js';
import { DLQ_HEADERS, EventConsumer, type EventHandlerFn, type InboundEventContext } from './event-consumer.js';

// ---------------------------------------------------------------- in-memory fakes

type OnBatch = (batch: PartitionBatch, session: BatchSession) => Promise<void>;

class FakeBrokerConsumer implements BrokerConsumer {
  onBatch: OnBatch | null = null;
  subscribed: string[][] = [];
  connected = false;
  constructor(readonly groupId: string) {}
  async connect(): Promise<void> {
    this.connected = true;
  }
  async subscribe(topics: string[]): Promise<void> {
    this.subscribed.push(topics);
  }
  async run(onBatch: OnBatch): Promise<void> {
    this.onBatch = onBatch;
  }
  liveness(): ConsumerLiveness {
    return { lastActivityAt: 0, member: this.connected, lastError: null };
  }
  async disconnect(): Promise<void> {
    this.connected = false;
  }
}

class FakeBrokerProducer implements BrokerProducer {
  sent: OutgoingMessage[] = [];
  connected = false;
  /** Number of upcoming send() calls that fail. */
  failNextSends = 0;
  sendCalls = 0;
  async connect(): Promise<void> {
    this.connected = true;
  }
  async send(messages: OutgoingMessage[]): Promise<void> {
    this.sendCalls += 1;
    if (this.failNextSends > 0) {
      this.failNextSends -= 1;
      throw Object.assign(new Error('broker unavailable'), { code: 'ECONNREFUSED' });
    }
    this.sent.push(...messages);
  }
  async disconnect(): Promise<void> {
    this.connected = false;
  }
}

/**
 * A DataSource whose transaction() runs fn with a manager that understands only the inbox insert.
 * Inserts become visible when fn resolves and are discarded when it throws, like a rollback.
 */
class FakeDataSource {
  readonly inbox = new Set<string>();
  readonly inboxParams: unknown[][] = [];
  transactions = 0;

  async transaction<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    this.transactions += 1;
    const staged = new Set<string>();
    const manager = {
      query: async (sql: string, params: unknown[] = []): Promise<unknown[]> => {
        if (!sql.includes('inbox')) throw new Error(`fake manager cannot run: ${sql}`);
        expect(sql).toMatch(/INSERT INTO "[a-z_-]+"\.inbox/);
        expect(sql).toContain('ON CONFLICT (consumer, event_id) DO NOTHING');
        expect(sql).toContain('RETURNING');
        this.inboxParams.push(params);
        const key = `${String(params[0])}|${String(params[1])}`;
        if (this.inbox.has(key) || staged.has(key)) return [];
        staged.add(key);
        return [{}];
      },
    } as unknown as EntityManager;
    const result = await fn(manager);
    for (const key of staged) this.inbox.add(key);
    return result;
  }
}

class FakeSession implements BatchSession {
  commits: string[] = [];
  heartbeats = 0;
  /** Number of shouldContinue() calls answered true before it turns false (Infinity = always true). */
  continueFor = Infinity;
  async heartbeat(): Promise<void> {
    this.heartbeats += 1;
  }
  async commit(nextOffset: string): Promise<void> {
    this.commits.push(nextOffset);
  }
  shouldContinue(): boolean {
    if (this.continueFor <= 0) return false;
    this.continueFor -= 1;
    return true;
  }
}

// ---------------------------------------------------------------- helpers

const GROUP = 'talent-bridge.notifications';
const tiny: BackoffPolicy = { initialMs: 1, maxMs: 2, jitter: 0 };

function canary(sequence = 1, eventId?: string): EventEnvelope<PlatformCanaryV1> {
  return createEnvelope(
    PlatformCanaryV1Contract,
    { canaryId: '0f8fad5b-d9cb-469f-a165-70867728950e', streamKey: 'stream-1', sequence, note: '' },
    { producer: 'demand-intake', correlationId: 'c', eventId },
  );
}

function message(
  offset: string,
  value: string | null,
  extra: Partial<IncomingMessage> = {},
  topic = TOPICS.platformCanary as string,
): IncomingMessage {
  return {
    topic,
    partition: 2,
    offset,
    key: 'stream-1',
    value: value === null ? null : Buffer.from(value, 'utf8'),
    headers: {},
    ...extra,
  };
}

function messageOf(offset: string, envelope: EventEnvelope, topic?: string): IncomingMessage {
  return message(offset, JSON.stringify(envelope), {}, topic);
}

interface Harness {
  consumer: EventConsumer;
  broker: FakeBrokerConsumer;
  dlq: FakeBrokerProducer;
  db: FakeDataSource;
  session: FakeSession;
  calls: { envelope: EventEnvelope; context: InboundEventContext }[];
  deliver(messages: IncomingMessage[], topic?: string): Promise<void>;
}

async function harness(
  handle: EventHandlerFn = async () => undefined,
  opts: { maxAttempts?: number; prefix?: string; contract?: EventContract } = {},
): Promise<Harness> {
  const broker = new FakeBrokerConsumer(GROUP);
  const dlq = new FakeBrokerProducer();
  const db = new FakeDataSource();
  const session = new FakeSession();
  const calls: Harness['calls'] = [];
  const contract = opts.contract ?? PlatformCanaryV1Contract;
  const consumer = new EventConsumer(
    db as unknown as DataSource,
    broker,
    dlq,
    new TopicNames(opts.prefix ?? ''),
    {
      groupId: GROUP,
      schema: 'notifications',
      handlers: new Map([
        [
          contract.pattern,
          {
            contract,
            handle: async (envelope: EventEnvelope, context: InboundEventContext) => {
              calls.push({ envelope, context });
              await handle(envelope, context);
            },
          },
        ],
      ]),
      maxAttempts: opts.maxAttempts ?? 3,
      retryBackoff: tiny,
      infrastructureBackoff: tiny,
    },
    silentLogger,
  );
  await consumer.start();
  const onBatch = broker.onBatch;
  if (!onBatch) throw new Error('consumer.start() did not call run()');
  const deliver = async (messages: IncomingMessage[], topic = messages[0]?.topic ?? TOPICS.platformCanary) => {
    await onBatch({ topic, partition: 2, messages }, session);
  };
  return { consumer, broker, dlq, db, session, calls, deliver };
}

function infraError(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
}

// ---------------------------------------------------------------- tests

describe('EventConsumer', () => {
  describe('start', () => {
    it('connects, subscribes to the topics of its handlers and starts the fetch loop', async () => {
      const h = await harness();
      expect(h.dlq.connected).toBe(true);
      expect(h.broker.connected).toBe(true);
      expect(h.broker.subscribed).toEqual([['platform.canary']]);
      expect(h.broker.onBatch).not.toBeNull();
      expect(h.consumer.subscribedTopics()).toEqual(['platform.canary']);
    });

    it('subscribes to prefixed physical topics', async () => {
      const h = await harness(undefined, { prefix: 'tb7' });
      expect(h.broker.subscribed).toEqual([['tb7.platform.canary']]);
    });

    it('stop() disconnects consumer and dead-letter producer', async () => {
      const h = await harness();
      await h.consumer.stop();
      expect(h.broker.connected).toBe(false);
      expect(h.dlq.connected).toBe(false);
    });
  });

  it('handles a valid event once and commits offset+1', async () => {
    const h = await harness();
    const envelope = canary(1);
    await h.deliver([messageOf('41', envelope)]);

    expect(h.calls).toHaveLength(1);
    expect(h.calls[0]!.envelope.eventId).toBe(envelope.eventId);
    expect(h.calls[0]!.envelope.payload).toEqual(envelope.payload);
    expect(h.calls[0]!.context).toMatchObject({ topic: 'platform.canary', partition: 2, offset: '41', attempt: 1 });
    expect(h.calls[0]!.context.manager).toBeDefined();
    expect(h.session.commits).toEqual(['42']);
    expect(h.dlq.sent).toEqual([]);
    expect(h.db.inbox.has(`${GROUP}|${envelope.eventId}`)).toBe(true);
    expect(h.db.inboxParams[0]).toEqual([GROUP, envelope.eventId, 'PlatformCanary.v1', 'platform.canary', 2, '41']);
  });

  it('handles a batch in order and commits once, after the last message', async () => {
    const h = await harness();
    const envelopes = [canary(1), canary(2), canary(3)];
    await h.deliver(envelopes.map((e, i) => messageOf(String(100 + i), e)));
    expect(h.calls.map((c) => (c.envelope.payload as PlatformCanaryV1).sequence)).toEqual([1, 2, 3]);
    expect(h.session.commits).toEqual(['103']);
  });

  it('commits offsets beyond 2^53 exactly', async () => {
    const h = await harness();
    await h.deliver([messageOf('9007199254740993', canary())]);
    expect(h.session.commits).toEqual(['9007199254740994']);
  });

  it('calls the handler once for an event delivered twice', async () => {
    const h = await harness();
    const envelope = canary(1);
    await h.deliver([messageOf('10', envelope), messageOf('11', envelope)]);
    expect(h.calls).toHaveLength(1);
    expect(h.db.transactions).toBe(2);
    expect(h.session.commits).toEqual(['12']);

    // ...and again when it is redelivered in a later batch (e.g. after a rebalance).
    await h.deliver([messageOf('10', envelope)]);
    expect(h.calls).toHaveLength(1);
    expect(h.session.commits).toEqual(['12', '11']);
    expect(h.dlq.sent).toEqual([]);
  });

  it('handles distinct events with equal payloads separately', async () => {
    const h = await harness();
    await h.deliver([messageOf('0', canary(1)), messageOf('1', canary(1))]);
    expect(h.calls).toHaveLength(2);
  });

  it('dead-letters malformed JSON with validation headers and goes on with the next message', async () => {
    const h = await harness();
    const good = canary(2);
    await h.deliver([
      message('5', '{not json', { headers: { traceparent: 't-1', absent: undefined } }),
      messageOf('6', good),
    ]);

    expect(h.dlq.sent).toHaveLength(1);
    const dead = h.dlq.sent[0]!;
    expect(dead.topic).toBe('platform.canary.dlq');
    expect(dead.key).toBe('stream-1');
    expect(dead.value).toBe('{not json');
    expect(dead.headers[DLQ_HEADERS.errorKind]).toBe('validation');
    expect(dead.headers['x-dlq-error-kind']).toBe('validation');
    expect(dead.headers['x-dlq-original-topic']).toBe('platform.canary');
    expect(dead.headers['x-dlq-original-partition']).toBe('2');
    expect(dead.headers['x-dlq-original-offset']).toBe('5');
    expect(dead.headers['x-dlq-consumer-group']).toBe(GROUP);
    expect(dead.headers['x-dlq-attempts']).toBe('0');
    expect(dead.headers['x-dlq-error']).toContain('not valid JSON');
    expect(new Date(dead.headers['x-dlq-failed-at']!).toISOString()).toBe(dead.headers['x-dlq-failed-at']);
    // Original headers travel along; undefined ones are dropped.
    expect(dead.headers.traceparent).toBe('t-1');
    expect('absent' in dead.headers).toBe(false);

    expect(h.calls.map((c) => c.envelope.eventId)).toEqual([good.eventId]);
    expect(h.session.commits).toEqual(['7']);
  });

  it('dead-letters a message without a value', async () => {
    const h = await harness();
    await h.deliver([message('3', null, { key: null })]);
    expect(h.dlq.sent).toHaveLength(1);
    expect(h.dlq.sent[0]!.value).toBe('');
    expect(h.dlq.sent[0]!.key).toBe('');
    expect(h.dlq.sent[0]!.headers['x-dlq-error-kind']).toBe('validation');
    expect(h.session.commits).toEqual(['4']);
  });

  it('dead-letters an event with an invalid payload (validation, handler not called)', async () => {
    const h = await harness();
    const bad = { ...canary(), payload: { ...canary().payload, sequence: 0 } };
    await h.deliver([messageOf('8', bad)]);
    expect(h.calls).toHaveLength(0);
    expect(h.dlq.sent).toHaveLength(1);
    expect(h.dlq.sent[0]!.headers['x-dlq-error-kind']).toBe('validation');
    expect(h.dlq.sent[0]!.headers['x-dlq-error']).toContain('sequence');
    expect(h.session.commits).toEqual(['9']);
  });

  it('dead-letters to the prefixed dead-letter topic, keeping the physical original topic', async () => {
    const h = await harness(undefined, { prefix: 'tb7' });
    await h.deliver([message('0', 'nope', {}, 'tb7.platform.canary')]);
    expect(h.dlq.sent[0]!.topic).toBe('tb7.platform.canary.dlq');
    expect(h.dlq.sent[0]!.headers['x-dlq-original-topic']).toBe('tb7.platform.canary');
  });

  it('gives the handler the logical topic when a prefix is used', async () => {
    const h = await harness(undefined, { prefix: 'tb7' });
    await h.deliver([messageOf('0', canary(), 'tb7.platform.canary')]);
    expect(h.calls[0]!.context.topic).toBe('platform.canary');
    expect(h.db.inboxParams[0]![3]).toBe('platform.canary');
  });

  it('retries a failing handler maxAttempts times, then dead-letters it as a handler error', async () => {
    const h = await harness(
      async () => {
        throw new Error('template missing');
      },
      { maxAttempts: 3 },
    );
    const envelope = canary();
    await h.deliver([messageOf('20', envelope)]);

    expect(h.calls.map((c) => c.context.attempt)).toEqual([1, 2, 3]);
    expect(h.dlq.sent).toHaveLength(1);
    const headers = h.dlq.sent[0]!.headers;
    expect(headers['x-dlq-error-kind']).toBe('handler');
    expect(headers['x-dlq-attempts']).toBe('3');
    expect(headers['x-dlq-error']).toBe('Error: template missing');
    expect(headers['x-dlq-original-offset']).toBe('20');
    expect(JSON.parse(h.dlq.sent[0]!.value).eventId).toBe(envelope.eventId);
    // The failed attempts rolled back: nothing was recorded in the inbox.
    expect(h.db.inbox.size).toBe(0);
    expect(h.session.commits).toEqual(['21']);
  });

  it('succeeds on a retry without dead-lettering', async () => {
    let failures = 2;
    const h = await harness(
      async () => {
        if (failures > 0) {
          failures -= 1;
          throw new Error('transient');
        }
      },
      { maxAttempts: 3 },
    );
    const envelope = canary();
    await h.deliver([messageOf('0', envelope)]);
    expect(h.calls.map((c) => c.context.attempt)).toEqual([1, 2, 3]);
    expect(h.dlq.sent).toEqual([]);
    expect(h.db.inbox.has(`${GROUP}|${envelope.eventId}`)).toBe(true);
    expect(h.session.commits).toEqual(['1']);
  });

  it('runs after-commit effects only for the attempt whose transaction committed', async () => {
    const effects: string[] = [];
    let failFirst = true;
    const h = await harness(
      async (_envelope, context) => {
        context.afterCommit(() => effects.push(`attempt ${context.attempt}`));
        if (failFirst) {
          failFirst = false;
          throw new Error('first attempt fails after registering its effect');
        }
      },
      { maxAttempts: 3 },
    );
    await h.deliver([messageOf('40', canary())]);
    expect(h.calls).toHaveLength(2);
    expect(effects).toEqual(['attempt 2']);
  });

  it('does not run an effect registered by a poison event, and a throwing effect does not undo the event', async () => {
    const effects: string[] = [];
    const h = await harness(async (envelope, context) => {
      if ((envelope.payload as { sequence: number }).sequence === 1) {
        context.afterCommit(() => effects.push('poison'));
        throw new PoisonEventError('bad');
      }
      context.afterCommit(() => {
        throw new Error('index update failed');
      });
    });
    await h.deliver([messageOf('50', canary(1)), messageOf('51', canary(2))]);
    expect(effects).toEqual([]);
    expect(h.dlq.sent).toHaveLength(1);
    expect(h.session.commits).toEqual(['52']);
  });

  it('dead-letters a PoisonEventError after one call', async () => {
    const h = await harness(
      async () => {
        throw new PoisonEventError('unknown graduate');
      },
      { maxAttempts: 5 },
    );
    await h.deliver([messageOf('30', canary()), messageOf('31', canary(2))]);
    expect(h.calls).toHaveLength(2);
    expect(h.dlq.sent).toHaveLength(2);
    expect(h.dlq.sent[0]!.headers['x-dlq-error-kind']).toBe('poison');
    expect(h.dlq.sent[0]!.headers['x-dlq-attempts']).toBe('1');
    expect(h.dlq.sent[0]!.headers['x-dlq-error']).toBe('PoisonEventError: unknown graduate');
    expect(h.session.commits).toEqual(['32']);
  });

  it('treats an EventValidationError from the handler as poison', async () => {
    const h = await harness(async () => {
      throw new EventValidationError('bad reference');
    });
    await h.deliver([messageOf('0', canary())]);
    expect(h.calls).toHaveLength(1);
    expect(h.dlq.sent[0]!.headers['x-dlq-error-kind']).toBe('poison');
  });

  it('retries infrastructure errors beyond maxAttempts without dead-lettering or spending attempts', async () => {
    let failures = 5;
    const h = await harness(
      async () => {
        if (failures > 0) {
          failures -= 1;
          throw infraError();
        }
      },
      { maxAttempts: 2 },
    );
    const envelope = canary();
    await h.deliver([messageOf('50', envelope)]);

    expect(h.calls).toHaveLength(6);
    expect(h.calls.every((c) => c.context.attempt === 1)).toBe(true);
    expect(h.dlq.sent).toEqual([]);
    expect(h.db.inbox.has(`${GROUP}|${envelope.eventId}`)).toBe(true);
    expect(h.session.commits).toEqual(['51']);
  });

  it('counts a wrapped infrastructure error (error cause) as infrastructure', async () => {
    let failures = 4;
    const h = await harness(
      async () => {
        if (failures > 0) {
          failures -= 1;
          throw new Error('query failed', { cause: infraError() });
        }
      },
      { maxAttempts: 1 },
    );
    await h.deliver([messageOf('0', canary())]);
    expect(h.calls).toHaveLength(5);
    expect(h.dlq.sent).toEqual([]);
  });

  it('skips an event type it has no handler for: committed, not handled, not dead-lettered', async () => {
    class OtherV1 {
      @IsString()
      id!: string;
    }
    const other = defineEvent({
      eventType: 'OtherThing',
      eventVersion: 1,
      topic: TOPICS.platformCanary,
      payloadClass: OtherV1,
      keyOf: (p) => p.id,
    });
    const h = await harness(undefined, { contract: other });
    expect(h.broker.subscribed).toEqual([['platform.canary']]);

    await h.deliver([messageOf('60', canary()), messageOf('61', canary(2))]);
    expect(h.calls).toHaveLength(0);
    expect(h.dlq.sent).toEqual([]);
    expect(h.db.transactions).toBe(0);
    expect(h.session.commits).toEqual(['62']);
  });

  it('retries a failed dead-letter publish before committing', async () => {
    const h = await harness();
    h.dlq.failNextSends = 2;
    await h.deliver([message('70', 'garbage')]);
    expect(h.dlq.sendCalls).toBe(3);
    expect(h.dlq.sent).toHaveLength(1);
    expect(h.session.commits).toEqual(['71']);
  });

  it('handles nothing and commits nothing when the session must not continue', async () => {
    const h = await harness();
    h.session.continueFor = 0;
    await h.deliver([messageOf('0', canary())]);
    expect(h.calls).toHaveLength(0);
    expect(h.session.commits).toEqual([]);
  });

  it('commits what it finished when told to stop part-way through a batch', async () => {
    const h = await harness();
    h.session.continueFor = 2;
    await h.deliver([messageOf('0', canary(1)), messageOf('1', canary(2)), messageOf('2', canary(3))]);
    expect(h.calls).toHaveLength(2);
    expect(h.session.commits).toEqual(['2']);
  });

  it('leaves the offset uncommitted when stopped while retrying', async () => {
    const h = await harness(async () => {
      throw infraError();
    });
    // Allow the first message check and the first retry pause check, then refuse.
    h.session.continueFor = 2;
    await h.deliver([messageOf('80', canary())]);
    expect(h.calls.length).toBeGreaterThanOrEqual(1);
    expect(h.dlq.sent).toEqual([]);
    expect(h.session.commits).toEqual([]);
  });

  it('does not process a batch after stop()', async () => {
    const h = await harness();
    await h.consumer.stop();
    await h.deliver([messageOf('0', canary())]);
    expect(h.calls).toHaveLength(0);
    expect(h.session.commits).toEqual([]);
  });

  it('commits every 100 messages within a long batch and heartbeats', async () => {
    const h = await harness();
    const messages = Array.from({ length: 250 }, (_, i) => messageOf(String(i), canary(i + 1)));
    await h.deliver(messages);
    expect(h.calls).toHaveLength(250);
    expect(h.session.commits).toEqual(['100', '200', '250']);
    expect(h.session.heartbeats).toBeGreaterThanOrEqual(2);
  });
});
