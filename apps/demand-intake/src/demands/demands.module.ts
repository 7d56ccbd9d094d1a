import { Module } from '@nestjs/common';
import { EnterprisesModule } from '../enterprises/enterprises.module.js';
import { DemandEvents } from './demand-events.js';
import { DemandHiresConsumer } from './demand-hires.consumer.js';
import { DemandsController } from './demands.controller.js';
import { DemandsRepository } from './demands.repository.js';
import { EnterpriseChangesListener } from './enterprise-changes.listener.js';
import { ChangeDemandStatusUseCase } from './use-cases/change-demand-status.use-case.js';
import { CreateDemandUseCase } from './use-cases/create-demand.use-case.js';
import { DemandLoader } from './use-cases/demand-context.js';
import { DemandExpiryScheduler, ExpireDemandsUseCase } from './use-cases/expire-demands.use-case.js';
import { ReadDemandsUseCase } from './use-cases/read-demands.use-case.js';
import { UpdateDemandUseCase } from './use-cases/update-demand.use-case.js';

/** 人才需求: demands, their lifecycle, expiry and hires. */
@Module({
  imports: [EnterprisesModule],
  controllers: [DemandsController, DemandHiresConsumer],
  providers: [
    DemandsRepository,
    DemandEvents,
    DemandLoader,
    CreateDemandUseCase,
    UpdateDemandUseCase,
    ChangeDemandStatusUseCase,
    ReadDemandsUseCase,
    ExpireDemandsUseCase,
    DemandExpiryScheduler,
    EnterpriseChangesListener,
  ],
  exports: [CreateDemandUseCase, ReadDemandsUseCase],
})
export class DemandsModule {}
