import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  EnterpriseLifecycleHooks,
  type EnterpriseLifecycleChange,
  type EnterpriseLifecycleListener,
} from '../enterprises/enterprise-lifecycle.hooks.js';
import { DemandEvents } from './demand-events.js';
import { DemandsRepository } from './demands.repository.js';

/**
 * Keeps demands in step with their enterprise, in the enterprise's own transaction:
 * verification announces its published demands; suspension pauses them; reinstatement resumes
 * the ones the suspension paused (not those the enterprise paused itself).
 */
@Injectable()
export class EnterpriseChangesListener implements EnterpriseLifecycleListener, OnModuleInit {
  constructor(
    private readonly hooks: EnterpriseLifecycleHooks,
    private readonly demands: DemandsRepository,
    private readonly events: DemandEvents,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async onEnterpriseChanged(manager: EntityManager, change: EnterpriseLifecycleChange): Promise<void> {
    const { enterprise, correlationId } = change;
    const ctx = { correlationId };
    switch (change.kind) {
      case 'verified': {
        for (const d of await this.demands.lockByEnterprise(manager, enterprise.enterpriseId, ['published'])) {
          await this.events.published(manager, d, enterprise, ctx);
        }
        return;
      }
      case 'suspended': {
        for (const d of await this.demands.lockByEnterprise(manager, enterprise.enterpriseId, ['published'])) {
          d.status = 'paused';
          d.pauseCause = 'enterprise_suspended';
          d.version += 1;
          await this.demands.save(manager, d);
          await this.events.paused(manager, d, 'enterprise_suspended', ctx);
        }
        return;
      }
      case 'reinstated': {
        for (const d of await this.demands.lockByEnterprise(manager, enterprise.enterpriseId, ['paused'])) {
          if (d.pauseCause !== 'enterprise_suspended') continue;
          d.status = 'published';
          d.pauseCause = null;
          d.version += 1;
          await this.demands.save(manager, d);
          await this.events.published(manager, d, enterprise, ctx);
        }
        return;
      }
    }
  }
}
