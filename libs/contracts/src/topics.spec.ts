import { ALL_TOPICS, deadLetterTopicOf, TOPICS } from './topics.js';

describe('topics', () => {
  it('gives every topic a unique name', () => {
    const names = Object.values(TOPICS);
    expect(new Set(names).size).toBe(names.length);
  });

  it('lists every topic in ALL_TOPICS', () => {
    expect([...ALL_TOPICS].sort()).toEqual(Object.values(TOPICS).sort());
  });

  it('uses no name that collides with a dead-letter topic', () => {
    const names = new Set<string>(ALL_TOPICS);
    for (const topic of ALL_TOPICS) {
      expect(topic.endsWith('.dlq')).toBe(false);
      expect(names.has(deadLetterTopicOf(topic))).toBe(false);
    }
  });

  it('uses names Kafka accepts', () => {
    for (const topic of ALL_TOPICS) expect(topic).toMatch(/^[a-z0-9._-]{1,200}$/);
  });

  it('names the dead-letter topic <topic>.dlq', () => {
    expect(deadLetterTopicOf('demand-intake.demands')).toBe('demand-intake.demands.dlq');
    expect(deadLetterTopicOf(TOPICS.platformCanary)).toBe('platform.canary.dlq');
  });
});
