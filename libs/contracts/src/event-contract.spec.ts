// class-transformer's @Type (used by EventEnvelope) needs the Reflect metadata API at load time.
import 'reflect-metadata';
import { createEnvelope, EventValidationError, patternOf, validateEnvelope } from './event-contract.js';
import { PlatformCanaryV1Contract, type PlatformCanaryV1 } from './events/platform-canary.v1.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

const payload: PlatformCanaryV1 = {
  canaryId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  streamKey: 'stream-1',
  sequence: 1,
  note: 'hello',
};

function validRaw(): Record<string, unknown> {
  return { ...createEnvelope(PlatformCanaryV1Contract, payload, { producer: 'demand-intake', correlationId: 'c' }) };
}

function validationErrorOf(fn: () => unknown): EventValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof EventValidationError) return error;
    throw error;
  }
  throw new Error('expected EventValidationError, nothing was thrown');
}

describe('patternOf / defineEvent', () => {
  it('builds <eventType>.v<version>', () => {
    expect(patternOf('DemandPublished', 3)).toBe('DemandPublished.v3');
    expect(PlatformCanaryV1Contract.pattern).toBe('PlatformCanary.v1');
  });

  it('freezes the contract', () => {
    expect(Object.isFrozen(PlatformCanaryV1Contract)).toBe(true);
  });
});

describe('createEnvelope', () => {
  it('produces an envelope with a v4 uuid, ISO time and the contract type/version', () => {
    const before = Date.now();
    const envelope = createEnvelope(PlatformCanaryV1Contract, payload, {
      producer: 'demand-intake',
      correlationId: 'corr-1',
    });
    const after = Date.now();

    expect(envelope.eventId).toMatch(UUID_V4);
    expect(envelope.eventType).toBe('PlatformCanary');
    expect(envelope.eventVersion).toBe(1);
    expect(envelope.producer).toBe('demand-intake');
    expect(envelope.correlationId).toBe('corr-1');
    expect(envelope.causationId).toBeNull();
    expect(new Date(envelope.occurredAt).toISOString()).toBe(envelope.occurredAt);
    const at = Date.parse(envelope.occurredAt);
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(after);
    expect(envelope.payload).toEqual(payload);
  });

  it('gives each envelope its own eventId', () => {
    const meta = { producer: 'matching' as const, correlationId: 'c' };
    const a = createEnvelope(PlatformCanaryV1Contract, payload, meta);
    const b = createEnvelope(PlatformCanaryV1Contract, payload, meta);
    expect(a.eventId).not.toBe(b.eventId);
  });

  it('uses the eventId, occurredAt and causationId given in meta', () => {
    const envelope = createEnvelope(PlatformCanaryV1Contract, payload, {
      producer: 'notifications',
      correlationId: 'c',
      causationId: 'cause-1',
      eventId: '9b2c7d3e-5f1a-4b6c-8d9e-0a1b2c3d4e5f',
      occurredAt: new Date('2024-05-06T07:08:09.010Z'),
    });
    expect(envelope.eventId).toBe('9b2c7d3e-5f1a-4b6c-8d9e-0a1b2c3d4e5f');
    expect(envelope.occurredAt).toBe('2024-05-06T07:08:09.010Z');
    expect(envelope.causationId).toBe('cause-1');
  });

  it('copies the payload rather than sharing it', () => {
    const own = { ...payload };
    const envelope = createEnvelope(PlatformCanaryV1Contract, own, { producer: 'matching', correlationId: 'c' });
    own.note = 'changed later';
    expect(envelope.payload.note).toBe('hello');
  });

  it('passes its own validation', () => {
    expect(() => validateEnvelope(validRaw())).not.toThrow();
  });
});

describe('validateEnvelope', () => {
  it.each([
    ['null', null],
    ['a string', 'event'],
    ['a number', 42],
    ['an array', [validRaw()]],
  ])('rejects %s', (_label, raw) => {
    const error = validationErrorOf(() => validateEnvelope(raw));
    expect(error.message).toBe('event must be a JSON object');
  });

  it('rejects an eventId that is not a uuid, naming the field', () => {
    const error = validationErrorOf(() => validateEnvelope({ ...validRaw(), eventId: 'not-a-uuid' }));
    expect(error.issues.some((i) => i.startsWith('eventId:'))).toBe(true);
    expect(error.issues.every((i) => i.startsWith('eventId:'))).toBe(true);
    expect(error.message).toContain('invalid event envelope');
    expect(error.message).toContain('eventId');
  });

  it('rejects a uuid of another version', () => {
    // A v1 (time-based) uuid: the envelope demands v4.
    const error = validationErrorOf(() =>
      validateEnvelope({ ...validRaw(), eventId: 'c232ab00-9414-11ec-b3c8-9f6bdeced846' }),
    );
    expect(error.issues.some((i) => i.startsWith('eventId:'))).toBe(true);
  });

  it('rejects an unknown producer, naming the field', () => {
    const error = validationErrorOf(() => validateEnvelope({ ...validRaw(), producer: 'billing' }));
    expect(error.issues.some((i) => i.startsWith('producer:'))).toBe(true);
  });

  it('rejects a missing payload, naming the field', () => {
    const raw = validRaw();
    delete raw.payload;
    const error = validationErrorOf(() => validateEnvelope(raw));
    expect(error.issues.some((i) => i.startsWith('payload:'))).toBe(true);
  });

  it('rejects a payload that is not an object', () => {
    const error = validationErrorOf(() => validateEnvelope({ ...validRaw(), payload: 'text' }));
    expect(error.issues.some((i) => i.startsWith('payload:'))).toBe(true);
  });

  it('rejects a lower-case eventType, a version below 1 and a non-ISO time', () => {
    const error = validationErrorOf(() =>
      validateEnvelope({ ...validRaw(), eventType: 'platformCanary', eventVersion: 0, occurredAt: 'yesterday' }),
    );
    const fields = new Set(error.issues.map((i) => i.split(':')[0]));
    expect(fields).toEqual(new Set(['eventType', 'eventVersion', 'occurredAt']));
  });

  it('rejects an empty correlationId', () => {
    const error = validationErrorOf(() => validateEnvelope({ ...validRaw(), correlationId: '' }));
    expect(error.issues.some((i) => i.startsWith('correlationId:'))).toBe(true);
  });

  it('accepts a string causationId', () => {
    expect(validateEnvelope({ ...validRaw(), causationId: 'abc' }).causationId).toBe('abc');
  });
});

describe('EventValidationError', () => {
  it('joins issues into its message', () => {
    const error = new EventValidationError('bad', ['a: x', 'b: y']);
    expect(error.message).toBe('bad: a: x; b: y');
    expect(error.name).toBe('EventValidationError');
    expect(error).toBeInstanceOf(Error);
  });

  it('keeps a bare message without issues', () => {
    expect(new EventValidationError('bad').message).toBe('bad');
  });
});
