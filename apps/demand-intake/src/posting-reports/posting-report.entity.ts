import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const REPORT_CATEGORIES = ['fake', 'misleading_salary', 'not_real_job', 'discrimination', 'other'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export const REPORT_CATEGORY_LABELS: Record<ReportCategory, string> = {
  fake: '虚假招聘',
  misleading_salary: '薪酬信息不实',
  not_real_job: '与实际岗位不符',
  discrimination: '就业歧视',
  other: '其他',
};

export const REPORT_STATUSES = ['open', 'dismissed', 'actioned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** A graduate's or college's report about a posting; organizers review it. */
@Entity({ name: 'posting_reports', schema: 'demand-intake' })
export class PostingReportEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'demand_id', type: 'uuid' })
  demandId!: string;

  @Column({ name: 'enterprise_id', type: 'text' })
  enterpriseId!: string;

  @Column({ name: 'reporter_role', type: 'text' })
  reporterRole!: 'graduate' | 'college';

  /** The reporter's subject; shown to organizers, never to the enterprise. */
  @Column({ name: 'reporter_subject', type: 'text' })
  reporterSubject!: string;

  @Column({ name: 'reporter_org', type: 'text', nullable: true })
  reporterOrg!: string | null;

  @Column({ type: 'text' })
  category!: ReportCategory;

  @Column({ type: 'text', default: '' })
  detail!: string;

  @Column({ type: 'text' })
  status!: ReportStatus;

  @Column({ name: 'resolution_note', type: 'text', nullable: true })
  resolutionNote!: string | null;

  @Column({ name: 'resolved_by', type: 'text', nullable: true })
  resolvedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;
}
