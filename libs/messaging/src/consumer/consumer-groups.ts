import { SERVICE_NAMES, type ServiceName } from '#contracts';
import { MessagingConfigError } from '../errors.js';

const claimed = new Set<string>();

/**
 * A consumer group id must be explicit and belong to exactly one service: two services in one
 * group would split each other's events between them, silently.
 */
export function claimConsumerGroup(service: ServiceName, groupId: string | undefined): () => void {
  if (!groupId || !groupId.trim()) {
    throw new MessagingConfigError(
      `KAFKA_CONSUMER_GROUP is required for ${service}: every consumer group is named explicitly`,
    );
  }
  const tokens = groupId.split(/[.:/]/);
  if (!tokens.includes(service)) {
    throw new MessagingConfigError(
      `KAFKA_CONSUMER_GROUP "${groupId}" must name its service "${service}" as one dot-separated part (e.g. "talent-bridge.${service}")`,
    );
  }
  const other = SERVICE_NAMES.find((s) => s !== service && tokens.includes(s));
  if (other) {
    throw new MessagingConfigError(`KAFKA_CONSUMER_GROUP "${groupId}" is shared with service "${other}"`);
  }
  if (claimed.has(groupId)) {
    throw new MessagingConfigError(
      `KAFKA_CONSUMER_GROUP "${groupId}" is already used by another consumer in this process`,
    );
  }
  claimed.add(groupId);
  return () => claimed.delete(groupId);
}
