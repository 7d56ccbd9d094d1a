import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { describeError } from '#messaging';
import {
  DEFAULT_IDEMPOTENCY_LEASE_MS,
  DEFAULT_IDEMPOTENCY_TTL_MS,
  IDEMPOTENCY_PRUNE_BATCH,
  IDEMPOTENCY_PRUNE_INTERVAL_MS,
} from './idempotency.constants.js';
import { IdempotencyRepository, type IdempotentRequest, type StoredResponse } from './idempotency.repository.js';

export interface IdempotentOptions {
  /** How long the first request holds the key before a retry may take it over. Default 60 s. */
  leaseMs?: number;
  /** How long the response is replayed. Default 24 h. */
  ttlMs?: number;
}

/** The key this attempt holds; needed to finish it. */
export interface IdempotencyAttempt {
  scope: string;
  key: string;
  leaseToken: string;
}

export type IdempotencyDecision =
  /** This request holds the key: run the handler, then succeed() or fail(). */
  | { kind: 'proceed'; attempt: IdempotencyAttempt }
  /** Seen and finished: send the stored response again. */
  | { kind: 'replay'; response: StoredResponse }
  /** The key was first used for a different request. */
  | { kind: 'reused' }
  /** The first request with this key is still running. */
  | { kind: 'in_flight' };

// A row may change between the claim and the read (finished, released, expired): look again, a few times.
const DECIDE_ATTEMPTS = 3;

// "Try again later" answers: replaying them would turn a passing condition into a permanent one.
const TRANSIENT_CLIENT_ERRORS = new Set([408, 425, 429]);

/** Whether a failed request's answer is kept and replayed (4xx), or the key freed for a retry (5xx). */
export function isReplayableFailure(status: number): boolean {
  return status >= 400 && status < 500 && !TRANSIENT_CLIENT_ERRORS.has(status);
}

/**
 * Idempotency-Key semantics (Stripe's, as novu applies them): the first request with a key runs
 * and its response is kept; a retry gets that response again; the same key for another request
 * is refused; a retry while the first still runs is told to wait.
 */
@Injectable()
export class IdempotencyService implements OnModuleDestroy {
  private readonly logger = new Logger('Idempotency');
  private lastPruneAt = 0;
  private pruning: Promise<unknown> | null = null;

  constructor(private readonly repository: IdempotencyRepository) {}

  async begin(request: IdempotentRequest, options: IdempotentOptions = {}): Promise<IdempotencyDecision> {
    const leaseMs = options.leaseMs ?? DEFAULT_IDEMPOTENCY_LEASE_MS;
    const ttlMs = options.ttlMs ?? DEFAULT_IDEMPOTENCY_TTL_MS;
    this.pruneIfDue();
    for (let i = 0; i < DECIDE_ATTEMPTS; i += 1) {
      const leaseToken = randomUUID();
      if (await this.repository.claim(request, leaseToken, leaseMs, ttlMs)) {
        return { kind: 'proceed', attempt: { scope: request.scope, key: request.key, leaseToken } };
      }
      const row = await this.repository.find(request.scope, request.key);
      if (!row || row.expired) continue;
      if (row.fingerprint !== request.fingerprint) return { kind: 'reused' };
      if (row.status === 'completed' && row.response) return { kind: 'replay', response: row.response };
      if (!row.leaseExpired) return { kind: 'in_flight' };
    }
    return { kind: 'in_flight' };
  }

  /**
   * Keeps the handler's response. A failure here is logged, not thrown: the work is done and the
   * client should get its answer; the key stays in flight until its lease runs out.
   */
  async succeed(attempt: IdempotencyAttempt, response: StoredResponse): Promise<void> {
    try {
      const held = await this.repository.complete(attempt.scope, attempt.key, attempt.leaseToken, response);
      if (!held)
        this.logger.warn({ msg: 'idempotency key was taken over before the request finished', key: attempt.key });
    } catch (err) {
      this.logger.error({
        msg: 'could not store the idempotent response',
        key: attempt.key,
        error: describeError(err),
      });
    }
  }

  /**
   * The handler failed. A client error (4xx) is kept, so the retry of a bad request gets the same
   * answer; anything else frees the key so the client may retry.
   */
  async fail(attempt: IdempotencyAttempt, response: StoredResponse | undefined): Promise<void> {
    if (response && isReplayableFailure(response.status)) {
      await this.succeed(attempt, response);
      return;
    }
    try {
      await this.repository.release(attempt.scope, attempt.key, attempt.leaseToken);
    } catch (err) {
      // The key stays in flight until its lease runs out; then a retry takes it over.
      this.logger.error({ msg: 'could not release the idempotency key', key: attempt.key, error: describeError(err) });
    }
  }

  /** Deletes expired keys, up to `limit`; for a scheduled job. Requests also prune, at most once a minute. */
  async pruneExpired(limit = IDEMPOTENCY_PRUNE_BATCH): Promise<number> {
    return this.repository.deleteExpired(limit);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pruning;
  }

  // Runs beside the request, never in its way; one prune at a time per process.
  private pruneIfDue(): void {
    const now = Date.now();
    if (this.pruning || now - this.lastPruneAt < IDEMPOTENCY_PRUNE_INTERVAL_MS) return;
    this.lastPruneAt = now;
    this.pruning = this.pruneExpired()
      .catch((err: unknown) => {
        this.logger.warn({ msg: 'idempotency key prune failed', error: describeError(err) });
      })
      .finally(() => {
        this.pruning = null;
      });
  }
}
