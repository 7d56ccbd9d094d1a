import {
  HttpException,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { from, lastValueFrom, of, type Observable } from 'rxjs';
import { getRequestCaller } from '#auth';
import {
  IDEMPOTENCY_REPLAYED_RESPONSE_HEADERS,
  IDEMPOTENT_OPTIONS_KEY,
  IDEMPOTENT_REPLAYED_HEADER,
} from './idempotency.constants.js';
import {
  IdempotencyKeyInvalidError,
  idempotencyKeyInvalid,
  idempotencyKeyReused,
  idempotencyRequestInFlight,
} from './idempotency.errors.js';
import type { StoredResponse } from './idempotency.repository.js';
import { idempotencyScope, parseIdempotencyKey, requestFingerprint } from './idempotency.request.js';
import { IdempotencyService, type IdempotencyAttempt, type IdempotentOptions } from './idempotency.service.js';

/**
 * The HTTP edge of Idempotency-Key: reads the header, asks IdempotencyService what to do, and
 * runs, replays or refuses. Apply it with @Idempotent(). Without the header the route runs as usual.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly reflector: Reflector,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();

    const key = readKey(req);
    if (key === undefined) return next.handle();
    const caller = getRequestCaller(req);
    if (!caller) {
      // Keys are scoped to the caller; on an anonymous route any client could replay another's answer.
      throw new Error('@Idempotent() needs an authenticated route (not @Public()): keys are scoped to the caller');
    }

    const options = this.reflector.get<IdempotentOptions | undefined>(IDEMPOTENT_OPTIONS_KEY, context.getHandler());
    const path = req.path;
    const decision = await this.idempotency.begin(
      {
        scope: idempotencyScope(caller),
        key,
        method: req.method,
        path,
        fingerprint: requestFingerprint({
          method: req.method,
          path,
          query: req.query,
          body: req.body,
          ifMatch: req.headers['if-match'],
        }),
      },
      options,
    );
    switch (decision.kind) {
      case 'reused':
        throw idempotencyKeyReused();
      case 'in_flight':
        throw idempotencyRequestInFlight();
      case 'replay':
        return replay(res, decision.response);
      case 'proceed':
        // A promise, not an operator chain: once started, the outcome is recorded even if the
        // client goes away (a timed-out client is exactly the one that retries).
        return from(this.run(next, res, decision.attempt));
    }
  }

  private async run(next: CallHandler, res: Response, attempt: IdempotencyAttempt): Promise<unknown> {
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle());
    } catch (error) {
      await this.idempotency.fail(attempt, errorResponse(error));
      throw error;
    }
    // The status is final here: @HttpCode() set it before the handler ran, the handler may have changed it.
    await this.idempotency.succeed(attempt, { status: res.statusCode, body: body ?? null, headers: pickHeaders(res) });
    return body;
  }
}

function readKey(req: Request): string | undefined {
  try {
    return parseIdempotencyKey(req.headers['idempotency-key']);
  } catch (err) {
    if (err instanceof IdempotencyKeyInvalidError) throw idempotencyKeyInvalid(err);
    throw err;
  }
}

function replay(res: Response, stored: StoredResponse): Observable<unknown> {
  res.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
  for (const [name, value] of Object.entries(stored.headers)) res.setHeader(name, value);
  // An error goes out the way it first did, through the exception filters.
  if (stored.status >= 400) throw new HttpException(stored.body as Record<string, unknown>, stored.status);
  res.status(stored.status);
  return of(stored.body);
}

/** The body Nest's exception filter sends for an HttpException; undefined for any other error. */
function errorResponse(error: unknown): StoredResponse | undefined {
  if (!(error instanceof HttpException)) return undefined;
  const status = error.getStatus();
  const response = error.getResponse();
  const body = typeof response === 'object' && response !== null ? response : { statusCode: status, message: response };
  return { status, body, headers: {} };
}

function pickHeaders(res: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of IDEMPOTENCY_REPLAYED_RESPONSE_HEADERS) {
    const value = res.getHeader(name);
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return headers;
}
