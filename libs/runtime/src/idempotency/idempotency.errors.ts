import { BadRequestException, ConflictException, HttpException, UnprocessableEntityException } from '@nestjs/common';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_MAX_LENGTH } from './idempotency.constants.js';

export type IdempotencyKeyProblem = 'empty' | 'too_long';

/** User-facing (Chinese) messages, sent as `message` in the error body. */
export const IDEMPOTENCY_MESSAGES = {
  idempotency_key_invalid: {
    empty: `请求头 ${IDEMPOTENCY_KEY_HEADER} 不能为空`,
    too_long: `请求头 ${IDEMPOTENCY_KEY_HEADER} 不能超过 ${IDEMPOTENCY_KEY_MAX_LENGTH} 个字符`,
  } satisfies Record<IdempotencyKeyProblem, string>,
  idempotency_key_reused: `同一个 ${IDEMPOTENCY_KEY_HEADER} 不能用于不同的请求内容`,
  idempotency_request_in_flight: `相同 ${IDEMPOTENCY_KEY_HEADER} 的请求正在处理中，请稍后重试`,
} as const;

/** The Idempotency-Key header is present but unusable; the HTTP edge answers 400. */
export class IdempotencyKeyInvalidError extends Error {
  override readonly name = 'IdempotencyKeyInvalidError';

  constructor(readonly problem: IdempotencyKeyProblem) {
    super(IDEMPOTENCY_MESSAGES.idempotency_key_invalid[problem]);
  }
}

/** 400 `idempotency_key_invalid`. */
export function idempotencyKeyInvalid(error: IdempotencyKeyInvalidError): HttpException {
  return new BadRequestException({ statusCode: 400, code: 'idempotency_key_invalid', message: error.message });
}

/** 422 `idempotency_key_reused`: the key was first used for another request. */
export function idempotencyKeyReused(): HttpException {
  return new UnprocessableEntityException({
    statusCode: 422,
    code: 'idempotency_key_reused',
    message: IDEMPOTENCY_MESSAGES.idempotency_key_reused,
  });
}

/** 409 `idempotency_request_in_flight`: the first request with this key has not finished. */
export function idempotencyRequestInFlight(): HttpException {
  return new ConflictException({
    statusCode: 409,
    code: 'idempotency_request_in_flight',
    message: IDEMPOTENCY_MESSAGES.idempotency_request_in_flight,
  });
}
