// #contracts (imported by the module under test) needs the Reflect metadata API at load time.
import 'reflect-metadata';
import { MessagingConfigError } from '../errors.js';
import { claimConsumerGroup } from './consumer-groups.js';

// The registry of claimed groups is module-global: every test uses group ids of its own.
let counter = 0;
function uniqueGroup(service: string): string {
  counter += 1;
  return `talent-bridge.${service}.spec-${process.pid}-${counter}`;
}

function configErrorOf(fn: () => unknown): MessagingConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MessagingConfigError) return error;
    throw error;
  }
  throw new Error('expected MessagingConfigError, nothing was thrown');
}

describe('claimConsumerGroup', () => {
  it.each([
    ['undefined', undefined],
    ['empty', ''],
    ['blank', '   '],
  ])('refuses a %s group id, mentioning KAFKA_CONSUMER_GROUP', (_label, groupId) => {
    const error = configErrorOf(() => claimConsumerGroup('matching', groupId));
    expect(error.message).toContain('KAFKA_CONSUMER_GROUP');
    expect(error.message).toContain('matching');
  });

  it('accepts a group that names its service as one part', () => {
    const release = claimConsumerGroup('matching', 'talent-bridge.matching');
    try {
      expect(typeof release).toBe('function');
    } finally {
      release();
    }
  });

  it.each(['talent-bridge:notifications', 'staging/notifications', 'notifications'])(
    'accepts the separator form %j',
    (groupId) => {
      claimConsumerGroup('notifications', groupId)();
    },
  );

  it('refuses a group without the service name', () => {
    const error = configErrorOf(() => claimConsumerGroup('matching', 'talent-bridge.consumers'));
    expect(error.message).toContain('KAFKA_CONSUMER_GROUP');
    expect(error.message).toContain('must name its service "matching"');
  });

  it('refuses a group where the service name is only part of a word', () => {
    expect(() => claimConsumerGroup('matching', 'talent-bridge-matching')).toThrow(MessagingConfigError);
    expect(() => claimConsumerGroup('matching', 'talent-bridge.matching2')).toThrow(MessagingConfigError);
  });

  it("refuses another service's group", () => {
    const error = configErrorOf(() => claimConsumerGroup('notifications', 'talent-bridge.matching'));
    expect(error.message).toContain('talent-bridge.matching');
  });

  it('refuses a group shared with another service', () => {
    const error = configErrorOf(() => claimConsumerGroup('notifications', 'talent-bridge.notifications.matching'));
    expect(error.message).toContain('is shared with service "matching"');
  });

  it('refuses the same group claimed twice in one process', () => {
    const groupId = uniqueGroup('graduate-profiles');
    const release = claimConsumerGroup('graduate-profiles', groupId);
    try {
      const error = configErrorOf(() => claimConsumerGroup('graduate-profiles', groupId));
      expect(error.message).toContain('already used by another consumer in this process');
    } finally {
      release();
    }
  });

  it('lets a released group be claimed again', () => {
    const groupId = uniqueGroup('demand-intake');
    claimConsumerGroup('demand-intake', groupId)();
    const again = claimConsumerGroup('demand-intake', groupId);
    expect(() => claimConsumerGroup('demand-intake', groupId)).toThrow(MessagingConfigError);
    again();
    expect(() => claimConsumerGroup('demand-intake', groupId)()).not.toThrow();
  });

  it('releases only its own group', () => {
    const a = uniqueGroup('matching');
    const b = uniqueGroup('matching');
    const releaseA = claimConsumerGroup('matching', a);
    const releaseB = claimConsumerGroup('matching', b);
    releaseA();
    expect(() => claimConsumerGroup('matching', b)).toThrow(MessagingConfigError);
    releaseB();
    claimConsumerGroup('matching', a)();
  });
});
