import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EnterpriseSnapshotV1 } from '#contracts';
import { EnterprisesRepository } from '../../enterprises/enterprises.repository.js';
import { toSnapshot } from '../../enterprises/enterprise.mapper.js';
import { NotFoundAppException } from '#runtime';
import type { Caller } from '#auth';
import { canChangeDemand } from '../demand-access.js';
import type { DemandEntity } from '../demand.entity.js';
import { DemandsRepository } from '../demands.repository.js';

/** Loads what every demand use case needs, with the same 404 rules everywhere. */
@Injectable()
export class DemandLoader {
  constructor(
    private readonly demands: DemandsRepository,
    private readonly enterprises: EnterprisesRepository,
  ) {}

  /**
   * `forShare` holds the enterprise row until the transaction ends, so a demand cannot be
   * published while its enterprise is being suspended (the suspension waits, or we do).
   */
  async enterprise(
    manager: EntityManager,
    enterpriseId: string,
    { forShare = false } = {},
  ): Promise<EnterpriseSnapshotV1 | null> {
    const entity = forShare
      ? await this.enterprises.findByIdForShare(manager, enterpriseId)
      : await this.enterprises.findById(manager, enterpriseId);
    return entity ? toSnapshot(entity) : null;
  }

  /** Locks a demand the caller may change; anything else is a 404. */
  async lockForChange(
    manager: EntityManager,
    caller: Caller,
    id: string,
  ): Promise<{ demand: DemandEntity; enterprise: EnterpriseSnapshotV1 }> {
    const demand = await this.demands.lockById(manager, id);
    if (!demand || !canChangeDemand(caller, demand)) throw new NotFoundAppException('需求', id);
    const enterprise = await this.enterprise(manager, demand.enterpriseId, { forShare: true });
    if (!enterprise) throw new NotFoundAppException('企业', demand.enterpriseId);
    return { demand, enterprise };
  }
}
