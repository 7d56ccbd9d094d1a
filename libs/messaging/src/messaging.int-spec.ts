import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createEnvelope, PlatformCanaryV1Contract, type EventEnvelope, type PlatformCanaryV1 } from '#contracts';
import {
  createTestDatabase,
  expectEventually,
  readTopic,
  TEST_KAFKA_BROKERS,
  testKafka,
  uniqueTopicPrefix,
  type TestDatabase,
} from '#testing';
import type { BrokerProducer } from './broker/broker.js';
import { EventConsumer, DLQ_HEADERS, type EventHandlerFn } from './consumer/event-consumer.js';
import { PoisonEventError } from './errors.js';
import { KafkaBroker } from './kafka/kafka-broker.js';
import { silentLogger } from './logger.js';
import { OutboxRelay } from './outbox/outbox-relay.js';
import { OutboxWriter } from './outbox/outbox-writer.js';
import { messagingTablesUp } from './schema-sql.js';
import { TopicNames } from './topic-names.js';

const SCHEMA = 'messaging_test';
const backoff = { initialMs: 20, maxMs: 100, jitter: 0 };

describe('messaging against real PostgreSQL and Kafka', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let broker: KafkaBroker;
  let topics: TopicNames;
  let prefix: string;
  const producers: BrokerProducer[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('messaging');
    dataSource = await new DataSource({ type: 'postgres', url: db.url, extra: { max: 10 } }).initialize();
    await dataSource.query(`CREATE SCHEMA ${SCHEMA}`);
    for (const sql of messagingTablesUp(SCHEMA)) await dataSource.query(sql);
    await dataSource.query(`CREATE TABLE ${SCHEMA}.applied (event_id uuid, stream_key text, sequence int)`);
    prefix = uniqueTopicPrefix('msg');
    topics = new TopicNames(prefix);
    broker = new KafkaBroker({
      brokers: TEST_KAFKA_BROKERS,
      clientId: 'messaging-int',
      idempotentProducer: true,
      producerAcks: -1,
      sendTimeoutMs: 10000,
      sessionTimeoutMs: 10000,
      heartbeatIntervalMs: 1000,
    });
    const admin = broker.createAdmin();
    await admin.connect();
    await admin.ensureTopics(
      [PlatformCanaryV1Contract.topic].flatMap((t) => [
        { topic: topics.physical(t), partitions: 1, replicationFactor: 1 },
        { topic: topics.deadLetter(t), partitions: 1, replicationFactor: 1 },
      ]),
    );
    await admin.disconnect();
  });

  afterAll(async () => {
    for (const p of producers) await p.disconnect().catch(() => undefined);
    await dataSource?.destroy();
    await db?.drop();
  });

  function relay(): OutboxRelay {
    const producer = broker.createProducer();
    producers.push(producer);
    return new OutboxRelay(
      dataSource,
      producer,
      topics,
      { schema: SCHEMA, batchSize: 100, idlePollMs: 20, backoff, retentionHours: 0 },
      silentLogger,
    );
  }

  function canary(streamKey: string, sequence: number): PlatformCanaryV1 {
    return { canaryId: randomUUID(), streamKey, sequence, note: '' };
  }

  function consumerFor(groupId: string, handle: EventHandlerFn, maxAttempts = 3): EventConsumer {
    return new EventConsumer(
      dataSource,
      broker.createConsumer(groupId),
      broker.createProducer(),
      topics,
      {
        groupId,
        schema: SCHEMA,
        handlers: new Map([[PlatformCanaryV1Contract.pattern, { contract: PlatformCanaryV1Contract, handle }]]),
        maxAttempts,
        retryBackoff: backoff,
        infrastructureBackoff: backoff,
      },
      silentLogger,
    );
  }

  it('publishes both events when two outbox transactions commit in the opposite order of their ids', async () => {
    const writer = new OutboxWriter(SCHEMA, 'demand-intake');
    const streamA = `a-${randomUUID()}`;
    const streamB = `b-${randomUUID()}`;

    // Transaction A takes the lower id and stays open; B takes the higher id and commits first.
    const runnerA = dataSource.createQueryRunner();
    await runnerA.connect();
    await runnerA.startTransaction();
    const first = await writer.append(runnerA.manager, PlatformCanaryV1Contract, canary(streamA, 1), {
      correlationId: 'a',
    });
    let second: EventEnvelope | undefined;
    await dataSource.transaction(async (m) => {
      second = await writer.append(m, PlatformCanaryV1Contract, canary(streamB, 1), { correlationId: 'b' });
    });
    const r = relay();
    expect(await r.step()).toBe('published'); // only B is visible
    await runnerA.commitTransaction();
    await runnerA.release();
    expect(await r.step()).toBe('published'); // A, committed late, is not skipped
    expect(await r.pendingCount()).toBe(0);
    const ids = (await dataSource.query(
      `SELECT event_id::text AS event_id FROM ${SCHEMA}.outbox WHERE event_id = ANY($1::uuid[]) ORDER BY id`,
      [[first.eventId, second!.eventId]],
    )) as { event_id: string }[];
    expect(ids.map((row) => row.event_id)).toEqual([first.eventId, second!.eventId]);

    const messages = await readTopic(topics.physical(PlatformCanaryV1Contract.topic), 2, 20_000);
    const published = messages.map((m) => (JSON.parse(m.value!) as EventEnvelope).eventId);
    expect(published).toEqual(expect.arrayContaining([first.eventId, second!.eventId]));
  });

  it('publishes rows of one key in id order even when transactions for several keys interleave', async () => {
    const writer = new OutboxWriter(SCHEMA, 'demand-intake');
    const keys = ['k0', 'k1', 'k2', 'k3'].map((k) => `${k}-${randomUUID()}`);
    await Promise.all(
      keys.map((key) =>
        dataSource.transaction(async (m) => {
          for (let seq = 1; seq <= 100; seq += 1) {
            await writer.append(m, PlatformCanaryV1Contract, canary(key, seq), { correlationId: key });
          }
        }),
      ),
    );
    const r = relay();
    while ((await r.step()) === 'published');
    const messages = await readTopic(topics.physical(PlatformCanaryV1Contract.topic), 10_000, 8_000);
    for (const key of keys) {
      const sequences = messages
        .filter((m) => m.key === key)
        .sort((a, b) => Number(a.offset) - Number(b.offset))
        .map((m) => (JSON.parse(m.value!) as EventEnvelope<PlatformCanaryV1>).payload.sequence);
      expect(sequences).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    }
  });

  it('lets only one relay publish at a time, so per-key order holds with several instances', async () => {
    const writer = new OutboxWriter(SCHEMA, 'demand-intake');
    await dataSource.transaction(async (m) => {
      await writer.append(m, PlatformCanaryV1Contract, canary(`lock-${randomUUID()}`, 1), { correlationId: 'c' });
    });
    const holder = dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`talent-bridge.outbox-relay.${SCHEMA}`]);
    expect(await relay().step()).toBe('not-leader');
    await holder.rollbackTransaction();
    await holder.release();
    expect(await relay().step()).toBe('published');
  });

  it('dead-letters a malformed event and an always-failing one, and processes the events behind them', async () => {
    const streamKey = `dlq-${randomUUID()}`;
    const poisonSequence = 2;
    const raw = broker.createProducer();
    producers.push(raw);
    await raw.connect();
    const envelope = (sequence: number) =>
      JSON.stringify(
        createEnvelope(PlatformCanaryV1Contract, canary(streamKey, sequence), {
          producer: 'demand-intake',
          correlationId: 'dlq',
        }),
      );
    const topic = topics.physical(PlatformCanaryV1Contract.topic);
    // One partition, one key: the bad messages sit in front of good ones.
    await raw.send([
      { topic, key: streamKey, value: '{not json', headers: {} },
      { topic, key: streamKey, value: envelope(poisonSequence), headers: {} },
      { topic, key: streamKey, value: envelope(3), headers: {} },
      { topic, key: streamKey, value: envelope(4), headers: {} },
    ]);

    const attempts = new Map<number, number>();
    const handle: EventHandlerFn = async (env, ctx) => {
      const p = env.payload as PlatformCanaryV1;
      if (p.streamKey !== streamKey) return;
      attempts.set(p.sequence, (attempts.get(p.sequence) ?? 0) + 1);
      if (p.sequence === poisonSequence) throw new Error('handler always fails for this one');
      await ctx.manager.query(`INSERT INTO ${SCHEMA}.applied VALUES ($1, $2, $3)`, [
        env.eventId,
        p.streamKey,
        p.sequence,
      ]);
    };
    const groupId = `${prefix}.matching`;
    const consumer = consumerFor(groupId, handle, 3);
    await consumer.start();
    try {
      await expectEventually(
        async () => {
          const rows = (await dataSource.query(
            `SELECT sequence FROM ${SCHEMA}.applied WHERE stream_key = $1 ORDER BY sequence`,
            [streamKey],
          )) as { sequence: number }[];
          expect(rows.map((r) => r.sequence)).toEqual([3, 4]);
        },
        { timeoutMs: 30_000 },
      );
      expect(attempts.get(poisonSequence)).toBe(3);

      const dead = await readTopic(topics.deadLetter(PlatformCanaryV1Contract.topic), 2, 20_000);
      expect(dead).toHaveLength(2);
      const [malformed, failing] = dead;
      expect(malformed.value).toBe('{not json');
      expect(malformed.headers[DLQ_HEADERS.errorKind]).toBe('validation');
      expect(malformed.headers[DLQ_HEADERS.error]).toMatch(/not valid JSON/);
      expect(malformed.headers[DLQ_HEADERS.originalTopic]).toBe(topic);
      expect(malformed.headers[DLQ_HEADERS.originalPartition]).toBe('0');
      expect(failing.headers[DLQ_HEADERS.errorKind]).toBe('handler');
      expect(failing.headers[DLQ_HEADERS.error]).toMatch(/handler always fails/);
      expect(failing.headers[DLQ_HEADERS.attempts]).toBe('3');
      expect(Number(failing.headers[DLQ_HEADERS.originalOffset])).toBe(
        Number(malformed.headers[DLQ_HEADERS.originalOffset]) + 1,
      );
    } finally {
      await consumer.stop();
    }

    // Committed offsets point past the last handled message: a restarted group reads nothing again.
    const admin = testKafka().admin();
    await admin.connect();
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    await admin.disconnect();
    const end = testKafka().admin();
    await end.connect();
    const [high] = await end.fetchTopicOffsets(topic);
    await end.disconnect();
    expect(committed.partitions[0].offset).toBe(high.high);
  });

  it('sends a PoisonEventError straight to the dead-letter topic without retrying', async () => {
    const writer = new OutboxWriter(SCHEMA, 'demand-intake');
    const streamKey = `poison-${randomUUID()}`;
    await dataSource.transaction(async (m) => {
      await writer.append(m, PlatformCanaryV1Contract, canary(streamKey, 1), { correlationId: 'p' });
    });
    await relay().step();
    let calls = 0;
    const groupId = `${prefix}.notifications`;
    const consumer = consumerFor(
      groupId,
      async (env) => {
        if ((env.payload as PlatformCanaryV1).streamKey !== streamKey) return;
        calls += 1;
        throw new PoisonEventError('cannot ever apply');
      },
      5,
    );
    await consumer.start();
    try {
      await expectEventually(
        async () => {
          const dead = await readTopic(topics.deadLetter(PlatformCanaryV1Contract.topic), 100, 3_000);
          expect(dead.some((d) => d.key === streamKey && d.headers[DLQ_HEADERS.errorKind] === 'poison')).toBe(true);
        },
        { timeoutMs: 30_000 },
      );
      expect(calls).toBe(1);
    } finally {
      await consumer.stop();
    }
  });

  it('applies a redelivered event once: the inbox absorbs the duplicate', async () => {
    const writer = new OutboxWriter(SCHEMA, 'demand-intake');
    const streamKey = `dup-${randomUUID()}`;
    let env: EventEnvelope | undefined;
    await dataSource.transaction(async (m) => {
      env = await writer.append(m, PlatformCanaryV1Contract, canary(streamKey, 1), { correlationId: 'd' });
    });
    const r = relay();
    await r.step();
    // Simulate a relay that crashed before marking: publish the same row again.
    await dataSource.query(`UPDATE ${SCHEMA}.outbox SET published_at = NULL WHERE event_id = $1`, [env!.eventId]);
    await r.step();
    // A later event on the same key and partition: once it is applied, both copies were seen.
    await dataSource.transaction(async (m) => {
      await writer.append(m, PlatformCanaryV1Contract, canary(streamKey, 2), { correlationId: 'd' });
    });
    await r.step();
    const groupId = `${prefix}.graduate-profiles`;
    const consumer = consumerFor(
      groupId,
      async (e, ctx) => {
        const p = e.payload as PlatformCanaryV1;
        if (p.streamKey !== streamKey) return;
        await ctx.manager.query(`INSERT INTO ${SCHEMA}.applied VALUES ($1, $2, $3)`, [
          e.eventId,
          p.streamKey,
          p.sequence,
        ]);
      },
      3,
    );
    await consumer.start();
    try {
      const messages = await readTopic(topics.physical(PlatformCanaryV1Contract.topic), 100_000, 5_000);
      expect(messages.filter((m) => m.key === streamKey)).toHaveLength(3);
      await expectEventually(
        async () => {
          const rows = (await dataSource.query(
            `SELECT sequence FROM ${SCHEMA}.applied WHERE stream_key = $1 ORDER BY sequence`,
            [streamKey],
          )) as { sequence: number }[];
          expect(rows.map((x) => x.sequence)).toEqual([1, 2]);
        },
        { timeoutMs: 30_000 },
      );
      const [{ n }] = (await dataSource.query(
        `SELECT count(*)::int AS n FROM ${SCHEMA}.inbox WHERE consumer = $1 AND event_id = $2`,
        [groupId, env!.eventId],
      )) as { n: number }[];
      expect(n).toBe(1);
    } finally {
      await consumer.stop();
    }
  });
});
