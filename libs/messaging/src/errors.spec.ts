import { describeError, isInfrastructureError, MessagingConfigError, PoisonEventError } from './errors.js';

function withCode(code: string, message = 'boom'): Error {
  return Object.assign(new Error(message), { code });
}

describe('isInfrastructureError', () => {
  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', '57P01', '57P03', '53300', '08006', '08001'])(
    'is true for code %s',
    (code) => {
      expect(isInfrastructureError(withCode(code))).toBe(true);
    },
  );

  it.each([
    'Connection terminated unexpectedly',
    'timeout exceeded when trying to connect',
    'terminating connection due to administrator command',
    'Client has encountered a connection error and is not queryable',
  ])('is true for the message %j', (message) => {
    expect(isInfrastructureError(new Error(message))).toBe(true);
  });

  it('is true when a nested cause is an infrastructure error', () => {
    const inner = withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432');
    const middle = new Error('query failed', { cause: inner });
    expect(isInfrastructureError(new Error('handler failed', { cause: middle }))).toBe(true);
  });

  it('is false for a plain Error', () => {
    expect(isInfrastructureError(new Error('duplicate key value violates unique constraint'))).toBe(false);
  });

  it('is false for data errors with a SQL state code', () => {
    expect(isInfrastructureError(withCode('23505'))).toBe(false); // unique_violation
    expect(isInfrastructureError(withCode('22P02'))).toBe(false); // invalid_text_representation
  });

  it('is false for a plain Error whose cause is not infrastructure', () => {
    expect(isInfrastructureError(new Error('x', { cause: new Error('y') }))).toBe(false);
    expect(isInfrastructureError(new Error('x', { cause: 'ECONNREFUSED' }))).toBe(false);
  });

  it('is false for an error that is its own cause', () => {
    const error = new Error('loop');
    (error as { cause?: unknown }).cause = error;
    expect(isInfrastructureError(error)).toBe(false);
  });

  it('is false for a non-numeric-string code', () => {
    expect(isInfrastructureError(Object.assign(new Error('x'), { code: 57 }))).toBe(false);
  });

  it.each([
    ['a string', 'ECONNREFUSED'],
    ['an object with a code', { code: 'ECONNREFUSED', message: 'Connection terminated' }],
    ['null', null],
    ['undefined', undefined],
  ])('is false for a non-Error (%s)', (_label, value) => {
    expect(isInfrastructureError(value)).toBe(false);
  });
});

describe('error classes', () => {
  it('name themselves', () => {
    expect(new PoisonEventError('x').name).toBe('PoisonEventError');
    expect(new MessagingConfigError('x').name).toBe('MessagingConfigError');
    expect(new PoisonEventError('x')).toBeInstanceOf(Error);
  });
});

describe('describeError', () => {
  it('shows name and message of an Error', () => {
    expect(describeError(new PoisonEventError('bad event'))).toBe('PoisonEventError: bad event');
  });

  it('serialises other values', () => {
    expect(describeError({ a: 1 })).toBe('{"a":1}');
    expect(describeError('text')).toBe('"text"');
  });

  it('falls back to String() when JSON fails', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(describeError(cyclic)).toBe('[object Object]');
    expect(describeError(10n)).toBe('10');
  });
});
