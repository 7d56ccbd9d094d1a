/**
 * The small event-bus interface every service goes through. Nothing outside `kafka/` knows
 * which client library talks to the broker, so kafkajs can be swapped for another client.
 */

export interface OutgoingMessage {
  /** Physical topic name (prefix already applied). */
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

export interface IncomingMessage {
  topic: string;
  partition: number;
  /** Kafka offsets are 64-bit: kept as decimal strings. */
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string | undefined>;
}

export interface PartitionBatch {
  topic: string;
  partition: number;
  messages: IncomingMessage[];
}

/** What a batch handler may do with the consumer while it works. */
export interface BatchSession {
  heartbeat(): Promise<void>;
  /** Commits `nextOffset` (the offset of the next message to read) for the batch's partition. */
  commit(nextOffset: string): Promise<void>;
  /** False once the consumer is stopping or the partition was revoked: stop and return. */
  shouldContinue(): boolean;
}

export interface BrokerProducer {
  connect(): Promise<void>;
  /** Resolves only when the broker acknowledged every message (acks from all in-sync replicas). */
  send(messages: OutgoingMessage[]): Promise<void>;
  disconnect(): Promise<void>;
}

export interface ConsumerLiveness {
  /** Time of the last heartbeat, fetch or batch: a stalled consumer stops advancing it. */
  lastActivityAt: number;
  /** False after a crash the client could not recover from or a lost group membership. */
  member: boolean;
  lastError: string | null;
}

export interface BrokerConsumer {
  readonly groupId: string;
  connect(): Promise<void>;
  subscribe(topics: string[]): Promise<void>;
  /** Starts the fetch loop; partitions are consumed concurrently, each in order. */
  run(onBatch: (batch: PartitionBatch, session: BatchSession) => Promise<void>): Promise<void>;
  liveness(): ConsumerLiveness;
  /** Waits for the batch in flight, then leaves the group. */
  disconnect(): Promise<void>;
}

export interface TopicSpec {
  topic: string;
  partitions: number;
  replicationFactor: number;
}

export interface BrokerAdmin {
  connect(): Promise<void>;
  /** Creates missing topics; existing ones are left as they are. */
  ensureTopics(specs: TopicSpec[]): Promise<void>;
  /** Resolves when a broker answered a metadata request within the timeout. */
  ping(timeoutMs: number): Promise<void>;
  disconnect(): Promise<void>;
}

export interface MessageBroker {
  createProducer(): BrokerProducer;
  createConsumer(groupId: string): BrokerConsumer;
  createAdmin(): BrokerAdmin;
}
