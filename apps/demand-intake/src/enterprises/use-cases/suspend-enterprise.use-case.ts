import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Caller } from '#auth';
import { EnterpriseSuspendedV1Contract } from '#contracts';
import { OutboxWriter } from '#messaging';
import { listAudienceOf } from '../enterprise-access.policy.js';
import { EnterpriseLifecycleHooks } from '../enterprise-lifecycle.hooks.js';
import { toSnapshot } from '../enterprise.mapper.js';
import { EnterpriseStatusChanger } from '../enterprise-status-changer.js';
import type { EnterpriseResult } from './enterprise-result.js';

export interface SuspendEnterpriseCommand {
  /** organizer or platform_admin. */
  caller: Caller;
  id: string;
  reason: string;
  expectedVersion: number | null;
  correlationId: string;
}

/**
 * 暂停企业: verified → suspended. The demands context pauses the enterprise's demands in the
 * same transaction (through the lifecycle hooks), so no demand outlives the suspension.
 */
@Injectable()
export class SuspendEnterpriseUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly statusChanger: EnterpriseStatusChanger,
    private readonly outbox: OutboxWriter,
    private readonly hooks: EnterpriseLifecycleHooks,
  ) {}

  async execute({
    caller,
    id,
    reason,
    expectedVersion,
    correlationId,
  }: SuspendEnterpriseCommand): Promise<EnterpriseResult> {
    const now = new Date();
    const enterprise = await this.dataSource.transaction(async (manager) => {
      const { enterprise } = await this.statusChanger.apply(manager, {
        id,
        action: 'suspend',
        reason,
        expectedVersion,
        now,
      });
      await this.outbox.append(
        manager,
        EnterpriseSuspendedV1Contract,
        { enterpriseId: id, reason, suspendedAt: now.toISOString(), version: enterprise.version },
        { correlationId },
      );
      await this.hooks.notify(manager, {
        kind: 'suspended',
        enterprise: toSnapshot(enterprise),
        reason,
        correlationId,
      });
      return enterprise;
    });
    return { enterprise, audience: listAudienceOf(caller) };
  }
}
