import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EnterpriseSize, EnterpriseStatus } from '#contracts';

/**
 * 企业: one registered organisation. The contact person is personal data: it never leaves this
 * service in an event and is masked for everyone but the enterprise itself and platform admins.
 */
@Entity({ schema: 'demand-intake', name: 'enterprises' })
export class EnterpriseEntity {
  /** The enterprise's org id (as in its users' tokens), or a UUID when registered on its behalf. */
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** 统一社会信用代码 (GB 32100-2015), upper case; unique. */
  @Column({ name: 'credit_code', type: 'text' })
  creditCode!: string;

  /** GB/T 4754-2017 门类 letter. */
  @Column({ name: 'industry_section', type: 'text' })
  industrySection!: string;

  /** GB/T 4754-2017 大类, two digits, within the 门类. */
  @Column({ name: 'industry_division', type: 'text' })
  industryDivision!: string;

  /** GB/T 2260 six-digit code. */
  @Column({ name: 'region_code', type: 'text' })
  regionCode!: string;

  @Column({ type: 'text' })
  size!: EnterpriseSize;

  /** Certified 产教融合型企业. */
  @Column({ name: 'integration_certified', type: 'boolean' })
  integrationCertified!: boolean;

  @Column({ name: 'contact_name', type: 'text' })
  contactName!: string;

  @Column({ name: 'contact_phone', type: 'text' })
  contactPhone!: string;

  @Column({ name: 'contact_email', type: 'text' })
  contactEmail!: string;

  @Column({ type: 'text' })
  status!: EnterpriseStatus;

  /** Why the enterprise is in its status (rejection, suspension, verification note); null otherwise. */
  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason!: string | null;

  /** Optimistic-concurrency counter: 1 at registration, +1 on every change. */
  @Column({ type: 'integer' })
  version!: number;

  /** Millisecond precision, so the list cursor (a JS Date) names a row exactly. */
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
