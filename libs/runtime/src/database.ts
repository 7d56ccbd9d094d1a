import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';
import type { ServiceEnvironment } from '#config';
import { quoteIdent } from '#messaging';

export interface ServiceDatabaseSpec {
  /** The service's own PostgreSQL schema; nothing else writes to it. */
  schema: string;
  entities: MixedList<Function | string | EntitySchema>;
  /** Explicit migration classes: globs break once code is bundled or moved. */
  migrations: MixedList<Function | string>;
}

export function serviceDataSourceOptions(
  spec: ServiceDatabaseSpec,
  env: Pick<ServiceEnvironment, 'DATABASE_URL' | 'DB_POOL_SIZE' | 'DB_STATEMENT_TIMEOUT_MS' | 'DB_CONNECT_TIMEOUT_MS'>,
  applicationName: string,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: env.DATABASE_URL,
    schema: spec.schema,
    entities: spec.entities,
    migrations: spec.migrations,
    // The migrations table lives in the service's own schema.
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    applicationName,
    extra: {
      max: env.DB_POOL_SIZE,
      connectionTimeoutMillis: env.DB_CONNECT_TIMEOUT_MS,
      // Bounded waits: a stalled database fails a request instead of hanging it.
      statement_timeout: env.DB_STATEMENT_TIMEOUT_MS,
      query_timeout: env.DB_STATEMENT_TIMEOUT_MS + 1000,
      idle_in_transaction_session_timeout: env.DB_STATEMENT_TIMEOUT_MS * 4,
    },
  };
}

/**
 * Creates the schema and applies pending migrations under an advisory lock, so several
 * instances starting together migrate once.
 */
export async function migrateSchema(dataSource: DataSource, schema: string): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`talent-bridge.migrate.${schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner
      .query('SELECT pg_advisory_unlock(hashtext($1))', [`talent-bridge.migrate.${schema}`])
      .catch(() => undefined);
    await runner.release();
  }
}

/** TypeORM for a service: its schema, its migrations (applied at start-up), bounded timeouts. */
export function serviceDatabaseModule(
  spec: ServiceDatabaseSpec,
  env: ServiceEnvironment,
  applicationName: string,
): DynamicModule {
  return TypeOrmModule.forRootAsync({
    useFactory: () => ({
      ...serviceDataSourceOptions(spec, env, applicationName),
      retryAttempts: 20,
      retryDelay: 1500,
    }),
    dataSourceFactory: async (options) => {
      const dataSource = await new DataSource(options!).initialize();
      await migrateSchema(dataSource, spec.schema);
      return dataSource;
    },
  });
}
