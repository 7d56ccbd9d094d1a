import { ApiProperty } from '@nestjs/swagger';
import {
  CONSENT_STATUSES,
  DEGREE_LEVELS,
  DEMAND_KINDS,
  type ConsentStatus,
  type DegreeLevel,
  type DemandKind,
} from '#contracts';

export class GraduateMajorResponseDto {
  @ApiProperty({ example: '080901' })
  code!: string;

  @ApiProperty({ example: '计算机科学与技术' })
  name!: string;

  @ApiProperty({ example: 2025 })
  catalogueYear!: number;
}

export class InternshipResponseDto {
  @ApiProperty({ description: '实习单位' })
  enterprise!: string;

  @ApiProperty({ description: '行业门类', nullable: true, type: String })
  industrySection!: string | null;

  @ApiProperty({ description: '时长（月）' })
  months!: number;

  @ApiProperty({ description: '岗位', nullable: true, type: String })
  role!: string | null;
}

export class PreferencesResponseDto {
  @ApiProperty({ type: [String], description: '意向城市（行政区划代码）' })
  cities!: string[];

  @ApiProperty({ type: [String], description: '意向行业门类' })
  industries!: string[];

  @ApiProperty({ enum: DEMAND_KINDS, isArray: true })
  demandKinds!: DemandKind[];

  @ApiProperty({ nullable: true, type: Number, description: '最低期望月薪（元）' })
  minMonthlySalary!: number | null;

  @ApiProperty()
  willingToRelocate!: boolean;
}

export class ConsentStateDto {
  @ApiProperty({ description: '授权范围：recommend 可被推荐（不含姓名与联系方式）', example: 'recommend' })
  scope!: 'recommend';

  @ApiProperty({ enum: CONSENT_STATUSES, description: 'none 未授权、given 已同意、withdrawn 已撤回' })
  status!: ConsentStatus;

  @ApiProperty({ nullable: true, type: String, description: '最近一次变更时间（ISO 8601）' })
  changedAt!: string | null;
}

export class GraduateResponseDto {
  @ApiProperty({ description: '毕业生标识（UUID）' })
  id!: string;

  @ApiProperty({ description: '院校标识' })
  collegeId!: string;

  @ApiProperty({ description: '学号（企业查看时脱敏）', example: '2023010101', nullable: true, type: String })
  studentNumber!: string | null;

  @ApiProperty({ description: '姓名', example: '王小明', nullable: true, type: String })
  name!: string | null;

  @ApiProperty({ description: '院系', example: '计算机学院' })
  department!: string;

  @ApiProperty({ type: GraduateMajorResponseDto })
  major!: GraduateMajorResponseDto;

  @ApiProperty({ enum: DEGREE_LEVELS })
  degree!: DegreeLevel;

  @ApiProperty({ description: '毕业年份（届）', example: 2027 })
  graduationYear!: number;

  @ApiProperty({ type: [String], description: '技能（归一化后）' })
  skills!: string[];

  @ApiProperty({ type: [String] })
  certificates!: string[];

  @ApiProperty({ type: [InternshipResponseDto] })
  internships!: InternshipResponseDto[];

  @ApiProperty({ nullable: true, type: Number, description: '学业排名百分位' })
  gpaPercentile!: number | null;

  @ApiProperty({ type: PreferencesResponseDto })
  preferences!: PreferencesResponseDto;

  @ApiProperty({ description: '手机号（个人信息）', nullable: true, type: String, example: '13812345678' })
  phone!: string | null;

  @ApiProperty({ description: '电子邮箱（个人信息）', nullable: true, type: String })
  email!: string | null;

  @ApiProperty({ description: '是否接受个性化排序（关闭后按中性顺序推荐）' })
  personalisedRanking!: boolean;

  @ApiProperty({ type: ConsentStateDto })
  consent!: ConsentStateDto;

  @ApiProperty({ description: '版本号（ETag）', example: 1 })
  version!: number;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty()
  updatedAt!: string;
}

/** One row of a college's list: contacts masked (the full profile, audited, is GET /graduates/{id}). */
export class GraduateListItemDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ example: '2023010101' })
  studentNumber!: string;

  @ApiProperty({ example: '王小明' })
  name!: string;

  @ApiProperty({ example: '计算机学院' })
  department!: string;

  @ApiProperty({ type: GraduateMajorResponseDto })
  major!: GraduateMajorResponseDto;

  @ApiProperty({ enum: DEGREE_LEVELS })
  degree!: DegreeLevel;

  @ApiProperty({ example: 2027 })
  graduationYear!: number;

  @ApiProperty({ description: '手机号（脱敏，如 138****5678）', nullable: true, type: String })
  phone!: string | null;

  @ApiProperty({ description: '电子邮箱（脱敏，如 w***@example.com）', nullable: true, type: String })
  email!: string | null;

  @ApiProperty({ enum: CONSENT_STATUSES })
  consentStatus!: ConsentStatus;

  @ApiProperty()
  version!: number;

  @ApiProperty()
  updatedAt!: string;
}

export class GraduatePageDto {
  @ApiProperty({ type: [GraduateListItemDto], description: '按学号排序' })
  items!: GraduateListItemDto[];

  @ApiProperty({ nullable: true, type: String, description: '下一页游标；为 null 表示没有更多' })
  nextCursor!: string | null;
}

export class UpsertGraduateResponseDto {
  @ApiProperty({ enum: ['created', 'updated', 'unchanged'], description: '新建、已更新或无变化' })
  outcome!: 'created' | 'updated' | 'unchanged';

  @ApiProperty({ type: GraduateResponseDto })
  graduate!: GraduateResponseDto;
}
