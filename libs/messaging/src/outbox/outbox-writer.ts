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
}
