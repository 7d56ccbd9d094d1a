import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  DEGREE_LEVELS,
  DEMAND_KINDS,
  MAJOR_CODE_PATTERN,
  OCCUPATION_CODE_PATTERN,
  REGION_CODE_PATTERN,
  type DegreeLevel,
  type DemandKind,
} from '#contracts';

export class DemandMajorDto {
  @ApiProperty({ description: '专业代码：门类 2 位、专业类 4 位或专业 6 位', example: '080901' })
  @Matches(MAJOR_CODE_PATTERN, { message: '专业代码应为 2、4 或 6 位数字（专业可带 T/K 后缀）' })
  code!: string;

  @ApiProperty({ description: '专业目录版本（年份）', example: 2025 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  catalogueYear!: number;
}

export class DemandSkillDto {
  @ApiProperty({ description: '技能名称（会归一化，如 JS → javascript）', example: 'Java' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ description: '权重 1–5', example: 3 })
  @IsInt()
  @Min(1)
  @Max(5)
  weight!: number;

  @ApiProperty({ description: '是否必备', example: true })
  @IsBoolean()
  required!: boolean;
}

export class InternshipDetailsDto {
  @ApiProperty({ description: '实习时长（月）', example: 6 })
  @IsInt()
  @Min(1)
  @Max(24)
  durationMonths!: number;

  @ApiProperty({ description: '实习补贴（元/月）', example: 3000 })
  @IsInt()
  @Min(0)
  @Max(100000)
  stipendMonthly!: number;
}

export class ApprenticeshipDetailsDto {
  @ApiProperty({ description: '学徒期（月）', example: 12 })
  @IsInt()
  @Min(1)
  @Max(60)
  durationMonths!: number;

  @ApiPropertyOptional({ description: '培训机构', example: '某职业技能培训学校' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  trainingProvider?: string;
}

export class OrderTrainingDetailsDto {
  @ApiProperty({ description: '合作院校（院校 ID）', type: [String] })
  @IsArray()
  @ArrayMinSize(1, { message: '订单培养至少需要一所合作院校' })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  partnerCollegeIds!: string[];

  @ApiProperty({ description: '培养规模（人）', example: 40 })
  @IsInt()
  @Min(1)
  @Max(5000)
  cohortSize!: number;

  @ApiProperty({ description: '开始培养学期，如 2027-秋', example: '2027-秋' })
  @Matches(/^\d{4}-(春|秋)$/, { message: '应为“年份-春”或“年份-秋”，如 2027-秋' })
  trainingStartTerm!: string;

  @ApiProperty({ description: '录用承诺', example: '考核合格者全部录用' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  hireCommitment!: string;
}

/** Everything a demand says; required on create. */
export class CreateDemandDto {
  @ApiPropertyOptional({ description: '代企业创建时的企业 ID（组织方/平台管理员）' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  enterpriseId?: string;

  @ApiProperty({ enum: DEMAND_KINDS, description: '需求类型' })
  @IsIn(DEMAND_KINDS)
  kind!: DemandKind;

  @ApiProperty({ example: 'Java 开发工程师' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  title!: string;

  @ApiPropertyOptional({ example: '负责智能制造 MES 系统开发' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ description: '职业分类大典（2022）编码', example: '2-02-10-01' })
  @IsOptional()
  @Matches(OCCUPATION_CODE_PATTERN, { message: '职业编码格式应为 X-XX-XX-XX' })
  occupationCode?: string;

  @ApiProperty({ description: '招聘人数', example: 5 })
  @IsInt()
  @Min(1)
  @Max(10000)
  headcount!: number;

  @ApiProperty({ type: [DemandMajorDto] })
  @IsArray()
  @ArrayMinSize(1, { message: '至少需要一个可接受的专业' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DemandMajorDto)
  majors!: DemandMajorDto[];

  @ApiProperty({ enum: DEGREE_LEVELS, description: '最低学历' })
  @IsIn(DEGREE_LEVELS)
  minDegree!: DegreeLevel;

  @ApiProperty({ type: [DemandSkillDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => DemandSkillDto)
  skills!: DemandSkillDto[];

  @ApiPropertyOptional({ type: [String], example: ['1+X Web 前端开发职业技能等级证书'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  certificates?: string[];

  @ApiProperty({ description: '工作城市（6 位行政区划代码）', example: ['330100'] })
  @IsArray()
  @ArrayMinSize(1, { message: '至少需要一个工作城市' })
  @ArrayMaxSize(50)
  @Matches(REGION_CODE_PATTERN, { each: true, message: '应为 6 位行政区划代码' })
  cities!: string[];

  @ApiProperty({ description: '月薪下限（元）', example: 8000 })
  @IsInt()
  @Min(0)
  @Max(1000000)
  salaryMin!: number;

  @ApiProperty({ description: '月薪上限（元）', example: 12000 })
  @IsInt()
  @Min(0)
  @Max(1000000)
  salaryMax!: number;

  @ApiProperty({ description: '可接受的毕业年份', example: [2026, 2027] })
  @IsArray()
  @ArrayMinSize(1, { message: '至少需要一个毕业年份' })
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(2000, { each: true })
  @Max(2100, { each: true })
  graduationYears!: number[];

  @ApiProperty({ description: '报名截止日期（北京时间）', example: '2027-06-30' })
  @IsISO8601({ strict: true }, { message: '应为日期，如 2027-06-30' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '应为日期，如 2027-06-30' })
  deadline!: string;

  @ApiPropertyOptional({ type: InternshipDetailsDto, description: '实习需求必填' })
  @IsOptional()
  @ValidateNested()
  @Type(() => InternshipDetailsDto)
  internship?: InternshipDetailsDto;

  @ApiPropertyOptional({ type: ApprenticeshipDetailsDto, description: '新型学徒制必填' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ApprenticeshipDetailsDto)
  apprenticeship?: ApprenticeshipDetailsDto;

  @ApiPropertyOptional({ type: OrderTrainingDetailsDto, description: '订单培养必填' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrderTrainingDetailsDto)
  orderTraining?: OrderTrainingDetailsDto;
}

/** A partial update; the kind and the enterprise never change. */
export class UpdateDemandDto extends PartialType(CreateDemandDto) {}

export class CloseDemandDto {
  @ApiPropertyOptional({ description: '关闭说明' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
