import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Caller } from '#auth';
import type { ConsentScope } from '#contracts';
import { ConsentRecordsRepository } from '../consent-records.repository.js';
import type { GraduateEntity } from '../graduate.entity.js';
import { GraduateEvents } from '../graduate-events.js';
import { ConsentWithdrawnByGraduateException, GraduateNotFoundException } from '../graduate.exception.js';
import { GraduatePrivacyEvents } from '../graduate-privacy-events.js';
import { GraduatesRepository } from '../graduates.repository.js';
import { privacyActorWithEvidence } from './privacy-actor.js';

export interface ChangeConsentCommand {
  caller: Caller;
  graduateId: string;
  scope: ConsentScope;
  action: 'given' | 'withdrawn';
  evidenceRef?: string;
  correlationId: string;
}

export interface ConsentChangeResult {
  graduate: GraduateEntity;
  /** False: the status already was the requested one; nothing was recorded or sent. */
  changed: boolean;
}

/**
 * 推荐授权 (PIPL): explicit, timestamped, scoped. The graduate gives or withdraws it at any time;
 * the own college records either on the graduate's documented request (evidence required), but
 * cannot give it again after the graduate themself withdrew it. A real change is recorded in
 * consent_records and announced once (GraduateConsentChangedV1); giving consent also sends the
 * current profile to matching, which had none of it while there was no consent.
 */
@Injectable()
export class ChangeConsentUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly graduates: GraduatesRepository,
    private readonly consents: ConsentRecordsRepository,
    private readonly privacyEvents: GraduatePrivacyEvents,
    private readonly profileEvents: GraduateEvents,
  ) {}

  async execute(command: ChangeConsentCommand): Promise<ConsentChangeResult> {
    const { caller, graduateId, scope, action, correlationId } = command;
    return this.dataSource.transaction(async (manager) => {
      const graduate = await this.graduates.findByIdForUpdate(manager, graduateId);
      if (!graduate || graduate.erasedAt) throw new GraduateNotFoundException(graduateId);
      const { actor, evidenceRef } = privacyActorWithEvidence(caller, graduate, command.evidenceRef);
      if (graduate.consentStatus === action) return { graduate, changed: false };

      if (actor === 'college' && action === 'given' && graduate.consentStatus === 'withdrawn') {
        const last = await this.consents.latest(manager, graduate.id, scope);
        if (last?.action === 'withdrawn' && last.actorRole === 'graduate')
          throw new ConsentWithdrawnByGraduateException();
      }

      const now = new Date();
      Object.assign(graduate, {
        consentStatus: action,
        consentChangedAt: now,
        version: graduate.version + 1,
        updatedAt: now,
      });
      await this.graduates.saveConsent(manager, graduate);
      await this.consents.append(manager, {
        graduateId: graduate.id,
        scope,
        action,
        actorRole: actor,
        actorId: caller.subject,
        evidenceRef,
        recordedAt: now,
      });
      await this.privacyEvents.consentChanged(manager, graduate, actor, { correlationId });
      if (action === 'given') await this.profileEvents.profilesUpserted(manager, [graduate], { correlationId });
      return { graduate, changed: true };
    });
  }
}
