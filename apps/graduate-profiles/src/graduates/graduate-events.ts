import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GraduateProfileUpsertedV1Contract } from '#contracts';
import { OutboxWriter, type PublishContext } from '#messaging';
import type { GraduateEntity } from './graduate.entity.js';
import { graduateSnapshot } from './graduate-snapshot.js';

/** Writes graduate-profile events into the outbox, in the caller's transaction. */
@Injectable()
export class GraduateEvents {
  constructor(private readonly outbox: OutboxWriter) {}

  /**
   * Matching receives a profile only while its graduate consents to being recommended (PIPL:
   * no consent, no processing for recommendation). Giving consent sends the current profile.
   */
  async profilesUpserted(
    manager: EntityManager,
    graduates: readonly GraduateEntity[],
    context: PublishContext,
  ): Promise<number> {
    const upsertedAt = new Date().toISOString();
    const payloads = graduates
      .filter((g) => g.consentStatus === 'given' && g.erasedAt === null)
      .map((g) => ({ graduate: graduateSnapshot(g), upsertedAt }));
    if (payloads.length === 0) return 0;
    await this.outbox.appendMany(manager, GraduateProfileUpsertedV1Contract, payloads, context);
    return payloads.length;
  }
}
