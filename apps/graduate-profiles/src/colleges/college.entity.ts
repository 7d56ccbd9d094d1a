import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CollegeType } from '#contracts';

/** 院校. Its id is the college's org id, as in its users' tokens. */
@Entity({ schema: 'graduate-profiles', name: 'colleges' })
export class CollegeEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** 学校标识码 (10 digits, issued by the Ministry of Education); unique. */
  @Column({ name: 'school_code', type: 'text' })
  schoolCode!: string;

  @Column({ type: 'text' })
  type!: CollegeType;

  /** GB/T 2260 six-digit code. */
  @Column({ name: 'region_code', type: 'text' })
  regionCode!: string;

  /** 院系 names. */
  @Column({ type: 'jsonb' })
  departments!: string[];

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3, insert: false, update: false })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
