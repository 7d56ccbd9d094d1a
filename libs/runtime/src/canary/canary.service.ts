import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { PlatformCanaryV1Contract, type EventEnvelope, type PlatformCanaryV1, type ServiceName } from '#contracts';
import { MESSAGING_OPTIONS, OutboxWriter, quoteIdent, type MessagingModuleOptions } from '#messaging';

export interface CanaryStreamSummary {
  producer: ServiceName;
  streamKey: string;
  received: number;
  distinctSequences: number;
  minSequence: number | null;
  maxSequence: number | null;
  /** Receipts whose sequence was not exactly one more than the stream's previous one. */
  outOfOrder: number;
}

/**
 * The pipeline canary: proves, on the real broker, that events written through one service's
 * outbox reach the others once each and in order per key.
 */
@Injectable()
export class CanaryService {
  private readonly table: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    @Inject(MESSAGING_OPTIONS) options: MessagingModuleOptions,
  ) {
    this.table = `${quoteIdent(options.schema)}.canary_receipts`;
  }

  async send(streamKey: string, fromSequence: number, count: number, note = ''): Promise<string[]> {
    const correlationId = randomUUID();
    return this.dataSource.transaction(async (manager) => {
      const ids: string[] = [];
      for (let i = 0; i < count; i += 1) {
        const envelope = await this.outbox.append(
          manager,
          PlatformCanaryV1Contract,
          { canaryId: randomUUID(), streamKey, sequence: fromSequence + i, note },
          { correlationId },
        );
        ids.push(envelope.eventId);
      }
      return ids;
    });
  }

  async record(manager: EntityManager, envelope: EventEnvelope<PlatformCanaryV1>): Promise<void> {
    const { streamKey, sequence } = envelope.payload;
    await manager.query(
      `INSERT INTO ${this.table} (event_id, producer, stream_key, sequence, previous_sequence)
       VALUES ($1, $2, $3, $4,
         (SELECT max(sequence) FROM ${this.table} WHERE producer = $2 AND stream_key = $3))`,
      [envelope.eventId, envelope.producer, streamKey, sequence],
    );
  }

  async summary(producer: ServiceName, streamKey: string): Promise<CanaryStreamSummary> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS received,
              count(DISTINCT sequence)::int AS distinct_sequences,
              min(sequence) AS min_sequence,
              max(sequence) AS max_sequence,
              count(*) FILTER (WHERE previous_sequence IS DISTINCT FROM
                               CASE WHEN sequence = 1 THEN NULL ELSE sequence - 1 END)::int AS out_of_order
         FROM ${this.table} WHERE producer = $1 AND stream_key = $2`,
      [producer, streamKey],
    )) as {
      received: number;
      distinct_sequences: number;
      min_sequence: number | null;
      max_sequence: number | null;
      out_of_order: number;
    }[];
    return {
      producer,
      streamKey,
      received: row.received,
      distinctSequences: row.distinct_sequences,
      minSequence: row.min_sequence,
      maxSequence: row.max_sequence,
      outOfOrder: row.out_of_order,
    };
  }
}
