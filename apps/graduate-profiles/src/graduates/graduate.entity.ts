import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConsentStatus, DegreeLevel, DemandKind } from '#contracts';

export interface Internship {
  /** Employer name as the college recorded it; never leaves this service. */
  enterprise: string;
  /** GB/T 4754 门类 letter, when known. */
  industrySection: string | null;
  months: number;
  role: string | null;
}

export interface GraduatePreferences {
  /** GB/T 2260 city (4-digit prefix as 6 digits, e.g. 330100) or district codes. */
  cities: string[];
  /** GB/T 4754 门类 letters. */
  industries: string[];
  demandKinds: DemandKind[];
  minMonthlySalary: number | null;
  willingToRelocate: boolean;
}

/**
 * 毕业生. Name, student number, phone and e-mail are personal data: they never leave this service
 * in events and are masked except for the graduate, the own college and an accepted enterprise.
 * After erasure (`erasedAt` set) only college, department, major, degree and cohort remain.
 */
@Entity({ schema: 'graduate-profiles', name: 'graduates' })
export class GraduateEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'college_id', type: 'text' })
  collegeId!: string;

  /** 学号, unique within the college; null after erasure. */
  @Column({ name: 'student_number', type: 'text', nullable: true })
  studentNumber!: string | null;

  @Column({ type: 'text', nullable: true })
  name!: string | null;

  /** 院系. */
  @Column({ type: 'text' })
  department!: string;

  /** 6-digit major code, with the 本科 catalogue's T/K suffix when it has one. */
  @Column({ name: 'major_code', type: 'text' })
  majorCode!: string;

  @Column({ name: 'major_name', type: 'text' })
  majorName!: string;

  @Column({ name: 'major_catalogue_year', type: 'integer' })
  majorCatalogueYear!: number;

  @Column({ type: 'text' })
  degree!: DegreeLevel;

  /** 届: the cohort. */
  @Column({ name: 'graduation_year', type: 'integer' })
  graduationYear!: number;

  /** Normalised skill ids. */
  @Column({ type: 'jsonb' })
  skills!: string[];

  @Column({ type: 'jsonb' })
  certificates!: string[];

  @Column({ type: 'jsonb' })
  internships!: Internship[];

  /** Academic standing: 0 = bottom, 100 = top of the cohort. */
  @Column({
    name: 'gpa_percentile',
    type: 'numeric',
    precision: 5,
    scale: 2,
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  gpaPercentile!: number | null;

  @Column({ type: 'jsonb' })
  preferences!: GraduatePreferences;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  /** False: the graduate switched off personalised ranking (算法推荐 opt-out). */
  @Column({ name: 'personalised_ranking', type: 'boolean' })
  personalisedRanking!: boolean;

  @Column({ name: 'consent_status', type: 'text' })
  consentStatus!: ConsentStatus;

  @Column({ name: 'consent_changed_at', type: 'timestamptz', precision: 3, nullable: true })
  consentChangedAt!: Date | null;

  @Column({ name: 'erased_at', type: 'timestamptz', precision: 3, nullable: true })
  erasedAt!: Date | null;

  /** Hash of every imported field: an identical re-upload changes nothing. */
  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  /** Hash of what matching uses: only a change of it emits GraduateProfileUpsertedV1. */
  @Column({ name: 'matching_hash', type: 'text' })
  matchingHash!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3, insert: false, update: false })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
