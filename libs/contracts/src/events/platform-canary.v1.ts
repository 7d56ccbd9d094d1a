import { IsInt, IsNotEmpty, IsString, IsUUID, Min } from 'class-validator';
import { TOPICS } from '../topics.js';
import { defineEvent } from '../event-contract.js';

/**
 * An end-to-end probe of the event pipeline: a service writes canaries through its outbox, the
 * others record them, and the sequence numbers prove per-key order and exactly-once effect.
 */
export class PlatformCanaryV1 {
  @IsUUID('4')
  canaryId!: string;

  /** The aggregate the canary stands for; the message key. */
  @IsString()
  @IsNotEmpty()
  streamKey!: string;

  /** Position within the stream, from 1. */
  @IsInt()
  @Min(1)
  sequence!: number;

  @IsString()
  note!: string;
}

export const PlatformCanaryV1Contract = defineEvent({
  eventType: 'PlatformCanary',
  eventVersion: 1,
  topic: TOPICS.platformCanary,
  payloadClass: PlatformCanaryV1,
  keyOf: (p) => p.streamKey,
});
