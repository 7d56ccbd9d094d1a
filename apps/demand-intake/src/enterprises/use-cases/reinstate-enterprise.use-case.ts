import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Caller } from '#auth';
import { EnterpriseVerifiedV1Contract } from '#contracts';
import { OutboxWriter } from '#messaging';
import { listAudienceOf } from '../enterprise-access.policy.js';
import { EnterpriseLifecycleHooks } from '../enterprise-lifecycle.hooks.js';
import { toSnapshot } from '../enterprise.mapper.js';
import { EnterpriseStatusChanger } from '../enterprise-status-changer.js';
import type { EnterpriseResult } from './enterprise-result.js';

export interface ReinstateEnterpriseCommand {
  /** organizer or platform_admin. */
  caller: Caller;
  id: string;
  expectedVersion: number | null;
  correlationId: string;
}

/**
 * 恢复企业: suspended → verified, announced as EnterpriseVerifiedV1 (status verified). What
 * becomes of the demands paused by the suspension is the demands context's call (hook `reinstated`).
 */
@Injectable()
export class ReinstateEnterpriseUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly statusChanger: EnterpriseStatusChanger,
    private readonly outbox: OutboxWriter,
    private readonly hooks: EnterpriseLifecycleHooks,
  ) {}

  async execute({ caller, id, expectedVersion, correlationId }: ReinstateEnterpriseCommand): Promise<EnterpriseResult> {
    const now = new Date();
    const enterprise = await this.dataSource.transaction(async (manager) => {
      const { enterprise } = await this.statusChanger.apply(manager, {
        id,
        action: 'reinstate',
        reason: null,
        expectedVersion,
        now,
      });
      await this.outbox.append(
        manager,
        EnterpriseVerifiedV1Contract,
        {
          enterpriseId: id,
          status: 'verified',
          reason: null,
          decidedAt: now.toISOString(),
          version: enterprise.version,
        },
        { correlationId },
      );
      await this.hooks.notify(manager, {
        kind: 'reinstated',
        enterprise: toSnapshot(enterprise),
        reason: null,
        correlationId,
      });
      return enterprise;
    });
    return { enterprise, audience: listAudienceOf(caller) };
  }
}
