import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GraduateConsentChangedV1Contract, GraduateErasedV1Contract, type GraduateConsentChangedV1 } from '#contracts';
import { OutboxWriter, type PublishContext } from '#messaging';
import type { GraduateEntity } from './graduate.entity.js';

/** Consent and erasure events, written into the outbox in the caller's transaction. No personal data. */
@Injectable()
export class GraduatePrivacyEvents {
  constructor(private readonly outbox: OutboxWriter) {}

  async consentChanged(
    manager: EntityManager,
    graduate: GraduateEntity,
    actor: 'graduate' | 'college',
    context: PublishContext,
  ): Promise<void> {
    if (graduate.consentStatus === 'none' || !graduate.consentChangedAt) {
      throw new Error('consentChanged: the graduate has no consent decision to announce');
    }
    const payload: GraduateConsentChangedV1 = {
      graduateId: graduate.id,
      collegeId: graduate.collegeId,
      scope: 'recommend',
      status: graduate.consentStatus,
      actor,
      changedAt: graduate.consentChangedAt.toISOString(),
    };
    await this.outbox.append(manager, GraduateConsentChangedV1Contract, payload, context);
  }

  async erased(
    manager: EntityManager,
    graduate: GraduateEntity,
    erasedAt: Date,
    context: PublishContext,
  ): Promise<void> {
    await this.outbox.append(
      manager,
      GraduateErasedV1Contract,
      { graduateId: graduate.id, collegeId: graduate.collegeId, erasedAt: erasedAt.toISOString() },
      context,
    );
  }
}
