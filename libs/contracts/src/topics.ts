/**
 * Every Kafka topic the platform uses, in one place.
 *
 * NEVER rename a topic: consumers and retained data depend on the name. A new shape of
 * event is a new event version on the same topic; a new stream is a new entry here.
 * One topic per aggregate type, keyed by aggregate id, so per-aggregate order holds.
 */
export const TOPICS = {
  enterprises: 'demand-intake.enterprises',
  demands: 'demand-intake.demands',
  colleges: 'graduate-profiles.colleges',
  graduates: 'graduate-profiles.graduates',
  destinations: 'graduate-profiles.destinations',
  recommendations: 'matching.recommendations',
  fairs: 'matching.fairs',
  platformCanary: 'platform.canary',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

/** Dead-letter topic of a topic: same name with `.dlq`. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

export const ALL_TOPICS: readonly TopicName[] = Object.values(TOPICS);
