import { MessagingConfigError } from '../errors.js';
import { assertSafeProducer, KafkaBroker, type KafkaBrokerOptions } from './kafka-broker.js';

const options: KafkaBrokerOptions = {
  brokers: ['127.0.0.1:9092'],
  clientId: 'unit-test',
  idempotentProducer: true,
  producerAcks: -1,
  sendTimeoutMs: 10_000,
  sessionTimeoutMs: 30_000,
  heartbeatIntervalMs: 3000,
};

describe('assertSafeProducer', () => {
  it('accepts an idempotent producer with acks -1', () => {
    expect(() => assertSafeProducer({ idempotentProducer: true, producerAcks: -1 })).not.toThrow();
  });

  it('refuses a producer that is not idempotent', () => {
    expect(() => assertSafeProducer({ idempotentProducer: false, producerAcks: -1 })).toThrow(MessagingConfigError);
    expect(() => assertSafeProducer({ idempotentProducer: false, producerAcks: -1 })).toThrow(
      'KAFKA_PRODUCER_IDEMPOTENT=true',
    );
  });

  it.each([1, 0, 2])('refuses acks=%d', (acks) => {
    expect(() => assertSafeProducer({ idempotentProducer: true, producerAcks: acks })).toThrow(MessagingConfigError);
    expect(() => assertSafeProducer({ idempotentProducer: true, producerAcks: acks })).toThrow(`got acks=${acks}`);
  });
});

describe('KafkaBroker', () => {
  it('refuses to be built with a non-idempotent producer', () => {
    expect(() => new KafkaBroker({ ...options, idempotentProducer: false })).toThrow(MessagingConfigError);
  });

  it('refuses to be built with acks other than -1', () => {
    expect(() => new KafkaBroker({ ...options, producerAcks: 1 })).toThrow(MessagingConfigError);
  });

  it('can be built with safe options (building does not connect)', () => {
    expect(new KafkaBroker(options)).toBeInstanceOf(KafkaBroker);
  });
});
