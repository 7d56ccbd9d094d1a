import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { DestinationSource } from '#contracts';

/** One 毕业去向 registration. Never updated: a newer registration supersedes it. */
@Entity({ schema: 'graduate-profiles', name: 'destinations' })
export class DestinationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Insert order, the tie-breaker between registrations of one graduate in the same millisecond. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq!: string;

  @Column({ name: 'graduate_id', type: 'uuid' })
  graduateId!: string;

  @Column({ name: 'college_id', type: 'text' })
  collegeId!: string;

  /** Code of the reference table (libs/reference graduate-destinations.csv), e.g. `11`. */
  @Column({ name: 'category_code', type: 'text' })
  categoryCode!: string;

  /** 落实日期 (YYYY-MM-DD): contract signed, admission received, business registered… */
  @Column({ name: 'destination_date', type: 'date', nullable: true })
  destinationDate!: string | null;

  @Column({ name: 'employer_or_school', type: 'text', nullable: true })
  employerOrSchool!: string | null;

  /** GB/T 2260 city or district code. */
  @Column({ name: 'city_code', type: 'text', nullable: true })
  cityCode!: string | null;

  /** Reference to the proof (contract number, admission letter, file id…). */
  @Column({ name: 'evidence_ref', type: 'text', nullable: true })
  evidenceRef!: string | null;

  @Column({ type: 'text' })
  source!: DestinationSource;

  @Column({ name: 'recorded_by_role', type: 'text' })
  recordedByRole!: string;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy!: string;

  @Column({ name: 'enterprise_id', type: 'text', nullable: true })
  enterpriseId!: string | null;

  @Column({ name: 'demand_id', type: 'text', nullable: true })
  demandId!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', precision: 3 })
  recordedAt!: Date;
}

export const AUDIT_DECISIONS = ['confirm', 'return'] as const;
export type AuditDecision = (typeof AUDIT_DECISIONS)[number];

/** A college's audit decision on a registration; the latest one decides its status. */
@Entity({ schema: 'graduate-profiles', name: 'destination_audits' })
export class DestinationAuditEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'destination_id', type: 'uuid' })
  destinationId!: string;

  @Column({ type: 'text' })
  decision!: AuditDecision;

  /** The category in force after this decision (the college may correct it when confirming). */
  @Column({ name: 'category_code', type: 'text' })
  categoryCode!: string;

  /** Why it was returned (required for a return). */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** Issued with each confirmation; anyone holding it can check the registration. */
  @Column({ name: 'verification_number', type: 'text', nullable: true })
  verificationNumber!: string | null;

  @Column({ name: 'decided_by', type: 'text' })
  decidedBy!: string;

  @Column({ name: 'decided_at', type: 'timestamptz', precision: 3 })
  decidedAt!: Date;
}

/** Enterprise names as demand-intake announces them (EnterpriseRegisteredV1 / EnterpriseUpdatedV1). */
@Entity({ schema: 'graduate-profiles', name: 'enterprise_names' })
export class EnterpriseNameEntity {
  @PrimaryColumn({ name: 'enterprise_id', type: 'text' })
  enterpriseId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
