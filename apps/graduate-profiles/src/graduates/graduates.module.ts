import { Module } from '@nestjs/common';
import { GraduateEvents } from './graduate-events.js';
import { GraduateWriterRepository } from './graduate-writer.repository.js';
import { UpsertGraduatesUseCase } from './use-cases/upsert-graduates.use-case.js';

/** 毕业生: profiles, consent, erasure and contact reveals. */
@Module({
  providers: [GraduateWriterRepository, GraduateEvents, UpsertGraduatesUseCase],
  exports: [UpsertGraduatesUseCase],
})
export class GraduatesModule {}
