import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Caller } from '#auth';
import { AppException, validationFailed } from '#runtime';
import { checkDemandContent } from '../demand-rules.js';
import { DemandEntity } from '../demand.entity.js';
import { DemandException } from '../demand.exception.js';
import { DemandsRepository } from '../demands.repository.js';
import type { CreateDemandDto } from '../dto/demand-input.dto.js';
import { DemandLoader } from './demand-context.js';

/** Creates a draft. Nothing reaches matching until it is published by a verified enterprise. */
@Injectable()
export class CreateDemandUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly demands: DemandsRepository,
    private readonly loader: DemandLoader,
  ) {}

  async execute(caller: Caller, input: CreateDemandDto): Promise<DemandEntity> {
    const enterpriseId = this.enterpriseFor(caller, input.enterpriseId);
    const { demand, problems } = checkDemandContent(input, { requireFutureDeadline: true });
    if (problems.length) throw validationFailed(problems);
    return this.dataSource.transaction(async (manager) => {
      const enterprise = await this.loader.enterprise(manager, enterpriseId, { forShare: true });
      if (!enterprise) throw DemandException.enterpriseNotRegistered(enterpriseId);
      if (enterprise.status === 'rejected') throw DemandException.enterpriseBlocked('rejected');
      const entity = Object.assign(new DemandEntity(), {
        id: randomUUID(),
        enterpriseId,
        ...demand,
        hiredCount: 0,
        status: 'draft' as const,
        closeReason: null,
        pauseCause: null,
        version: 1,
        publishedAt: null,
      });
      return this.demands.insert(manager, entity);
    });
  }

  private enterpriseFor(caller: Caller, requested: string | undefined): string {
    if (caller.role === 'enterprise') {
      if (requested && requested !== caller.orgId) {
        throw new AppException('tenant_forbidden', 403, '只能为本企业创建需求', { field: 'enterpriseId' });
      }
      return caller.orgId!;
    }
    if (!requested) {
      throw validationFailed([
        { field: 'enterpriseId', problem: '代企业创建需求时必须指定企业', constraint: 'isDefined', detail: 'required' },
      ]);
    }
    return requested;
  }
}
