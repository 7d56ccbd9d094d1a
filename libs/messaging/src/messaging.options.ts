import type { ServiceName } from '#contracts';
import type { BackoffPolicy } from './backoff.js';
import type { KafkaBrokerOptions } from './kafka/kafka-broker.js';

export interface MessagingModuleOptions {
  service: ServiceName;
  /** PostgreSQL schema holding this service's outbox and inbox. */
  schema: string;
  kafka: Omit<KafkaBrokerOptions, 'log'>;
  topicPrefix: string;
  consumerGroupId: string;
  /** Partitions for topics this service creates at start-up (existing topics are left alone). */
  topicPartitions: number;
  replicationFactor: number;
  relay: {
    enabled: boolean;
    batchSize: number;
    idlePollMs: number;
    backoff: BackoffPolicy;
    retentionHours: number;
  };
  consumer: {
    maxAttempts: number;
    retryBackoff: BackoffPolicy;
    infrastructureBackoff: BackoffPolicy;
    /** A consumer with no heartbeat or fetch for this long is reported unhealthy. */
    stallAfterMs: number;
  };
  /** Fault injection for the fault suite; refused in production by the app config. */
  faults: { crashRelayAfterSend: boolean };
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const MESSAGE_BROKER = Symbol('MESSAGE_BROKER');
