import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { DegreeLevel, DemandCloseReason, DemandKind, DemandStatus } from '#contracts';

export interface DemandMajor {
  code: string;
  catalogueYear: number;
}

export interface DemandSkill {
  skillId: string;
  weight: number;
  required: boolean;
}

/** Fields that only some kinds carry. */
export interface DemandKindDetails {
  internship?: { durationMonths: number; stipendMonthly: number };
  apprenticeship?: { durationMonths: number; trainingProvider: string | null };
  orderTraining?: {
    partnerCollegeIds: string[];
    cohortSize: number;
    trainingStartTerm: string;
    hireCommitment: string;
  };
}

@Entity({ name: 'demands', schema: 'demand-intake' })
@Index('demands_enterprise_idx', ['enterpriseId', 'createdAt'])
@Index('demands_status_deadline_idx', ['status', 'deadline'])
export class DemandEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'enterprise_id', type: 'text' })
  enterpriseId!: string;

  @Column({ type: 'text' })
  kind!: DemandKind;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ name: 'occupation_code', type: 'text', nullable: true })
  occupationCode!: string | null;

  @Column({ type: 'integer' })
  headcount!: number;

  @Column({ name: 'hired_count', type: 'integer', default: 0 })
  hiredCount!: number;

  @Column({ type: 'jsonb' })
  majors!: DemandMajor[];

  @Column({ name: 'min_degree', type: 'text' })
  minDegree!: DegreeLevel;

  @Column({ type: 'jsonb' })
  skills!: DemandSkill[];

  @Column({ type: 'text', array: true })
  certificates!: string[];

  @Column({ type: 'text', array: true })
  cities!: string[];

  @Column({ name: 'salary_min', type: 'integer' })
  salaryMin!: number;

  @Column({ name: 'salary_max', type: 'integer' })
  salaryMax!: number;

  @Column({ name: 'graduation_years', type: 'integer', array: true })
  graduationYears!: number[];

  /** Last day applications are accepted (China Standard Time). */
  @Column({ type: 'date' })
  deadline!: string;

  @Column({ name: 'kind_details', type: 'jsonb', default: () => `'{}'::jsonb` })
  kindDetails!: DemandKindDetails;

  @Column({ type: 'text' })
  status!: DemandStatus;

  @Column({ name: 'close_reason', type: 'text', nullable: true })
  closeReason!: DemandCloseReason | null;

  /** Why a paused demand is paused: its owner, or the enterprise's suspension. */
  @Column({ name: 'pause_cause', type: 'text', nullable: true })
  pauseCause!: 'enterprise' | 'enterprise_suspended' | null;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** One row per (demand, graduate): a hire counts once however often it is announced. */
@Entity({ name: 'demand_hires', schema: 'demand-intake' })
export class DemandHireEntity {
  @PrimaryColumn({ name: 'demand_id', type: 'uuid' })
  demandId!: string;

  @PrimaryColumn({ name: 'graduate_id', type: 'text' })
  graduateId!: string;

  @Column({ name: 'hired_at', type: 'timestamptz' })
  hiredAt!: Date;
}
