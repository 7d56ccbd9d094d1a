import type { EntityManager } from 'typeorm';
import { quoteIdent } from '../schema-sql.js';

export interface InboxEntry {
  consumer: string;
  eventId: string;
  eventType: string;
  topic: string;
  partition: number;
  offset: string;
}

/** Records handled events so a redelivered event has no second effect. */
export class InboxRepository {
  private readonly table: string;

  constructor(schema: string) {
    this.table = `${quoteIdent(schema)}.inbox`;
  }

  /** Inserts the entry in the caller's transaction; false when this consumer already handled the event. */
  async tryRecord(manager: EntityManager, entry: InboxEntry): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO ${this.table} (consumer, event_id, event_type, source_topic, source_partition, source_offset)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (consumer, event_id) DO NOTHING
       RETURNING 1`,
      [entry.consumer, entry.eventId, entry.eventType, entry.topic, entry.partition, entry.offset],
    )) as unknown[];
    return rows.length === 1;
  }
}
