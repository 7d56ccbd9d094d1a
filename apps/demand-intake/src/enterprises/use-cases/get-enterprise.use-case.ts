import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Caller } from '#auth';
import { EnterpriseNotFoundException } from '../enterprise.exception.js';
import { audienceOf } from '../enterprise-access.policy.js';
import { EnterprisesRepository } from '../enterprises.repository.js';
import type { EnterpriseResult } from './enterprise-result.js';

export interface GetEnterpriseQuery {
  caller: Caller;
  id: string;
}

/**
 * One enterprise as the caller may see it. An enterprise the caller may not see is a 404 like an
 * unknown id: another enterprise's data, or an unverified enterprise for colleges and graduates.
 */
@Injectable()
export class GetEnterpriseUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enterprises: EnterprisesRepository,
  ) {}

  async execute({ caller, id }: GetEnterpriseQuery): Promise<EnterpriseResult> {
    if (caller.role === 'enterprise' && caller.orgId !== id) throw new EnterpriseNotFoundException(id);
    const enterprise = await this.enterprises.findById(this.dataSource.manager, id);
    const audience = enterprise ? audienceOf(caller, enterprise) : null;
    if (!enterprise || !audience) throw new EnterpriseNotFoundException(id);
    return { enterprise, audience };
  }
}
