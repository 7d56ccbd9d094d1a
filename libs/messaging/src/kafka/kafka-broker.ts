import {
  Kafka,
  logLevel,
  Partitioners,
  type Consumer,
  type Producer,
  type Admin,
  type KafkaConfig,
  type LogEntry,
} from 'kafkajs';
import type {
  BrokerAdmin,
  BrokerConsumer,
  BrokerProducer,
  ConsumerLiveness,
  IncomingMessage,
  MessageBroker,
  OutgoingMessage,
  PartitionBatch,
  BatchSession,
  TopicSpec,
} from '../broker/broker.js';
import { MessagingConfigError } from '../errors.js';

export interface KafkaBrokerOptions {
  brokers: string[];
  clientId: string;
  /** Must stay true: with acks from all replicas it is what makes a retried send not duplicate. */
  idempotentProducer: boolean;
  /** -1 = all in-sync replicas; anything else is refused. */
  producerAcks: number;
  /** Bounded time one send may take before the relay treats it as failed and backs off. */
  sendTimeoutMs: number;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  /** Sink for the client's own log lines. */
  log?: (level: 'error' | 'warn' | 'info' | 'debug', message: string, extra: Record<string, unknown>) => void;
}

/** Refuses a producer that could lose or duplicate an acknowledged event. */
export function assertSafeProducer(options: Pick<KafkaBrokerOptions, 'idempotentProducer' | 'producerAcks'>): void {
  if (!options.idempotentProducer) {
    throw new MessagingConfigError('Kafka producer must be idempotent (KAFKA_PRODUCER_IDEMPOTENT=true)');
  }
  if (options.producerAcks !== -1) {
    throw new MessagingConfigError(
      `Kafka producer must wait for all in-sync replicas (acks=-1), got acks=${options.producerAcks}`,
    );
  }
}

function toLogLevel(level: logLevel): 'error' | 'warn' | 'info' | 'debug' {
  switch (level) {
    case logLevel.ERROR:
    case logLevel.NOTHING:
      return 'error';
    case logLevel.WARN:
      return 'warn';
    case logLevel.INFO:
      return 'info';
    case logLevel.DEBUG:
      return 'debug';
  }
}

export class KafkaBroker implements MessageBroker {
  private readonly kafka: Kafka;

  constructor(private readonly options: KafkaBrokerOptions) {
    assertSafeProducer(options);
    const config: KafkaConfig = {
      clientId: options.clientId,
      brokers: options.brokers,
      connectionTimeout: 3000,
      requestTimeout: 10000,
      // The relay and consumers own their retry loops (forever, with backoff); the client retries briefly.
      retry: { initialRetryTime: 200, retries: 5, maxRetryTime: 2000 },
      logLevel: logLevel.WARN,
      logCreator:
        () =>
        ({ level, label, log }: LogEntry) => {
          const { message, ...extra } = log;
          options.log?.(toLogLevel(level), `kafka ${label}: ${message}`, extra);
        },
    };
    this.kafka = new Kafka(config);
  }

  createProducer(): BrokerProducer {
    return new KafkaProducerAdapter(
      this.kafka.producer({
        idempotent: this.options.idempotentProducer,
        createPartitioner: Partitioners.DefaultPartitioner,
        // Needed for idempotence to keep per-partition order across retries.
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
      }),
      this.options,
    );
  }

  createConsumer(groupId: string): BrokerConsumer {
    return new KafkaConsumerAdapter(
      groupId,
      this.kafka.consumer({
        groupId,
        sessionTimeout: this.options.sessionTimeoutMs,
        heartbeatInterval: this.options.heartbeatIntervalMs,
        allowAutoTopicCreation: false,
        retry: { initialRetryTime: 300, retries: 10, maxRetryTime: 5000 },
      }),
    );
  }

  createAdmin(): BrokerAdmin {
    return new KafkaAdminAdapter(this.kafka.admin());
  }
}

class KafkaProducerAdapter implements BrokerProducer {
  constructor(
    private readonly producer: Producer,
    private readonly options: KafkaBrokerOptions,
  ) {}

  connect(): Promise<void> {
    return this.producer.connect();
  }

  async send(messages: OutgoingMessage[]): Promise<void> {
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const m of messages) {
      const list = byTopic.get(m.topic) ?? [];
      list.push(m);
      byTopic.set(m.topic, list);
    }
    await this.producer.sendBatch({
      acks: this.options.producerAcks,
      timeout: this.options.sendTimeoutMs,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
      })),
    });
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }
}

function headersOf(raw: Record<string, unknown> | undefined): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(raw ?? {})) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? String(v[v.length - 1]) : Buffer.isBuffer(v) ? v.toString('utf8') : String(v);
  }
  return out;
}

class KafkaConsumerAdapter implements BrokerConsumer {
  private readonly state: ConsumerLiveness = { lastActivityAt: Date.now(), member: false, lastError: null };

  constructor(
    readonly groupId: string,
    private readonly consumer: Consumer,
  ) {
    const touch = () => {
      this.state.lastActivityAt = Date.now();
    };
    const { HEARTBEAT, FETCH, START_BATCH_PROCESS, GROUP_JOIN, CRASH, STOP, DISCONNECT } = consumer.events;
    consumer.on(HEARTBEAT, touch);
    consumer.on(FETCH, touch);
    consumer.on(START_BATCH_PROCESS, touch);
    consumer.on(GROUP_JOIN, () => {
      touch();
      this.state.member = true;
      this.state.lastError = null;
    });
    consumer.on(CRASH, (e) => {
      this.state.lastError = String(e.payload.error?.message ?? e.payload.error);
      // kafkajs restarts the consumer itself when the error is retriable.
      if (!e.payload.restart) this.state.member = false;
    });
    consumer.on(STOP, () => {
      this.state.member = false;
    });
    consumer.on(DISCONNECT, () => {
      this.state.member = false;
    });
  }

  connect(): Promise<void> {
    return this.consumer.connect();
  }

  subscribe(topics: string[]): Promise<void> {
    return this.consumer.subscribe({ topics, fromBeginning: true });
  }

  async run(onBatch: (batch: PartitionBatch, session: BatchSession) => Promise<void>): Promise<void> {
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 3,
      eachBatch: async ({ batch, heartbeat, isRunning, isStale, resolveOffset }) => {
        const messages: IncomingMessage[] = batch.messages.map((m) => ({
          topic: batch.topic,
          partition: batch.partition,
          offset: m.offset,
          key: m.key ? m.key.toString('utf8') : null,
          value: m.value,
          headers: headersOf(m.headers as Record<string, unknown> | undefined),
        }));
        await onBatch(
          { topic: batch.topic, partition: batch.partition, messages },
          {
            heartbeat: async () => {
              await heartbeat();
              this.state.lastActivityAt = Date.now();
            },
            commit: async (nextOffset) => {
              resolveOffset((BigInt(nextOffset) - 1n).toString());
              await this.consumer.commitOffsets([
                { topic: batch.topic, partition: batch.partition, offset: nextOffset },
              ]);
            },
            shouldContinue: () => isRunning() && !isStale(),
          },
        );
      },
    });
  }

  liveness(): ConsumerLiveness {
    return { ...this.state };
  }

  disconnect(): Promise<void> {
    return this.consumer.disconnect();
  }
}

class KafkaAdminAdapter implements BrokerAdmin {
  constructor(private readonly admin: Admin) {}

  connect(): Promise<void> {
    return this.admin.connect();
  }

  async ensureTopics(specs: TopicSpec[]): Promise<void> {
    const existing = new Set(await this.admin.listTopics());
    const missing = specs.filter((s) => !existing.has(s.topic));
    if (!missing.length) return;
    await this.admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((s) => ({
        topic: s.topic,
        numPartitions: s.partitions,
        replicationFactor: s.replicationFactor,
      })),
    });
  }

  async ping(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.admin.describeCluster(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`Kafka did not answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  disconnect(): Promise<void> {
    return this.admin.disconnect();
  }
}
