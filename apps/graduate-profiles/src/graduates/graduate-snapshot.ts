import { createHash } from 'node:crypto';
import type { GraduateSnapshotV1 } from '#contracts';
import type { GraduateEntity } from './graduate.entity.js';

type SnapshotSource = Pick<
  GraduateEntity,
  | 'id'
  | 'collegeId'
  | 'majorCode'
  | 'majorCatalogueYear'
  | 'degree'
  | 'graduationYear'
  | 'skills'
  | 'certificates'
  | 'internships'
  | 'gpaPercentile'
  | 'preferences'
  | 'personalisedRanking'
  | 'consentStatus'
  | 'version'
>;

/** What matching may know about a graduate: no name, student number, contacts or employer names. */
export function graduateSnapshot(g: SnapshotSource): GraduateSnapshotV1 {
  return {
    graduateId: g.id,
    collegeId: g.collegeId,
    major: { code: g.majorCode, catalogueYear: g.majorCatalogueYear },
    degree: g.degree,
    graduationYear: g.graduationYear,
    skills: g.skills,
    certificates: g.certificates,
    internships: g.internships.map((i) => ({ industrySection: i.industrySection, months: i.months })),
    gpaPercentile: g.gpaPercentile,
    preferences: {
      cities: g.preferences.cities,
      industries: g.preferences.industries,
      demandKinds: g.preferences.demandKinds,
      minMonthlySalary: g.preferences.minMonthlySalary,
      willingToRelocate: g.preferences.willingToRelocate,
    },
    personalisedRanking: g.personalisedRanking,
    consentStatus: g.consentStatus,
    version: g.version,
  };
}

type HashSource = Omit<SnapshotSource, 'id' | 'collegeId' | 'consentStatus' | 'version'> &
  Pick<GraduateEntity, 'studentNumber' | 'name' | 'department' | 'majorName' | 'phone' | 'email'>;

const sha256 = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * What matching uses, in a fixed order: a change here, and only here, emits GraduateProfileUpsertedV1.
 * Consent has its own event, so it is left out.
 */
export function matchingHashOf(g: HashSource): string {
  return sha256([
    g.majorCode,
    g.majorCatalogueYear,
    g.degree,
    g.graduationYear,
    g.skills,
    g.certificates,
    g.internships.map((i) => [i.industrySection, i.months]),
    g.gpaPercentile,
    [
      g.preferences.cities,
      g.preferences.industries,
      g.preferences.demandKinds,
      g.preferences.minMonthlySalary,
      g.preferences.willingToRelocate,
    ],
    g.personalisedRanking,
  ]);
}

/** Every stored field of the profile: an identical re-upload leaves the row (and its version) alone. */
export function contentHashOf(g: HashSource): string {
  return sha256([
    matchingHashOf(g),
    g.studentNumber,
    g.name,
    g.department,
    g.majorName,
    g.internships.map((i) => [i.enterprise, i.role]),
    g.phone,
    g.email,
  ]);
}
