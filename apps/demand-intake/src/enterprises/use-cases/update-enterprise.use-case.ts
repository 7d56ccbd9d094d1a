import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Caller } from '#auth';
import { EnterpriseUpdatedV1Contract } from '#contracts';
import { OutboxWriter } from '#messaging';
import { isValidIndustry } from '#reference';
import { StaleVersionException } from '#runtime';
import type { EnterpriseEntity } from '../enterprise.entity.js';
import { EnterpriseFieldException, EnterpriseNotFoundException } from '../enterprise.exception.js';
import { mayEditEnterprise } from '../enterprise-access.policy.js';
import { toSnapshot } from '../enterprise.mapper.js';
import { EnterprisesRepository } from '../enterprises.repository.js';
import { industryDivisionProblem } from '../dto/enterprise-field.validators.js';
import type { UpdateEnterpriseDto } from '../dto/update-enterprise.dto.js';
import type { EnterpriseResult } from './enterprise-result.js';

export interface UpdateEnterpriseCommand {
  caller: Caller;
  id: string;
  changes: UpdateEnterpriseDto;
  /** From If-Match: the version the client last read. */
  expectedVersion: number;
  correlationId: string;
}

type Editable = Pick<
  EnterpriseEntity,
  | 'name'
  | 'industrySection'
  | 'industryDivision'
  | 'regionCode'
  | 'size'
  | 'integrationCertified'
  | 'contactName'
  | 'contactPhone'
  | 'contactEmail'
>;

/**
 * 企业信息修改 by the enterprise itself or a platform admin: only the fields sent change, under
 * optimistic concurrency. A request that changes nothing leaves the version (and the topic) alone.
 */
@Injectable()
export class UpdateEnterpriseUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enterprises: EnterprisesRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({
    caller,
    id,
    changes,
    expectedVersion,
    correlationId,
  }: UpdateEnterpriseCommand): Promise<EnterpriseResult> {
    // Another enterprise learns nothing, not even whether the id exists.
    if (!mayEditEnterprise(caller, id)) throw new EnterpriseNotFoundException(id);

    const enterprise = await this.dataSource.transaction(async (manager) => {
      const current = await this.enterprises.findByIdForUpdate(manager, id);
      if (!current) throw new EnterpriseNotFoundException(id);
      if (current.version !== expectedVersion) throw new StaleVersionException(current.version);

      const next: Editable = {
        name: changes.name ?? current.name,
        industrySection: changes.industrySection ?? current.industrySection,
        industryDivision: changes.industryDivision ?? current.industryDivision,
        regionCode: changes.regionCode ?? current.regionCode,
        size: changes.size ?? current.size,
        integrationCertified: changes.integrationCertified ?? current.integrationCertified,
        contactName: changes.contact?.name ?? current.contactName,
        contactPhone: changes.contact?.phone ?? current.contactPhone,
        contactEmail: changes.contact?.email ?? current.contactEmail,
      };
      if (!isValidIndustry(next.industrySection, next.industryDivision)) {
        // Only reachable when one of the pair changes alone: the DTO checks a pair sent together.
        throw new EnterpriseFieldException(
          'industryDivision',
          industryDivisionProblem(next.industrySection, next.industryDivision) ?? '大类与门类不匹配',
          'isIndustryDivision',
        );
      }
      const changed = (Object.keys(next) as (keyof Editable)[]).some((key) => next[key] !== current[key]);
      if (!changed) return current;

      Object.assign(current, next, { version: current.version + 1, updatedAt: new Date() });
      if (!(await this.enterprises.update(manager, current, expectedVersion))) {
        throw new StaleVersionException(expectedVersion);
      }
      await this.outbox.append(manager, EnterpriseUpdatedV1Contract, toSnapshot(current), { correlationId });
      return current;
    });
    return { enterprise, audience: caller.role === 'platform_admin' ? 'admin' : 'owner' };
  }
}
