import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '#auth';
import { ConfigModule, type ServiceEnvironment } from '#config';
import type { ServiceName } from '#contracts';
import { MessagingModule } from '#messaging';
import { CanaryModule } from './canary/canary.module.js';
import { serviceDatabaseModule, type ServiceDatabaseSpec } from './database.js';
import { HealthModule } from './health.module.js';
import { IdempotencyModule } from './idempotency/idempotency.module.js';
import { messagingOptionsFrom } from './messaging-options.js';

export interface ServicePlatformSpec extends ServiceDatabaseSpec {
  service: ServiceName;
  env: ServiceEnvironment;
  /** The app's own environment class, provided for injection. */
  envClass: new () => ServiceEnvironment;
}

/**
 * What every service stands on: its validated config, its database schema and migrations,
 * the outbox/inbox messaging, JWT auth on every route, health and the pipeline canary.
 */
@Module({})
export class ServicePlatformModule {
  static forService(spec: ServicePlatformSpec): DynamicModule {
    const { env, service } = spec;
    return {
      module: ServicePlatformModule,
      imports: [
        ConfigModule.forRoot(spec.envClass, env),
        serviceDatabaseModule(spec, env, service),
        MessagingModule.forRootAsync({ inject: [], useFactory: () => messagingOptionsFrom(env, service, spec.schema) }),
        AuthModule.forRoot({
          publicKeyPem: env.jwtPublicKeyPem,
          issuer: env.AUTH_JWT_ISSUER,
          audience: env.AUTH_JWT_AUDIENCE,
        }),
        HealthModule,
        CanaryModule,
        IdempotencyModule,
      ],
    };
  }
}
