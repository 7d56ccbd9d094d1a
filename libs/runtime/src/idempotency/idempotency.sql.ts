import { quoteIdent } from '#messaging';

/**
 * DDL of the Idempotency-Key store each service keeps in its own schema. A service's migration
 * runs `idempotencyTablesUp(schema)` before any route uses @Idempotent().
 */
export function idempotencyTablesUp(schema: string): string[] {
  const s = quoteIdent(schema);
  return [
    `CREATE TABLE ${s}.idempotency_keys (
      -- Who sent the key (org + subject of the Caller): tenants' identical keys never meet.
      scope text NOT NULL,
      key varchar(255) NOT NULL,
      method text NOT NULL,
      path text NOT NULL,
      -- SHA-256 (hex) of the canonical request; a different request under the same key is refused.
      fingerprint char(64) NOT NULL,
      status text NOT NULL CHECK (status IN ('in_flight', 'completed')),
      -- Which attempt holds the row, so a request that outlived its lease cannot overwrite a takeover.
      lease_token uuid NOT NULL,
      response_status integer,
      -- json, not jsonb: a replay sends the body with the key order it first had.
      response_body json,
      response_headers jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      locked_until timestamptz,
      expires_at timestamptz NOT NULL,
      PRIMARY KEY (scope, key),
      CHECK (status = 'in_flight' OR response_status IS NOT NULL)
    )`,
    `CREATE INDEX idempotency_keys_expires_at_idx ON ${s}.idempotency_keys (expires_at)`,
  ];
}

export function idempotencyTablesDown(schema: string): string[] {
  return [`DROP TABLE ${quoteIdent(schema)}.idempotency_keys`];
}
