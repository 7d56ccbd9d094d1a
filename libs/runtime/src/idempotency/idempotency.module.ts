import { Global, Module } from '@nestjs/common';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';
import { IdempotencyRepository } from './idempotency.repository.js';
import { IdempotencyService } from './idempotency.service.js';

/**
 * Idempotency-Key support for write routes (@Idempotent()). Global: the interceptor is built in
 * each controller's module and finds its service here. Needs the app-wide DataSource and
 * MESSAGING_OPTIONS (for the schema), both provided by ServicePlatformModule.
 */
@Global()
@Module({
  providers: [IdempotencyRepository, IdempotencyService, IdempotencyInterceptor],
  exports: [IdempotencyRepository, IdempotencyService, IdempotencyInterceptor],
})
export class IdempotencyModule {}
