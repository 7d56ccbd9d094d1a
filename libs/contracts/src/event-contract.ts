import { randomUUID } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { EventEnvelope } from './envelope.js';
import type { ServiceName } from './services.js';
import type { TopicName } from './topics.js';

type PayloadClass<T> = new () => T;

/** Everything the platform knows about one version of one event. */
export interface EventContract<T extends object = any> {
  readonly eventType: string;
  readonly eventVersion: number;
  readonly topic: TopicName;
  readonly payloadClass: PayloadClass<T>;
  /** Message key = aggregate id, so all events of one aggregate stay in order on one partition. */
  readonly keyOf: (payload: T) => string;
  /** `<eventType>.v<version>`: the handler pattern consumers subscribe with. */
  readonly pattern: string;
}

export function defineEvent<T extends object>(spec: Omit<EventContract<T>, 'pattern'>): EventContract<T> {
  return Object.freeze({ ...spec, pattern: patternOf(spec.eventType, spec.eventVersion) });
}

export function patternOf(eventType: string, eventVersion: number): string {
  return `${eventType}.v${eventVersion}`;
}

export interface EnvelopeMeta {
  producer: ServiceName;
  correlationId: string;
  causationId?: string | null;
  occurredAt?: Date;
  eventId?: string;
}

export function createEnvelope<T extends object>(
  contract: EventContract<T>,
  payload: T,
  meta: EnvelopeMeta,
): EventEnvelope<T> {
  return {
    eventId: meta.eventId ?? randomUUID(),
    eventType: contract.eventType,
    eventVersion: contract.eventVersion,
    occurredAt: (meta.occurredAt ?? new Date()).toISOString(),
    producer: meta.producer,
    correlationId: meta.correlationId,
    causationId: meta.causationId ?? null,
    payload: { ...payload },
  };
}

/** A message that can never be handled as it is: wrong JSON, unknown type, invalid fields. */
export class EventValidationError extends Error {
  override readonly name = 'EventValidationError';
  constructor(
    message: string,
    readonly issues: string[] = [],
  ) {
    super(issues.length ? `${message}: ${issues.join('; ')}` : message);
  }
}

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => `${path}: ${m}`);
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/** Validates a payload against its contract; returns the typed instance or throws. */
export function validatePayload<T extends object>(contract: EventContract<T>, payload: unknown): T {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new EventValidationError('payload must be an object');
  }
  const instance = plainToInstance(contract.payloadClass, payload);
  const issues = flatten(validateSync(instance, { forbidUnknownValues: true }));
  if (issues.length) {
    throw new EventValidationError(`invalid ${contract.pattern} payload`, issues);
  }
  return instance;
}

/** Validates the envelope's own fields (not the payload). */
export function validateEnvelope(raw: unknown): EventEnvelope {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new EventValidationError('event must be a JSON object');
  }
  const envelope = plainToInstance(EventEnvelope, raw);
  const issues = flatten(validateSync(envelope, { forbidUnknownValues: true }));
  if (issues.length) throw new EventValidationError('invalid event envelope', issues);
  return envelope;
}
