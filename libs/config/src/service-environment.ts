import { readFileSync } from 'node:fs';
import {
  ArrayNotEmpty,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';
import { EnvBool, EnvInt, EnvList } from './env-decorators.js';

/**
 * Variables every service reads. Each app extends this with its own port default and anything
 * of its own; `loadConfig` validates the whole class at start-up. Defaults suit a local machine.
 */
export class ServiceEnvironment {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsString()
  HOST = '127.0.0.1';

  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/talent_bridge';

  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(100)
  DB_POOL_SIZE = 10;

  /** No query (and so no HTTP request) waits on the database longer than this. */
  @EnvInt()
  @IsInt()
  @Min(100)
  DB_STATEMENT_TIMEOUT_MS = 15000;

  @EnvInt()
  @IsInt()
  @Min(100)
  DB_CONNECT_TIMEOUT_MS = 5000;

  @EnvList()
  @ArrayNotEmpty({ message: 'must list at least one broker' })
  @Matches(/^[A-Za-z0-9.-]+:\d{1,5}$/, { each: true, message: 'must be a comma-separated list of host:port' })
  KAFKA_BROKERS: string[] = ['127.0.0.1:9092'];

  @IsOptional()
  @IsString()
  KAFKA_CLIENT_ID?: string;

  /** Required, no default: every consumer group is named explicitly. */
  @IsString({ message: "is required: name this service's consumer group explicitly, e.g. talent-bridge.<service>" })
  @MinLength(1)
  KAFKA_CONSUMER_GROUP!: string;

  @Matches(/^([a-z0-9][a-z0-9_-]*)?$/, { message: 'must be empty or lower-case letters, digits, - and _' })
  KAFKA_TOPIC_PREFIX = '';

  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(256)
  KAFKA_TOPIC_PARTITIONS = 6;

  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(5)
  KAFKA_REPLICATION_FACTOR = 1;

  @EnvBool()
  @IsBoolean({ message: 'must be true or false' })
  KAFKA_PRODUCER_IDEMPOTENT = true;

  @IsIn(['all', '-1'], { message: 'must be "all": events are acknowledged by all in-sync replicas' })
  KAFKA_PRODUCER_ACKS = 'all';

  @EnvInt()
  @IsInt()
  @Min(1000)
  KAFKA_SEND_TIMEOUT_MS = 10000;

  @EnvBool()
  @IsBoolean()
  OUTBOX_RELAY_ENABLED = true;

  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(5000)
  OUTBOX_BATCH_SIZE = 500;

  @EnvInt()
  @IsInt()
  @Min(10)
  OUTBOX_POLL_MS = 100;

  @EnvInt()
  @IsInt()
  @Min(0)
  OUTBOX_RETENTION_HOURS = 168;

  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(100)
  CONSUMER_MAX_ATTEMPTS = 5;

  @EnvInt()
  @IsInt()
  @Min(1)
  CONSUMER_RETRY_INITIAL_MS = 200;

  @EnvInt()
  @IsInt()
  @Min(1)
  CONSUMER_RETRY_MAX_MS = 5000;

  @EnvInt()
  @IsInt()
  @Min(5000)
  CONSUMER_STALL_MS = 60000;

  /** PEM text of the RS256 public key (\n may be written as a literal backslash-n). */
  @IsOptional()
  @IsString()
  AUTH_JWT_PUBLIC_KEY?: string;

  @IsOptional()
  @IsString()
  AUTH_JWT_PUBLIC_KEY_FILE?: string;

  @IsString()
  AUTH_JWT_ISSUER = 'talent-bridge';

  @IsString()
  AUTH_JWT_AUDIENCE = 'talent-bridge-api';

  @EnvInt()
  @IsInt()
  @Min(1000)
  SHUTDOWN_TIMEOUT_MS = 25000;

  /** Fault injection for the fault suite only. */
  @IsIn(['', 'relay-crash-after-send'])
  FAULT_INJECTION = '';

  /** Resolved by afterLoad from AUTH_JWT_PUBLIC_KEY or AUTH_JWT_PUBLIC_KEY_FILE. */
  jwtPublicKeyPem = '';

  afterLoad(): { variable: string; problem: string }[] {
    const problems: { variable: string; problem: string }[] = [];
    if (this.AUTH_JWT_PUBLIC_KEY) {
      this.jwtPublicKeyPem = this.AUTH_JWT_PUBLIC_KEY.replace(/\\n/g, '\n');
    } else if (this.AUTH_JWT_PUBLIC_KEY_FILE) {
      try {
        this.jwtPublicKeyPem = readFileSync(this.AUTH_JWT_PUBLIC_KEY_FILE, 'utf8');
      } catch (err) {
        problems.push({
          variable: 'AUTH_JWT_PUBLIC_KEY_FILE',
          problem: `cannot be read (${(err as Error).message}); run bash deploy/dev-keys.sh for a local key`,
        });
      }
    } else {
      problems.push({
        variable: 'AUTH_JWT_PUBLIC_KEY',
        problem: 'set AUTH_JWT_PUBLIC_KEY (PEM) or AUTH_JWT_PUBLIC_KEY_FILE (path to a PEM file)',
      });
    }
    if (this.jwtPublicKeyPem && !this.jwtPublicKeyPem.includes('-----BEGIN PUBLIC KEY-----')) {
      problems.push({
        variable: this.AUTH_JWT_PUBLIC_KEY ? 'AUTH_JWT_PUBLIC_KEY' : 'AUTH_JWT_PUBLIC_KEY_FILE',
        problem: 'is not a PEM public key (-----BEGIN PUBLIC KEY-----)',
      });
    }
    if (this.FAULT_INJECTION && this.NODE_ENV === 'production') {
      problems.push({ variable: 'FAULT_INJECTION', problem: 'must be empty in production' });
    }
    return problems;
  }
}
