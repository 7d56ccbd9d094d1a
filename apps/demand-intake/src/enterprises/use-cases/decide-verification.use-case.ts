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
import type { VerificationDecision } from '../dto/decide-verification.dto.js';
import type { EnterpriseResult } from './enterprise-result.js';

export interface DecideVerificationCommand {
  /** organizer or platform_admin. */
  caller: Caller;
  id: string;
  decision: VerificationDecision;
  reason: string | null;
  expectedVersion: number | null;
  correlationId: string;
}

/**
 * 企业资质审核: pending → verified | rejected, or rejected → verified on re-review. A verified
 * enterprise is announced to the other contexts (its published demands go to matching).
 */
@Injectable()
export class DecideVerificationUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly statusChanger: EnterpriseStatusChanger,
    private readonly outbox: OutboxWriter,
    private readonly hooks: EnterpriseLifecycleHooks,
  ) {}

  async execute(command: DecideVerificationCommand): Promise<EnterpriseResult> {
    const { caller, id, decision, reason, expectedVersion, correlationId } = command;
    const now = new Date();
    const enterprise = await this.dataSource.transaction(async (manager) => {
      const { enterprise } = await this.statusChanger.apply(manager, {
        id,
        action: decision === 'verified' ? 'verify' : 'reject',
        reason,
        expectedVersion,
        now,
      });
      await this.outbox.append(
        manager,
        EnterpriseVerifiedV1Contract,
        { enterpriseId: id, status: decision, reason, decidedAt: now.toISOString(), version: enterprise.version },
        { correlationId },
      );
      if (decision === 'verified') {
        await this.hooks.notify(manager, {
          kind: 'verified',
          enterprise: toSnapshot(enterprise),
          reason,
          correlationId,
        });
      }
      return enterprise;
    });
    return { enterprise, audience: listAudienceOf(caller) };
  }
}
