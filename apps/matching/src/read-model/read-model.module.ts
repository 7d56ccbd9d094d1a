import { Module } from '@nestjs/common';
import { ReadModelChanges } from './read-model.changes.js';
import { ReadModelConsumer } from './read-model.consumer.js';
import { ReadModelRepository } from './read-model.repository.js';

/** Matching's event-fed copy of demands and graduates. */
@Module({
  controllers: [ReadModelConsumer],
  providers: [ReadModelRepository, ReadModelChanges],
  exports: [ReadModelRepository, ReadModelChanges],
})
export class ReadModelModule {}
