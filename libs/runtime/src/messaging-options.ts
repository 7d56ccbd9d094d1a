import type { ServiceEnvironment } from '#config';
import type { ServiceName } from '#contracts';
import type { MessagingModuleOptions } from '#messaging';

/** Maps the validated environment onto the messaging lib's options. */
export function messagingOptionsFrom(
  env: ServiceEnvironment,
  service: ServiceName,
  schema: string,
): MessagingModuleOptions {
  return {
    service,
    schema,
    kafka: {
      brokers: env.KAFKA_BROKERS,
      clientId: env.KAFKA_CLIENT_ID ?? service,
      idempotentProducer: env.KAFKA_PRODUCER_IDEMPOTENT,
      producerAcks: env.KAFKA_PRODUCER_ACKS === 'all' ? -1 : Number(env.KAFKA_PRODUCER_ACKS),
      sendTimeoutMs: env.KAFKA_SEND_TIMEOUT_MS,
      sessionTimeoutMs: 30000,
      heartbeatIntervalMs: 3000,
    },
    topicPrefix: env.KAFKA_TOPIC_PREFIX,
    consumerGroupId: env.KAFKA_CONSUMER_GROUP,
    topicPartitions: env.KAFKA_TOPIC_PARTITIONS,
    replicationFactor: env.KAFKA_REPLICATION_FACTOR,
    relay: {
      enabled: env.OUTBOX_RELAY_ENABLED,
      batchSize: env.OUTBOX_BATCH_SIZE,
      idlePollMs: env.OUTBOX_POLL_MS,
      backoff: { initialMs: 200, maxMs: 5000, jitter: 0.2 },
      retentionHours: env.OUTBOX_RETENTION_HOURS,
    },
    consumer: {
      maxAttempts: env.CONSUMER_MAX_ATTEMPTS,
      retryBackoff: { initialMs: env.CONSUMER_RETRY_INITIAL_MS, maxMs: env.CONSUMER_RETRY_MAX_MS, jitter: 0.2 },
      infrastructureBackoff: { initialMs: 500, maxMs: 5000, jitter: 0.2 },
      stallAfterMs: env.CONSUMER_STALL_MS,
    },
    faults: { crashRelayAfterSend: env.FAULT_INJECTION === 'relay-crash-after-send' },
  };
}
