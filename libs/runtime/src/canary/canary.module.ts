import { Module } from '@nestjs/common';
import { CanaryConsumer } from './canary.consumer.js';
import { CanaryController } from './canary.controller.js';
import { CanaryService } from './canary.service.js';

/** Every service sends and records pipeline canaries; see docs/messaging.md. */
@Module({
  controllers: [CanaryController, CanaryConsumer],
  providers: [CanaryService],
})
export class CanaryModule {}
