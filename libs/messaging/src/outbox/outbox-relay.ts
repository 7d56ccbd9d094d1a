import type { DataSource } from 'typeorm';
import type { BrokerProducer, OutgoingMessage } from '../broker/broker.js';
import { backoffDelay, sleep, type BackoffPolicy } from '../backoff.js';
import { describeError } from '../errors.js';
import { quoteIdent } from '../schema-sql.js';
import type { TopicNames } from '../topic-names.js';
import type { MessagingLogger } from '../logger.js';

export interface OutboxRelayOptions {
  schema: string;
  batchSize: number;
  /** Pause between scans when the outbox is empty. */
  idlePollMs: number;
  backoff: BackoffPolicy;
  /** Published rows are deleted after this many hours (0 keeps them). */
  retentionHours: number;
  /**
   * Test hook for fault injection: runs after the broker acknowledged a batch and before the
   * rows are marked published (e.g. to crash the process there).
   */
  afterSendBeforeMark?: (rowIds: string[]) => Promise<void> | void;
}

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  value: string;
  headers: Record<string, string>;
  event_id: string;
  event_type: string;
  event_version: number;
}

export type RelayStep = 'published' | 'idle' | 'not-leader';

/**
 * Publishes committed outbox rows to the broker, in id order, and marks them published.
 *
 * - One relay publishes at a time per schema (a transaction-scoped advisory lock), so rows of one
 *   key are published in order even with several service instances running.
 * - Every scan reads all unpublished rows, not "ids above the last one seen": a transaction that
 *   commits after a later-numbered one is still published.
 * - If the process dies after the broker acknowledged a batch but before the mark committed, the
 *   batch is sent again; consumers drop the duplicate through their inbox.
 */
export class OutboxRelay {
  private readonly table: string;
  private readonly lockKey: string;
  private readonly abort = new AbortController();
  private loop: Promise<void> | null = null;
  private connected = false;
  private consecutiveFailures = 0;
  private lastPrune = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: BrokerProducer,
    private readonly topics: TopicNames,
    private readonly options: OutboxRelayOptions,
    private readonly logger: MessagingLogger,
  ) {
    this.table = `${quoteIdent(options.schema)}.outbox`;
    this.lockKey = `talent-bridge.outbox-relay.${options.schema}`;
  }

  start(): void {
    if (this.loop) return;
    this.loop = this.run();
  }

  /** Finishes the batch in flight, then stops. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
    this.loop = null;
    if (this.connected) {
      await this.producer.disconnect().catch(() => undefined);
      this.connected = false;
    }
  }

  private async run(): Promise<void> {
    const signal = this.abort.signal;
    while (!signal.aborted) {
      let step: RelayStep;
      try {
        step = await this.step();
        this.consecutiveFailures = 0;
      } catch (err) {
        this.consecutiveFailures += 1;
        const delay = backoffDelay(this.consecutiveFailures, this.options.backoff);
        this.logger.warn('outbox relay could not publish; retrying', {
          error: describeError(err),
          attempt: this.consecutiveFailures,
          retryInMs: delay,
        });
        await sleep(delay, signal);
        continue;
      }
      if (step !== 'published') await sleep(this.options.idlePollMs, signal);
      await this.pruneIfDue();
    }
  }

  /** One scan: publish at most one batch. Exposed for tests. */
  async step(): Promise<RelayStep> {
    if (!this.connected) {
      await this.producer.connect();
      this.connected = true;
    }
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = (await manager.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [
        this.lockKey,
      ])) as { locked: boolean }[];
      if (!locked) return 'not-leader';
      const rows = (await manager.query(
        // Order by the bigint column: "ORDER BY id" would sort the text alias, putting 10 before 2.
        `SELECT o.id::text AS id, o.topic, o.message_key, o.envelope::text AS value, o.headers,
                o.event_id::text AS event_id, o.event_type, o.event_version
           FROM ${this.table} o
          WHERE o.published_at IS NULL
          ORDER BY o.id
          LIMIT $1`,
        [this.options.batchSize],
      )) as OutboxRow[];
      if (!rows.length) return 'idle';
      await this.producer.send(rows.map((r) => this.toMessage(r)));
      const ids = rows.map((r) => r.id);
      await this.options.afterSendBeforeMark?.(ids);
      await manager.query(`UPDATE ${this.table} SET published_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
      return 'published';
    });
  }

  /** Rows not yet published (tests and operators). */
  async pendingCount(): Promise<number> {
    const [{ n }] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM ${this.table} WHERE published_at IS NULL`,
    )) as { n: number }[];
    return n;
  }

  private toMessage(row: OutboxRow): OutgoingMessage {
    return {
      topic: this.topics.physical(row.topic),
      key: row.message_key,
      value: row.value,
      headers: {
        ...row.headers,
        'event-id': row.event_id,
        'event-type': row.event_type,
        'event-version': String(row.event_version),
        'content-type': 'application/json',
      },
    };
  }

  private async pruneIfDue(): Promise<void> {
    const hours = this.options.retentionHours;
    if (hours <= 0 || Date.now() - this.lastPrune < 10 * 60_000) return;
    this.lastPrune = Date.now();
    try {
      await this.dataSource.query(`DELETE FROM ${this.table} WHERE published_at < now() - make_interval(hours => $1)`, [
        hours,
      ]);
    } catch (err) {
      this.logger.warn('outbox prune failed', { error: describeError(err) });
    }
  }
}
