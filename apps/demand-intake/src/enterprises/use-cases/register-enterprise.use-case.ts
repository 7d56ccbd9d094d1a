import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { FORBIDDEN_MESSAGES, type Caller } from '#auth';
import { EnterpriseRegisteredV1Contract } from '#contracts';
import { OutboxWriter } from '#messaging';
import { EnterpriseEntity } from '../enterprise.entity.js';
import { CreditCodeTakenException, EnterpriseAlreadyRegisteredException } from '../enterprise.exception.js';
import { audienceOf, mayRegisterEnterprise } from '../enterprise-access.policy.js';
import { toSnapshot } from '../enterprise.mapper.js';
import { EnterprisesRepository } from '../enterprises.repository.js';
import type { RegisterEnterpriseDto } from '../dto/register-enterprise.dto.js';
import type { EnterpriseResult } from './enterprise-result.js';

export interface RegisterEnterpriseCommand {
  /** enterprise (registers itself), organizer or platform_admin (on an enterprise's behalf). */
  caller: Caller;
  input: RegisterEnterpriseDto;
  correlationId: string;
}

/**
 * 企业注册: an enterprise registers its own organisation (the id is its org id, once), or staff
 * register one on its behalf (a new id). New enterprises wait for verification.
 */
@Injectable()
export class RegisterEnterpriseUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enterprises: EnterprisesRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ caller, input, correlationId }: RegisterEnterpriseCommand): Promise<EnterpriseResult> {
    if (!mayRegisterEnterprise(caller)) {
      // The route's @Roles already refuses these; kept so the rule holds wherever this runs.
      throw new ForbiddenException({
        statusCode: 403,
        code: 'role_forbidden',
        message: FORBIDDEN_MESSAGES.role_forbidden,
      });
    }
    const selfRegistration = caller.role === 'enterprise';
    const id = selfRegistration && caller.orgId ? caller.orgId : randomUUID();
    const now = new Date();
    const enterprise = Object.assign(new EnterpriseEntity(), {
      id,
      name: input.name,
      creditCode: input.creditCode,
      industrySection: input.industrySection,
      industryDivision: input.industryDivision,
      regionCode: input.regionCode,
      size: input.size,
      integrationCertified: input.integrationCertified ?? false,
      contactName: input.contact.name,
      contactPhone: input.contact.phone,
      contactEmail: input.contact.email,
      status: 'pending',
      statusReason: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    } satisfies EnterpriseEntity);

    await this.dataSource.transaction(async (manager) => {
      if (selfRegistration && (await this.enterprises.findById(manager, id))) {
        throw new EnterpriseAlreadyRegisteredException(id);
      }
      if (await this.enterprises.findByCreditCode(manager, enterprise.creditCode)) {
        throw new CreditCodeTakenException(enterprise.creditCode);
      }
      await this.enterprises.insert(manager, enterprise);
      await this.outbox.append(manager, EnterpriseRegisteredV1Contract, toSnapshot(enterprise), { correlationId });
    });
    return { enterprise, audience: audienceOf(caller, enterprise) ?? 'organizer' };
  }
}
