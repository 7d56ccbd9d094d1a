import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EnterpriseStatus } from '#contracts';
import { StaleVersionException } from '#runtime';
import type { EnterpriseEntity } from './enterprise.entity.js';
import { EnterpriseNotFoundException, InvalidEnterpriseTransitionException } from './enterprise.exception.js';
import { allowedTransitions, transitionTarget, type EnterpriseAction } from './enterprise-transitions.js';
import { EnterprisesRepository } from './enterprises.repository.js';

export interface StatusChangeRequest {
  id: string;
  action: EnterpriseAction;
  reason: string | null;
  /** From an optional If-Match: when given, a different stored version is a 412. */
  expectedVersion: number | null;
  now: Date;
}

export interface StatusChange {
  enterprise: EnterpriseEntity;
  previousStatus: EnterpriseStatus;
}

/**
 * The step the verification, suspension and reinstatement use cases share: lock the row, check
 * the version and the transition, write the new status. Runs inside the caller's transaction.
 */
@Injectable()
export class EnterpriseStatusChanger {
  constructor(private readonly enterprises: EnterprisesRepository) {}

  async apply(manager: EntityManager, request: StatusChangeRequest): Promise<StatusChange> {
    const enterprise = await this.enterprises.findByIdForUpdate(manager, request.id);
    if (!enterprise) throw new EnterpriseNotFoundException(request.id);
    if (request.expectedVersion !== null && request.expectedVersion !== enterprise.version) {
      throw new StaleVersionException(enterprise.version);
    }
    const previousStatus = enterprise.status;
    const target = transitionTarget(previousStatus, request.action);
    if (target === null) {
      throw new InvalidEnterpriseTransitionException(
        previousStatus,
        request.action,
        allowedTransitions(previousStatus),
      );
    }
    const expectedVersion = enterprise.version;
    enterprise.status = target;
    enterprise.statusReason = request.reason;
    enterprise.version = expectedVersion + 1;
    enterprise.updatedAt = request.now;
    if (!(await this.enterprises.update(manager, enterprise, expectedVersion))) {
      // Unreachable while the row is locked; kept so a future change of locking cannot lose writes.
      throw new StaleVersionException(expectedVersion);
    }
    return { enterprise, previousStatus };
  }
}
