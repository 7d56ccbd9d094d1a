import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Caller } from '#auth';
import { AcceptedEnterprisesRepository } from '../accepted-enterprises.repository.js';
import { ContactRevealsRepository } from '../contact-reveals.repository.js';
import { graduateAudienceOf, revealOf, type GraduateAudience } from '../graduate-access.policy.js';
import type { GraduateEntity } from '../graduate.entity.js';
import { GraduateNotFoundException } from '../graduate.exception.js';
import { GraduatesRepository } from '../graduates.repository.js';

export interface GraduateView {
  graduate: GraduateEntity;
  audience: GraduateAudience;
}

/**
 * One graduate's profile for the graduate, the own college or an accepted enterprise. Contact data
 * shown to anyone but the graduate is written to contact_reveals in the same transaction as the
 * read: no audit row, no response.
 */
@Injectable()
export class GetGraduateUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly graduates: GraduatesRepository,
    private readonly accepted: AcceptedEnterprisesRepository,
    private readonly reveals: ContactRevealsRepository,
  ) {}

  async execute(caller: Caller, id: string): Promise<GraduateView> {
    return this.dataSource.transaction(async (manager) => {
      const graduate = await this.graduates.findById(manager, id);
      if (!graduate || graduate.erasedAt) throw new GraduateNotFoundException(id);
      const acceptedByGraduate =
        caller.role === 'enterprise' && caller.orgId !== null
          ? await this.accepted.hasActiveGrant(manager, graduate.id, caller.orgId)
          : false;
      const audience = graduateAudienceOf(caller, graduate, acceptedByGraduate);
      if (!audience) throw new GraduateNotFoundException(id);
      const reveal = revealOf(audience, graduate);
      if (reveal) {
        await this.reveals.append(manager, {
          graduateId: graduate.id,
          viewerRole: caller.role,
          viewerId: caller.subject,
          viewerOrgId: caller.orgId,
          fields: reveal.fields,
          reason: reveal.reason,
        });
      }
      return { graduate, audience };
    });
  }
}
