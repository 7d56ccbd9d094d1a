import type { EntityManager } from 'typeorm';
import { createEnvelope, validatePayload, type EventContract, type EventEnvelope, type ServiceName } from '#contracts';
import { quoteIdent } from '../schema-sql.js';

export interface PublishContext {
  correlationId: string;
  causationId?: string | null;
}

/**
 * The only way a use case publishes: it appends the event to the outbox inside the same
 * transaction as its state change. The relay sends it after commit; nothing is sent for a
 * transaction that rolls back.
 */
export class OutboxWriter {
  private readonly table: string;

  constructor(
    schema: string,
    private readonly producer: ServiceName,
  ) {
    this.table = `${quoteIdent(schema)}.outbox`;
  }

  async append<T extends object>(
    manager: EntityManager,
    contract: EventContract<T>,
    payload: T,
    context: PublishContext,
  ): Promise<EventEnvelope<T>> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.append must run inside the transaction of the state change');
    }
    // A producer bug must fail the use case, not poison every consumer downstream.
    validatePayload(contract, payload);
    const envelope = createEnvelope(contract, payload, { producer: this.producer, ...context });
    await manager.query(
      `INSERT INTO ${this.table} (event_id, topic, message_key, event_type, event_version, envelope, headers)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)`,
      [
        envelope.eventId,
        contract.topic,
        contract.keyOf(payload),
        contract.eventType,
        contract.eventVersion,
        JSON.stringify(envelope),
        JSON.stringify({ 'correlation-id': envelope.correlationId }),
      ],
    );
    return envelope;
  }

  /**
   * Appends many events of one contract in one statement (bulk imports): same guarantees as
   * `append`, a fraction of the round trips. Rows keep the array's order in the outbox.
   */
  async appendMany<T extends object>(
    manager: EntityManager,
    contract: EventContract<T>,
    payloads: readonly T[],
    context: PublishContext,
  ): Promise<EventEnvelope<T>[]> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.appendMany must run inside the transaction of the state change');
    }
    const envelopes = payloads.map((payload) => {
      validatePayload(contract, payload);
      return createEnvelope(contract, payload, { producer: this.producer, ...context });
    });
    const headers = JSON.stringify({ 'correlation-id': context.correlationId });
    for (let start = 0; start < envelopes.length; start += APPEND_MANY_CHUNK) {
      const chunk = envelopes.slice(start, start + APPEND_MANY_CHUNK);
      // unnest keeps the arrays' order; WITH ORDINALITY + ORDER BY makes the id order explicit.
      await manager.query(
        `INSERT INTO ${this.table} (event_id, topic, message_key, event_type, event_version, envelope, headers)
         SELECT e.event_id, $1, e.message_key, $2, $3, e.envelope::jsonb, $4::jsonb
         FROM unnest($5::uuid[], $6::text[], $7::text[]) WITH ORDINALITY AS e(event_id, message_key, envelope, n)
         ORDER BY e.n`,
        [
          contract.topic,
          contract.eventType,
          contract.eventVersion,
          headers,
          chunk.map((e) => e.eventId),
          chunk.map((e) => contract.keyOf(e.payload)),
          chunk.map((e) => JSON.stringify(e)),
        ],
      );
    }
    return envelopes;
  }
}

/** Rows per INSERT in appendMany: bounded so one statement's parameters stay small. */
const APPEND_MANY_CHUNK = 1000;
