import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../event-contract.js';
import { DEGREE_LEVELS, type DegreeLevel } from '../domain/degree-level.js';
import { DEMAND_KINDS, type DemandKind } from '../domain/demand-kind.js';
import { REGION_CODE_PATTERN } from '../domain/codes.js';
import {
  COLLEGE_TYPES,
  CONSENT_SCOPES,
  CONSENT_STATUSES,
  type CollegeType,
  type ConsentScope,
  type ConsentStatus,
} from '../domain/graduate.js';
import { TOPICS } from '../topics.js';
import { MajorRefV1 } from './shared-payloads.js';

export class CollegeSnapshotV1 {
  @IsString()
  @IsNotEmpty()
  collegeId!: string;

  @IsString()
  @IsNotEmpty()
  name!: string;

  /** 学校标识码, 10 digits. */
  @Matches(/^\d{10}$/)
  schoolCode!: string;

  @IsIn(COLLEGE_TYPES)
  type!: CollegeType;

  @Matches(REGION_CODE_PATTERN)
  regionCode!: string;

  @IsInt()
  @Min(1)
  version!: number;
}

/** A college registered (or changed: same event, newer version; consumers keep the latest). */
export class CollegeRegisteredV1 {
  @ValidateNested()
  @Type(() => CollegeSnapshotV1)
  college!: CollegeSnapshotV1;

  @IsISO8601()
  registeredAt!: string;
}

export class InternshipV1 {
  @IsOptional()
  @Matches(/^[A-T]$/)
  industrySection!: string | null;

  @IsNumber()
  @Min(0)
  months!: number;
}

export class GraduatePreferencesV1 {
  @IsArray()
  @Matches(REGION_CODE_PATTERN, { each: true })
  cities!: string[];

  /** GB/T 4754 门类 letters. */
  @IsArray()
  @Matches(/^[A-T]$/, { each: true })
  industries!: string[];

  @IsArray()
  @IsIn(DEMAND_KINDS, { each: true })
  demandKinds!: DemandKind[];

  @IsOptional()
  @IsInt()
  @Min(0)
  minMonthlySalary!: number | null;

  @IsBoolean()
  willingToRelocate!: boolean;
}

/**
 * What matching needs to rank a graduate. No name, student number, phone or e-mail, and no
 * internship employer names: the shortlist an enterprise sees is anonymous.
 */
export class GraduateSnapshotV1 {
  @IsString()
  @IsNotEmpty()
  graduateId!: string;

  @IsString()
  @IsNotEmpty()
  collegeId!: string;

  @ValidateNested()
  @Type(() => MajorRefV1)
  major!: MajorRefV1;

  @IsIn(DEGREE_LEVELS)
  degree!: DegreeLevel;

  @IsInt()
  graduationYear!: number;

  /** Normalised skill ids. */
  @IsArray()
  @IsString({ each: true })
  skills!: string[];

  @IsArray()
  @IsString({ each: true })
  certificates!: string[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => InternshipV1)
  internships!: InternshipV1[];

  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  gpaPercentile!: number | null;

  @ValidateNested()
  @Type(() => GraduatePreferencesV1)
  preferences!: GraduatePreferencesV1;

  /** False when the graduate switched off personalised ranking (neutral order, still recommendable). */
  @IsBoolean()
  personalisedRanking!: boolean;

  @IsIn(CONSENT_STATUSES)
  consentStatus!: ConsentStatus;

  @IsInt()
  @Min(1)
  version!: number;
}

/** Emitted only when something matching uses changed; re-importing the same data emits nothing. */
export class GraduateProfileUpsertedV1 {
  @ValidateNested()
  @Type(() => GraduateSnapshotV1)
  graduate!: GraduateSnapshotV1;

  @IsISO8601()
  upsertedAt!: string;
}

export class GraduateConsentChangedV1 {
  @IsString()
  @IsNotEmpty()
  graduateId!: string;

  @IsString()
  @IsNotEmpty()
  collegeId!: string;

  @IsIn(CONSENT_SCOPES)
  scope!: ConsentScope;

  @IsIn(['given', 'withdrawn'])
  status!: 'given' | 'withdrawn';

  /** Who acted: the graduate, or the college recording consent with evidence. */
  @IsIn(['graduate', 'college'])
  actor!: 'graduate' | 'college';

  @IsISO8601()
  changedAt!: string;
}

/** After erasure only an anonymous record remains here; every consumer must forget the graduate. */
export class GraduateErasedV1 {
  @IsString()
  @IsNotEmpty()
  graduateId!: string;

  @IsString()
  @IsNotEmpty()
  collegeId!: string;

  @IsISO8601()
  erasedAt!: string;
}

export const CollegeRegisteredV1Contract = defineEvent({
  eventType: 'CollegeRegistered',
  eventVersion: 1,
  topic: TOPICS.colleges,
  payloadClass: CollegeRegisteredV1,
  keyOf: (p) => p.college.collegeId,
});

export const GraduateProfileUpsertedV1Contract = defineEvent({
  eventType: 'GraduateProfileUpserted',
  eventVersion: 1,
  topic: TOPICS.graduates,
  payloadClass: GraduateProfileUpsertedV1,
  keyOf: (p) => p.graduate.graduateId,
});

export const GraduateConsentChangedV1Contract = defineEvent({
  eventType: 'GraduateConsentChanged',
  eventVersion: 1,
  topic: TOPICS.graduates,
  payloadClass: GraduateConsentChangedV1,
  keyOf: (p) => p.graduateId,
});

export const GraduateErasedV1Contract = defineEvent({
  eventType: 'GraduateErased',
  eventVersion: 1,
  topic: TOPICS.graduates,
  payloadClass: GraduateErasedV1,
  keyOf: (p) => p.graduateId,
});
