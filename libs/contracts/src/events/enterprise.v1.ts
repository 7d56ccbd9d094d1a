import { IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, Min } from 'class-validator';
import { defineEvent } from '../event-contract.js';
import { REGION_CODE_PATTERN } from '../domain/codes.js';
import {
  ENTERPRISE_SIZES,
  ENTERPRISE_STATUSES,
  type EnterpriseSize,
  type EnterpriseStatus,
} from '../domain/enterprise.js';
import { TOPICS } from '../topics.js';

/** An enterprise as other services see it: no contact person, no phone, no e-mail. */
export class EnterpriseSnapshotV1 {
  @IsString()
  @IsNotEmpty()
  enterpriseId!: string;

  @IsString()
  @IsNotEmpty()
  name!: string;

  /** 统一社会信用代码: public business registration data, not personal data. */
  @Matches(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/)
  creditCode!: string;

  @Matches(/^[A-T]$/)
  industrySection!: string;

  @Matches(/^\d{2}$/)
  industryDivision!: string;

  @Matches(REGION_CODE_PATTERN)
  regionCode!: string;

  @IsIn(ENTERPRISE_SIZES)
  size!: EnterpriseSize;

  /** Certified 产教融合型企业. */
  @IsBoolean()
  integrationCertified!: boolean;

  @IsIn(ENTERPRISE_STATUSES)
  status!: EnterpriseStatus;

  @IsInt()
  @Min(1)
  version!: number;
}

export class EnterpriseRegisteredV1 extends EnterpriseSnapshotV1 {}
export class EnterpriseUpdatedV1 extends EnterpriseSnapshotV1 {}

export class EnterpriseVerifiedV1 {
  @IsString()
  @IsNotEmpty()
  enterpriseId!: string;

  /** verified, or rejected with a reason; also sent when a suspension is lifted (verified). */
  @IsIn(['verified', 'rejected'])
  status!: 'verified' | 'rejected';

  @IsOptional()
  @IsString()
  reason!: string | null;

  @IsISO8601()
  decidedAt!: string;

  @IsInt()
  @Min(1)
  version!: number;
}

export class EnterpriseSuspendedV1 {
  @IsString()
  @IsNotEmpty()
  enterpriseId!: string;

  @IsString()
  @IsNotEmpty()
  reason!: string;

  @IsISO8601()
  suspendedAt!: string;

  @IsInt()
  @Min(1)
  version!: number;
}

const byEnterprise = (p: { enterpriseId: string }) => p.enterpriseId;

export const EnterpriseRegisteredV1Contract = defineEvent({
  eventType: 'EnterpriseRegistered',
  eventVersion: 1,
  topic: TOPICS.enterprises,
  payloadClass: EnterpriseRegisteredV1,
  keyOf: byEnterprise,
});

export const EnterpriseUpdatedV1Contract = defineEvent({
  eventType: 'EnterpriseUpdated',
  eventVersion: 1,
  topic: TOPICS.enterprises,
  payloadClass: EnterpriseUpdatedV1,
  keyOf: byEnterprise,
});

export const EnterpriseVerifiedV1Contract = defineEvent({
  eventType: 'EnterpriseVerified',
  eventVersion: 1,
  topic: TOPICS.enterprises,
  payloadClass: EnterpriseVerifiedV1,
  keyOf: byEnterprise,
});

export const EnterpriseSuspendedV1Contract = defineEvent({
  eventType: 'EnterpriseSuspended',
  eventVersion: 1,
  topic: TOPICS.enterprises,
  payloadClass: EnterpriseSuspendedV1,
  keyOf: byEnterprise,
});
