import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_KEY_MAX_LENGTH,
  IDEMPOTENT_OPTIONS_KEY,
  IDEMPOTENT_REPLAYED_HEADER,
} from './idempotency.constants.js';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';
import type { IdempotentOptions } from './idempotency.service.js';

/**
 * Makes a write route safe to retry with an `Idempotency-Key` header (optional for the client):
 * the first request runs and its response (2xx or 4xx) is kept for 24 h; a retry with the same
 * key and body gets it again with `Idempotent-Replayed: true`; the same key with another body →
 * 422 `idempotency_key_reused`; while the first still runs → 409 `idempotency_request_in_flight`.
 * A 5xx frees the key. Needs IdempotencyModule, the service's `idempotencyTablesUp(schema)`
 * migration, and an authenticated route (keys are per caller).
 */
export function Idempotent(options: IdempotentOptions = {}): MethodDecorator {
  for (const [name, value] of Object.entries(options)) {
    if (value !== undefined && (!Number.isInteger(value) || (value as number) <= 0)) {
      throw new Error(`@Idempotent: ${name} must be a positive whole number of milliseconds, got ${String(value)}`);
    }
  }
  return applyDecorators(
    SetMetadata(IDEMPOTENT_OPTIONS_KEY, Object.freeze({ ...options })),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      description:
        `可选，最长 ${IDEMPOTENCY_KEY_MAX_LENGTH} 个字符（建议用 UUID）。相同的键和请求内容在 24 小时内重试时返回首次的响应，` +
        `并带响应头 ${IDEMPOTENT_REPLAYED_HEADER}: true；键被用于不同内容时返回 422，首次请求仍在处理时返回 409。`,
    }),
  );
}
