import type { EnterpriseSnapshotV1 } from '#contracts';
import { regionByCode } from '#reference';
import { maskContact, type ContactPerson } from './contact-masking.js';
import { seesContactUnmasked, type EnterpriseAudience } from './enterprise-access.policy.js';
import type { EnterpriseEntity } from './enterprise.entity.js';
import type { EnterpriseResponseDto } from './dto/enterprise.response.dto.js';

/** The enterprise as other services (and other contexts) see it: no contact person. */
export function toSnapshot(entity: EnterpriseEntity): EnterpriseSnapshotV1 {
  return {
    enterpriseId: entity.id,
    name: entity.name,
    creditCode: entity.creditCode,
    industrySection: entity.industrySection,
    industryDivision: entity.industryDivision,
    regionCode: entity.regionCode,
    size: entity.size,
    integrationCertified: entity.integrationCertified,
    status: entity.status,
    version: entity.version,
  };
}

export function contactOf(entity: EnterpriseEntity): ContactPerson {
  return { name: entity.contactName, phone: entity.contactPhone, email: entity.contactEmail };
}

/** The API view of an enterprise for one audience (see enterprise-access.policy.ts). */
export function toEnterpriseResponse(entity: EnterpriseEntity, audience: EnterpriseAudience): EnterpriseResponseDto {
  const contact = contactOf(entity);
  return {
    id: entity.id,
    name: entity.name,
    creditCode: entity.creditCode,
    industrySection: entity.industrySection,
    industryDivision: entity.industryDivision,
    regionCode: entity.regionCode,
    regionName: regionByCode(entity.regionCode)?.fullName ?? null,
    size: entity.size,
    integrationCertified: entity.integrationCertified,
    contact: seesContactUnmasked(audience) ? contact : maskContact(contact),
    status: entity.status,
    statusReason: audience === 'public' ? null : entity.statusReason,
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
