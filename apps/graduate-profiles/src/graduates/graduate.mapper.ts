import type { GraduateEntity } from './graduate.entity.js';
import { disclosureFor, type GraduateAudience } from './graduate-access.policy.js';
import { discloseIdentity, type Disclosure } from './graduate-masking.js';
import type { GraduateListItemDto, GraduateResponseDto } from './dto/graduate.response.dto.js';

/**
 * The profile as one audience may see it (see graduate-access.policy.ts); `disclosure` narrows it
 * further where contacts in clear would be a reveal nobody audited.
 */
export function toGraduateResponse(
  g: GraduateEntity,
  audience: GraduateAudience,
  disclosure: Disclosure = disclosureFor(audience),
): GraduateResponseDto {
  const identity = discloseIdentity(g, disclosure);
  return {
    id: g.id,
    collegeId: g.collegeId,
    studentNumber: identity.studentNumber,
    name: identity.name,
    department: g.department,
    major: { code: g.majorCode, name: g.majorName, catalogueYear: g.majorCatalogueYear },
    degree: g.degree,
    graduationYear: g.graduationYear,
    skills: g.skills,
    certificates: g.certificates,
    internships: g.internships,
    gpaPercentile: g.gpaPercentile,
    preferences: g.preferences,
    phone: identity.phone,
    email: identity.email,
    personalisedRanking: g.personalisedRanking,
    consent: { scope: 'recommend', status: g.consentStatus, changedAt: g.consentChangedAt?.toISOString() ?? null },
    version: g.version,
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  };
}

/** A row of the college's list: name and student number in clear (the college's own roster), contacts masked. */
export function toGraduateListItem(g: GraduateEntity): GraduateListItemDto {
  const identity = discloseIdentity(g, { name: true, studentNumber: true, contacts: false });
  return {
    id: g.id,
    studentNumber: identity.studentNumber ?? '',
    name: identity.name ?? '',
    department: g.department,
    major: { code: g.majorCode, name: g.majorName, catalogueYear: g.majorCatalogueYear },
    degree: g.degree,
    graduationYear: g.graduationYear,
    phone: identity.phone,
    email: identity.email,
    consentStatus: g.consentStatus,
    version: g.version,
    updatedAt: g.updatedAt.toISOString(),
  };
}
