// class-transformer's @Type (used by EventEnvelope) needs the Reflect metadata API at load time.
import 'reflect-metadata';
import { createEnvelope, EventValidationError } from './event-contract.js';
import { contractForPattern, decodeEvent, EVENT_CONTRACTS, findContract } from './event-registry.js';
import { PlatformCanaryV1, PlatformCanaryV1Contract } from './events/platform-canary.v1.js';

const payload = {
  canaryId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  streamKey: 'stream-1',
  sequence: 7,
  note: 'n',
};

function envelopeJson(overrides: Record<string, unknown> = {}, payloadOverrides: Record<string, unknown> = {}) {
  const envelope = createEnvelope(PlatformCanaryV1Contract, payload, {
    producer: 'graduate-profiles',
    correlationId: 'c',
  });
  return { ...envelope, ...overrides, payload: { ...envelope.payload, ...payloadOverrides } };
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

describe('event registry', () => {
  it('finds the canary contract by type+version and by pattern', () => {
    expect(findContract('PlatformCanary', 1)).toBe(PlatformCanaryV1Contract);
    expect(contractForPattern('PlatformCanary.v1')).toBe(PlatformCanaryV1Contract);
    expect(findContract('PlatformCanary', 2)).toBeUndefined();
    expect(contractForPattern('Nope.v1')).toBeUndefined();
  });

  it('registers each pattern only once', () => {
    const patterns = EVENT_CONTRACTS.map((c) => c.pattern);
    expect(new Set(patterns).size).toBe(patterns.length);
  });

  it('keys canaries by their stream', () => {
    expect(PlatformCanaryV1Contract.keyOf(payload)).toBe('stream-1');
  });
});

describe('decodeEvent', () => {
  it('round-trips a valid canary from a JSON string', () => {
    const sent = envelopeJson();
    const { envelope, contract } = decodeEvent(JSON.stringify(sent));
    expect(contract).toBe(PlatformCanaryV1Contract);
    expect(envelope.eventId).toBe(sent.eventId);
    expect(envelope.occurredAt).toBe(sent.occurredAt);
    expect(envelope.producer).toBe('graduate-profiles');
    expect(envelope.payload).toBeInstanceOf(PlatformCanaryV1);
    expect(envelope.payload).toEqual(payload);
  });

  it('round-trips a valid canary from a Buffer (UTF-8)', () => {
    const sent = envelopeJson({}, { note: '校企合作 ✓' });
    const { envelope } = decodeEvent(Buffer.from(JSON.stringify(sent), 'utf8'));
    expect(envelope.eventId).toBe(sent.eventId);
    expect((envelope.payload as PlatformCanaryV1).note).toBe('校企合作 ✓');
  });

  it('rejects a message without a value', () => {
    expect(validationErrorOf(() => decodeEvent(null)).message).toBe('message has no value');
  });

  it('rejects non-JSON', () => {
    const error = validationErrorOf(() => decodeEvent(Buffer.from('{not json', 'utf8')));
    expect(error.message).toMatch(/^message is not valid JSON/);
  });

  it('rejects JSON that is not an object', () => {
    expect(validationErrorOf(() => decodeEvent('[1,2]')).message).toBe('event must be a JSON object');
  });

  it('rejects an unknown event version', () => {
    const error = validationErrorOf(() => decodeEvent(JSON.stringify(envelopeJson({ eventVersion: 2 }))));
    expect(error.message).toContain('unknown event PlatformCanary.v2');
  });

  it('rejects an unknown event type', () => {
    const error = validationErrorOf(() => decodeEvent(JSON.stringify(envelopeJson({ eventType: 'DemandVanished' }))));
    expect(error.message).toContain('unknown event DemandVanished.v1');
  });

  it('rejects an invalid envelope before looking at the payload', () => {
    const error = validationErrorOf(() => decodeEvent(JSON.stringify(envelopeJson({ producer: 'nobody' }))));
    expect(error.issues.some((i) => i.startsWith('producer:'))).toBe(true);
  });

  it('rejects sequence 0, naming the field', () => {
    const error = validationErrorOf(() => decodeEvent(JSON.stringify(envelopeJson({}, { sequence: 0 }))));
    expect(error.message).toContain('invalid PlatformCanary.v1 payload');
    expect(error.issues.some((i) => i.startsWith('sequence:'))).toBe(true);
  });

  it('rejects a non-integer sequence', () => {
    const error = validationErrorOf(() => decodeEvent(JSON.stringify(envelopeJson({}, { sequence: 1.5 }))));
    expect(error.issues.some((i) => i.startsWith('sequence:'))).toBe(true);
  });

  it('rejects a missing streamKey, naming the field', () => {
    const sent = envelopeJson();
    delete (sent.payload as Partial<typeof payload>).streamKey;
    const error = validationErrorOf(() => decodeEvent(JSON.stringify(sent)));
    expect(error.issues.some((i) => i.startsWith('streamKey:'))).toBe(true);
    expect(error.issues.every((i) => !i.startsWith('sequence:'))).toBe(true);
  });

  it('rejects a canaryId that is not a uuid', () => {
    const error = validationErrorOf(() => decodeEvent(JSON.stringify(envelopeJson({}, { canaryId: '42' }))));
    expect(error.issues.some((i) => i.startsWith('canaryId:'))).toBe(true);
  });

  it('is a tolerant reader: an unknown extra payload field is accepted', () => {
    const sent = envelopeJson({}, { addedInALaterRelease: { nested: true } });
    const { envelope } = decodeEvent(JSON.stringify(sent));
    expect((envelope.payload as PlatformCanaryV1).sequence).toBe(7);
    expect((envelope.payload as PlatformCanaryV1).streamKey).toBe('stream-1');
  });

  it('accepts an unknown extra envelope field', () => {
    const { envelope } = decodeEvent(JSON.stringify(envelopeJson({ traceId: 'abc' })));
    expect(envelope.eventType).toBe('PlatformCanary');
  });
});
