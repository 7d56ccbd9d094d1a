import { Module } from '@nestjs/common';
import { CollegesModule } from '../colleges/index.js';
import { AcceptedEnterprisesRepository } from './accepted-enterprises.repository.js';
import { CandidateAcceptanceConsumer } from './candidate-acceptance.consumer.js';
import { CollegeGraduatesController } from './college-graduates.controller.js';
import { ConsentRecordsRepository } from './consent-records.repository.js';
import { ContactRevealsRepository } from './contact-reveals.repository.js';
import { GraduateEvents } from './graduate-events.js';
import { GraduatePrivacyEvents } from './graduate-privacy-events.js';
import { GraduateWriterRepository } from './graduate-writer.repository.js';
import { GraduatesController } from './graduates.controller.js';
import { GraduatesRepository } from './graduates.repository.js';
import { ChangeConsentUseCase } from './use-cases/change-consent.use-case.js';
import { EraseGraduateUseCase } from './use-cases/erase-graduate.use-case.js';
import { GetGraduateUseCase } from './use-cases/get-graduate.use-case.js';
import { ListGraduatesUseCase } from './use-cases/list-graduates.use-case.js';
import { ReadPrivacyLogsUseCase } from './use-cases/read-privacy-logs.use-case.js';
import { UpdateGraduateProfileUseCase } from './use-cases/update-graduate-profile.use-case.js';
import { UpsertGraduatesUseCase } from './use-cases/upsert-graduates.use-case.js';
import { UpsertOneGraduateUseCase } from './use-cases/upsert-one-graduate.use-case.js';

/**
 * 毕业生: profiles (college upserts, the graduate's own edits, reads with masking and reveal
 * audit), recommendation consent, erasure, and enterprise access from matching's acceptances.
 * Exports the batch upsert for the cohort import.
 */
@Module({
  imports: [CollegesModule],
  controllers: [GraduatesController, CollegeGraduatesController, CandidateAcceptanceConsumer],
  providers: [
    GraduatesRepository,
    GraduateWriterRepository,
    ConsentRecordsRepository,
    ContactRevealsRepository,
    AcceptedEnterprisesRepository,
    GraduateEvents,
    GraduatePrivacyEvents,
    UpsertGraduatesUseCase,
    UpsertOneGraduateUseCase,
    GetGraduateUseCase,
    ListGraduatesUseCase,
    UpdateGraduateProfileUseCase,
    ChangeConsentUseCase,
    ReadPrivacyLogsUseCase,
    EraseGraduateUseCase,
  ],
  exports: [UpsertGraduatesUseCase, GraduatesRepository],
})
export class GraduatesModule {}
