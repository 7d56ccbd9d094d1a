import { Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock.js';
import { DestinationEvents } from './destination-events.js';
import { DestinationVerificationsController } from './destination-verifications.controller.js';
import { DestinationsController } from './destinations.controller.js';
import { DestinationsRepository } from './destinations.repository.js';
import { PlatformHiresConsumer } from './platform-hires.consumer.js';
import { AuditDestinationUseCase } from './use-cases/audit-destination.use-case.js';
import { ReadDestinationsUseCase } from './use-cases/read-destinations.use-case.js';
import { RecordPlatformHireUseCase } from './use-cases/record-platform-hire.use-case.js';
import { RegisterDestinationUseCase } from './use-cases/register-destination.use-case.js';
import { VerifyDestinationUseCase } from './use-cases/verify-destination.use-case.js';

/**
 * 毕业去向: registration by the graduate or college, the college's audit, the 31 August lock,
 * verification numbers, and pending records from platform hires. Exports the clock for the
 * placement reports' default date.
 */
@Module({
  controllers: [DestinationsController, DestinationVerificationsController, PlatformHiresConsumer],
  providers: [
    { provide: Clock, useClass: SystemClock },
    DestinationsRepository,
    DestinationEvents,
    RegisterDestinationUseCase,
    AuditDestinationUseCase,
    ReadDestinationsUseCase,
    VerifyDestinationUseCase,
    RecordPlatformHireUseCase,
  ],
  exports: [Clock],
})
export class DestinationsModule {}
