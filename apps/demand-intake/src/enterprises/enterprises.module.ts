import { Module } from '@nestjs/common';
import { EnterpriseLifecycleHooks } from './enterprise-lifecycle.hooks.js';
import { EnterpriseStatusChanger } from './enterprise-status-changer.js';
import { EnterprisesController } from './enterprises.controller.js';
import { EnterprisesRepository } from './enterprises.repository.js';
import { DecideVerificationUseCase } from './use-cases/decide-verification.use-case.js';
import { GetEnterpriseUseCase } from './use-cases/get-enterprise.use-case.js';
import { ListEnterprisesUseCase } from './use-cases/list-enterprises.use-case.js';
import { RegisterEnterpriseUseCase } from './use-cases/register-enterprise.use-case.js';
import { ReinstateEnterpriseUseCase } from './use-cases/reinstate-enterprise.use-case.js';
import { SuspendEnterpriseUseCase } from './use-cases/suspend-enterprise.use-case.js';
import { UpdateEnterpriseUseCase } from './use-cases/update-enterprise.use-case.js';

/**
 * 企业: registration, verification and suspension. Other contexts of this service use the
 * exported repository (read an enterprise in their transaction) and lifecycle hooks (follow
 * verification and suspension in the same transaction); see ./index.ts.
 */
@Module({
  controllers: [EnterprisesController],
  providers: [
    EnterprisesRepository,
    EnterpriseLifecycleHooks,
    EnterpriseStatusChanger,
    RegisterEnterpriseUseCase,
    UpdateEnterpriseUseCase,
    DecideVerificationUseCase,
    SuspendEnterpriseUseCase,
    ReinstateEnterpriseUseCase,
    GetEnterpriseUseCase,
    ListEnterprisesUseCase,
  ],
  exports: [EnterprisesRepository, EnterpriseLifecycleHooks],
})
export class EnterprisesModule {}
