import { ConfigValidationError, loadConfig } from './load-config.js';
import { ServiceEnvironment } from './service-environment.js';

class TestEnv extends ServiceEnvironment {
  override PORT = 3999;
}

const PEM = '-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----';

function baseEnv(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return { KAFKA_CONSUMER_GROUP: 'talent-bridge.test', AUTH_JWT_PUBLIC_KEY: PEM, ...extra };
}

function load(env: Record<string, string | undefined>): TestEnv {
  return loadConfig(TestEnv, env, 'test-service');
}

function configErrorOf(env: Record<string, string | undefined>): ConfigValidationError {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error;
    throw error;
  }
  throw new Error('expected ConfigValidationError, nothing was thrown');
}

function problemFor(error: ConfigValidationError, variable: string): string {
  const found = error.problems.find((p) => p.variable === variable);
  if (!found) throw new Error(`no problem reported for ${variable}: ${error.message}`);
  return found.problem;
}

describe('loadConfig(ServiceEnvironment)', () => {
  describe('defaults and parsing', () => {
    it('applies defaults, including the subclass default', () => {
      const config = load(baseEnv());
      expect(config).toBeInstanceOf(TestEnv);
      expect(config.PORT).toBe(3999);
      expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
      expect(config.KAFKA_PRODUCER_IDEMPOTENT).toBe(true);
      expect(config.KAFKA_PRODUCER_ACKS).toBe('all');
      expect(config.NODE_ENV).toBe('development');
      expect(config.LOG_LEVEL).toBe('info');
      expect(config.KAFKA_TOPIC_PREFIX).toBe('');
      expect(config.FAULT_INJECTION).toBe('');
      expect(config.KAFKA_CLIENT_ID).toBeUndefined();
      expect(config.KAFKA_CONSUMER_GROUP).toBe('talent-bridge.test');
    });

    it('does not share the default broker list between instances', () => {
      const a = load(baseEnv());
      const b = load(baseEnv());
      a.KAFKA_BROKERS.push('other:1');
      expect(b.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
    });

    it('parses integers', () => {
      const config = load(baseEnv({ PORT: '8080', DB_POOL_SIZE: ' 20 ', CONSUMER_MAX_ATTEMPTS: '3' }));
      expect(config.PORT).toBe(8080);
      expect(config.DB_POOL_SIZE).toBe(20);
      expect(config.CONSUMER_MAX_ATTEMPTS).toBe(3);
    });

    it.each([
      ['false', false],
      ['0', false],
      ['no', false],
      ['OFF', false],
      ['true', true],
      ['1', true],
      ['Yes', true],
      ['on', true],
    ])('parses boolean %j as %s', (raw, expected) => {
      const config = load(baseEnv({ KAFKA_PRODUCER_IDEMPOTENT: raw, OUTBOX_RELAY_ENABLED: raw }));
      expect(config.KAFKA_PRODUCER_IDEMPOTENT).toBe(expected);
      expect(config.OUTBOX_RELAY_ENABLED).toBe(expected);
    });

    it('rejects a boolean that is neither true nor false', () => {
      const error = configErrorOf(baseEnv({ KAFKA_PRODUCER_IDEMPOTENT: 'maybe' }));
      expect(problemFor(error, 'KAFKA_PRODUCER_IDEMPOTENT')).toContain('must be true or false');
      expect(problemFor(error, 'KAFKA_PRODUCER_IDEMPOTENT')).toContain('"maybe"');
    });

    it('parses comma-separated lists, trimming items and dropping empty ones', () => {
      expect(load(baseEnv({ KAFKA_BROKERS: 'a:1, b:2' })).KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
      expect(load(baseEnv({ KAFKA_BROKERS: 'kafka-1.local:9092,,kafka-2.local:9093,' })).KAFKA_BROKERS).toEqual([
        'kafka-1.local:9092',
        'kafka-2.local:9093',
      ]);
    });

    it('accepts acks "-1" as well as "all"', () => {
      expect(load(baseEnv({ KAFKA_PRODUCER_ACKS: '-1' })).KAFKA_PRODUCER_ACKS).toBe('-1');
    });

    it('treats empty-string values as unset, so defaults apply', () => {
      const config = load(
        baseEnv({ PORT: '', LOG_LEVEL: '', KAFKA_BROKERS: '', KAFKA_PRODUCER_IDEMPOTENT: '', DATABASE_URL: '' }),
      );
      expect(config.PORT).toBe(3999);
      expect(config.LOG_LEVEL).toBe('info');
      expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
      expect(config.KAFKA_PRODUCER_IDEMPOTENT).toBe(true);
      expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/talent_bridge');
    });

    it('ignores variables the class does not declare', () => {
      const config = load(baseEnv({ SOMETHING_ELSE: 'x' })) as unknown as Record<string, unknown>;
      expect(config.SOMETHING_ELSE).toBeUndefined();
    });
  });

  describe('validation errors', () => {
    it('reports a missing KAFKA_CONSUMER_GROUP', () => {
      const error = configErrorOf({ AUTH_JWT_PUBLIC_KEY: PEM });
      expect(error.name).toBe('ConfigValidationError');
      expect(error.scope).toBe('test-service');
      expect(error.message).toContain('Invalid configuration for test-service');
      expect(error.message).toContain('KAFKA_CONSUMER_GROUP');
      expect(error.message).toContain('it is not set');
      expect(error.problems.map((p) => p.variable)).toEqual(['KAFKA_CONSUMER_GROUP']);
    });

    it('reports an empty KAFKA_CONSUMER_GROUP (empty counts as unset)', () => {
      const error = configErrorOf(baseEnv({ KAFKA_CONSUMER_GROUP: '' }));
      expect(error.problems.map((p) => p.variable)).toEqual(['KAFKA_CONSUMER_GROUP']);
    });

    it.each([
      ['KAFKA_BROKERS', 'localhost', 'host:port'],
      ['KAFKA_BROKERS', 'a:1,b', 'host:port'],
      ['PORT', 'eighty', 'integer'],
      ['PORT', '70000', '65535'],
      ['PORT', '0', '1'],
      ['DATABASE_URL', 'mysql://x', 'postgres://'],
      ['LOG_LEVEL', 'loud', 'one of the following values'],
      ['KAFKA_PRODUCER_ACKS', '1', 'must be "all"'],
      ['NODE_ENV', 'staging', 'one of the following values'],
      ['KAFKA_TOPIC_PREFIX', 'Tb', 'lower-case'],
      ['FAULT_INJECTION', 'everything', 'one of the following values'],
    ])('reports %s=%j with its name and value', (variable, value, hint) => {
      const error = configErrorOf(baseEnv({ [variable]: value }));
      expect(error.problems.map((p) => p.variable)).toEqual([variable]);
      const problem = problemFor(error, variable);
      expect(problem).toContain(`got "${value}"`);
      expect(problem).toContain(hint);
      expect(error.message).toContain(`  - ${variable}: `);
    });

    it('reports several bad variables at once', () => {
      const error = configErrorOf({
        AUTH_JWT_PUBLIC_KEY: PEM,
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://x',
        KAFKA_PRODUCER_ACKS: '1',
      });
      expect(error.problems.map((p) => p.variable).sort()).toEqual(
        ['DATABASE_URL', 'KAFKA_CONSUMER_GROUP', 'KAFKA_PRODUCER_ACKS', 'LOG_LEVEL', 'PORT'].sort(),
      );
      for (const v of ['PORT', 'LOG_LEVEL', 'DATABASE_URL', 'KAFKA_PRODUCER_ACKS', 'KAFKA_CONSUMER_GROUP']) {
        expect(error.message).toContain(v);
      }
      expect(error.message).toContain('"eighty"');
      expect(error.message).toContain('"loud"');
    });

    it('shortens a long bad value in the message', () => {
      const value = `mysql://${'x'.repeat(100)}`;
      const problem = problemFor(configErrorOf(baseEnv({ DATABASE_URL: value })), 'DATABASE_URL');
      expect(problem).toContain(`got "${value.slice(0, 60)}…"`);
      expect(problem).not.toContain(value);
    });
  });

  describe('JWT public key (afterLoad)', () => {
    it('reports a missing AUTH_JWT_PUBLIC_KEY and AUTH_JWT_PUBLIC_KEY_FILE', () => {
      const error = configErrorOf({ KAFKA_CONSUMER_GROUP: 'talent-bridge.test' });
      expect(error.problems.map((p) => p.variable)).toEqual(['AUTH_JWT_PUBLIC_KEY']);
      expect(error.message).toContain('AUTH_JWT_PUBLIC_KEY');
      expect(error.message).toContain('AUTH_JWT_PUBLIC_KEY_FILE');
    });

    it('copies a PEM key with real newlines as it is', () => {
      expect(load(baseEnv()).jwtPublicKeyPem).toBe(PEM);
    });

    it('turns literal \\n sequences into newlines', () => {
      const escaped = '-----BEGIN PUBLIC KEY-----\\nabc\\n-----END PUBLIC KEY-----';
      expect(escaped).not.toContain('\n');
      const config = load(baseEnv({ AUTH_JWT_PUBLIC_KEY: escaped }));
      expect(config.jwtPublicKeyPem).toBe(PEM);
      expect(config.jwtPublicKeyPem.split('\n')).toHaveLength(3);
    });

    it('rejects a key that is not PEM', () => {
      const error = configErrorOf(baseEnv({ AUTH_JWT_PUBLIC_KEY: 'ssh-rsa AAAAB3Nza' }));
      expect(error.problems).toHaveLength(1);
      expect(problemFor(error, 'AUTH_JWT_PUBLIC_KEY')).toContain('is not a PEM public key');
    });

    it('reports an AUTH_JWT_PUBLIC_KEY_FILE that cannot be read', () => {
      const path = '/nonexistent-talent-bridge-dir/no-such-key.pem';
      const error = configErrorOf({ KAFKA_CONSUMER_GROUP: 'talent-bridge.test', AUTH_JWT_PUBLIC_KEY_FILE: path });
      expect(error.problems.map((p) => p.variable)).toEqual(['AUTH_JWT_PUBLIC_KEY_FILE']);
      expect(problemFor(error, 'AUTH_JWT_PUBLIC_KEY_FILE')).toContain('cannot be read');
      expect(problemFor(error, 'AUTH_JWT_PUBLIC_KEY_FILE')).toContain(path);
    });
  });

  describe('fault injection', () => {
    it('is allowed outside production', () => {
      const config = load(baseEnv({ NODE_ENV: 'test', FAULT_INJECTION: 'relay-crash-after-send' }));
      expect(config.FAULT_INJECTION).toBe('relay-crash-after-send');
    });

    it('is rejected in production', () => {
      const error = configErrorOf(baseEnv({ NODE_ENV: 'production', FAULT_INJECTION: 'relay-crash-after-send' }));
      expect(error.problems.map((p) => p.variable)).toEqual(['FAULT_INJECTION']);
      expect(problemFor(error, 'FAULT_INJECTION')).toContain('must be empty in production');
    });

    it('leaves production without fault injection alone', () => {
      expect(load(baseEnv({ NODE_ENV: 'production' })).NODE_ENV).toBe('production');
    });
  });
});

describe('ConfigValidationError', () => {
  it('lists each problem on its own line', () => {
    const error = new ConfigValidationError('svc', [
      { variable: 'A', problem: 'bad' },
      { variable: 'B', problem: 'worse' },
    ]);
    expect(error.message).toBe('Invalid configuration for svc:\n  - A: bad\n  - B: worse');
    expect(error).toBeInstanceOf(Error);
  });
});

describe('loadConfig reporting', () => {
  it('reports a bad variable and a missing key together, and hides a URL password', async () => {
    const { loadConfig, ServiceEnvironment } = await import('./index.js');
    class Env extends ServiceEnvironment {}
    let message = '';
    try {
      loadConfig(
        Env,
        { KAFKA_CONSUMER_GROUP: 'x.matching', PORT: 'x', DATABASE_URL: 'postgress://admin:s3cret@db/x' },
        'svc',
      );
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/PORT:/);
    expect(message).toMatch(/AUTH_JWT_PUBLIC_KEY:/);
    expect(message).toMatch(/admin:\*\*\*@db/);
    expect(message).not.toMatch(/s3cret/);
  });
});
