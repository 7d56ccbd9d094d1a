import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Caller } from '#auth';
import { AcceptedEnterprisesRepository } from '../accepted-enterprises.repository.js';
import { ConsentRecordsRepository } from '../consent-records.repository.js';
import { GraduateNotFoundException } from '../graduate.exception.js';
import { GraduatePrivacyEvents } from '../graduate-privacy-events.js';
import { GraduateWriterRepository } from '../graduate-writer.repository.js';
import { GraduatesRepository } from '../graduates.repository.js';
import { privacyActorWithEvidence } from './privacy-actor.js';

export interface EraseGraduateCommand {
  caller: Caller;
  graduateId: string;
  evidenceRef?: string;
  correlationId: string;
}

/**
 * 删除个人信息 (PIPL art. 47), by the graduate or by the own college on the graduate's documented
 * request. Every personal field is emptied and consent withdrawn; college, 院系, major, degree and
 * cohort stay as an anonymous record for placement statistics. A final withdrawal record names who
 * erased on what evidence; enterprises lose access; GraduateErasedV1 tells every consumer to forget.
 * A second erasure finds nothing (404) and sends nothing; a later upload of the cohort skips the
 * graduate (the student number is kept as a digest only).
 */
@Injectable()
export class EraseGraduateUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly graduates: GraduatesRepository,
    private readonly consents: ConsentRecordsRepository,
    private readonly accepted: AcceptedEnterprisesRepository,
    private readonly events: GraduatePrivacyEvents,
    private readonly writer: GraduateWriterRepository,
  ) {}

  async execute({ caller, graduateId, evidenceRef, correlationId }: EraseGraduateCommand): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const graduate = await this.graduates.findByIdForUpdate(manager, graduateId);
      if (!graduate || graduate.erasedAt) throw new GraduateNotFoundException(graduateId);
      const actor = privacyActorWithEvidence(caller, graduate, evidenceRef);
      const now = new Date();
      // Before the student number is gone: a later cohort upload must skip this graduate.
      if (graduate.studentNumber) {
        await this.writer.suppressStudentNumber(manager, graduate.collegeId, graduate.studentNumber);
      }
      await this.graduates.erase(manager, graduate.id, now);
      await this.consents.append(manager, {
        graduateId: graduate.id,
        scope: 'recommend',
        action: 'withdrawn',
        actorRole: actor.actor,
        actorId: caller.subject,
        evidenceRef: actor.evidenceRef,
        recordedAt: now,
      });
      await this.accepted.revokeAll(manager, graduate.id, now);
      await this.events.erased(manager, graduate, now, { correlationId });
    });
  }
}
