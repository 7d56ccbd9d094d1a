import { Inject, Injectable } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MESSAGING_OPTIONS, quoteIdent, type MessagingModuleOptions } from '#messaging';

/** One write request as the store knows it. */
export interface IdempotentRequest {
  /** From {@link idempotencyScope}: the caller that owns the key. */
  scope: string;
  key: string;
  method: string;
  path: string;
  fingerprint: string;
}

/** A response kept for replay. */
export interface StoredResponse {
  status: number;
  /** The handler's return value (or the error body), as JSON; null for an empty body. */
  body: unknown;
  /** Lower-case header name → value, e.g. `{ etag: '"v3"' }`. */
  headers: Record<string, string>;
}

export interface IdempotencyRecord {
  fingerprint: string;
  status: 'in_flight' | 'completed';
  /** Set once completed. */
  response: StoredResponse | null;
  /** The in-flight holder's lease has run out (its process probably died). */
  leaseExpired: boolean;
  /** Past expires_at: the row counts as absent. */
  expired: boolean;
}

interface RecordRow {
  fingerprint: string;
  status: 'in_flight' | 'completed';
  response_status: number | null;
  response_body: unknown;
  response_headers: Record<string, string>;
  lease_expired: boolean;
  expired: boolean;
}

/** SQL of the Idempotency-Key store, in the service's own schema. Times come from the database clock. */
@Injectable()
export class IdempotencyRepository {
  private readonly table: string;

  constructor(
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
    @Inject(MESSAGING_OPTIONS) options: Pick<MessagingModuleOptions, 'schema'>,
  ) {
    this.table = `${quoteIdent(options.schema)}.idempotency_keys`;
  }

  /**
   * Takes the key for this attempt: inserts an in-flight row, or takes over a row that counts as
   * absent (expired) or was abandoned in flight by the same request (lease run out). One statement,
   * so two racing requests cannot both win. False when another row holds the key.
   */
  async claim(request: IdempotentRequest, leaseToken: string, leaseMs: number, ttlMs: number): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `INSERT INTO ${this.table} AS k
              (scope, key, method, path, fingerprint, status, lease_token, locked_until, expires_at)
       VALUES ($1, $2, $3, $4, $5, 'in_flight', $6,
               now() + make_interval(secs => $7::float8 / 1000), now() + make_interval(secs => $8::float8 / 1000))
       ON CONFLICT (scope, key) DO UPDATE
          SET method = EXCLUDED.method, path = EXCLUDED.path, fingerprint = EXCLUDED.fingerprint,
              status = 'in_flight', lease_token = EXCLUDED.lease_token,
              response_status = NULL, response_body = NULL, response_headers = '{}'::jsonb,
              created_at = now(), locked_until = EXCLUDED.locked_until, expires_at = EXCLUDED.expires_at
        WHERE k.expires_at <= now()
           OR (k.status = 'in_flight' AND k.locked_until <= now() AND k.fingerprint = EXCLUDED.fingerprint)
       RETURNING 1 AS claimed`,
      [request.scope, request.key, request.method, request.path, request.fingerprint, leaseToken, leaseMs, ttlMs],
    )) as unknown[];
    return rows.length === 1;
  }

  async find(scope: string, key: string): Promise<IdempotencyRecord | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT fingerprint, status, response_status, response_body, response_headers,
              coalesce(locked_until <= now(), true) AS lease_expired,
              expires_at <= now() AS expired
         FROM ${this.table} WHERE scope = $1 AND key = $2`,
      [scope, key],
    )) as RecordRow[];
    if (!row) return undefined;
    return {
      fingerprint: row.fingerprint,
      status: row.status,
      response:
        row.response_status === null
          ? null
          : { status: row.response_status, body: row.response_body, headers: row.response_headers },
      leaseExpired: row.lease_expired,
      expired: row.expired,
    };
  }

  /** Stores the response and marks the key completed; false when this attempt no longer holds it. */
  async complete(scope: string, key: string, leaseToken: string, response: StoredResponse): Promise<boolean> {
    const body = response.body === undefined || response.body === null ? null : JSON.stringify(response.body);
    return this.affectsOne(
      `UPDATE ${this.table}
          SET status = 'completed', response_status = $4, response_body = $5::json,
              response_headers = $6::jsonb, locked_until = NULL
        WHERE scope = $1 AND key = $2 AND lease_token = $3 AND status = 'in_flight'
       RETURNING 1`,
      [scope, key, leaseToken, response.status, body, JSON.stringify(response.headers)],
    );
  }

  /** Deletes this attempt's in-flight row, so the client may retry; false when it no longer holds it. */
  async release(scope: string, key: string, leaseToken: string): Promise<boolean> {
    return this.affectsOne(
      `DELETE FROM ${this.table}
        WHERE scope = $1 AND key = $2 AND lease_token = $3 AND status = 'in_flight'
       RETURNING 1`,
      [scope, key, leaseToken],
    );
  }

  /** Deletes up to `limit` expired rows; returns how many. Small batches keep locks short. */
  async deleteExpired(limit: number): Promise<number> {
    const [{ n }] = (await this.dataSource.query(
      `WITH gone AS (
         DELETE FROM ${this.table}
          WHERE (scope, key) IN (SELECT scope, key FROM ${this.table} WHERE expires_at <= now() LIMIT $1)
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [limit],
    )) as { n: number }[];
    return n;
  }

  // Wrapped in a CTE so the driver returns plain rows (it returns [rows, count] for a bare UPDATE/DELETE).
  private async affectsOne(sql: string, params: unknown[]): Promise<boolean> {
    const [{ n }] = (await this.dataSource.query(
      `WITH changed AS (${sql}) SELECT count(*)::int AS n FROM changed`,
      params,
    )) as {
      n: number;
    }[];
    return n === 1;
  }
}
