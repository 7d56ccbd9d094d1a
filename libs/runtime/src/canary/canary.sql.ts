import { quoteIdent } from '#messaging';

/** DDL for the pipeline canary's receipts; part of every service's first migration. */
export function canaryTablesUp(schema: string): string[] {
  const s = quoteIdent(schema);
  return [
    `CREATE TABLE ${s}.canary_receipts (
      event_id uuid PRIMARY KEY,
      producer text NOT NULL,
      stream_key text NOT NULL,
      sequence integer NOT NULL,
      previous_sequence integer,
      received_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX canary_receipts_stream_idx ON ${s}.canary_receipts (producer, stream_key, sequence)`,
  ];
}

export function canaryTablesDown(schema: string): string[] {
  return [`DROP TABLE ${quoteIdent(schema)}.canary_receipts`];
}
