import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { DEGREE_LEVELS, type DegreeLevel } from '../domain/degree-level.js';
import { MAJOR_CODE_PATTERN, REGION_CODE_PATTERN } from '../domain/codes.js';

/** A major code with the catalogue edition it comes from. */
export class MajorRefV1 {
  @Matches(MAJOR_CODE_PATTERN)
  code!: string;

  @IsInt()
  @Min(2000)
  @Max(2100)
  catalogueYear!: number;
}

export class WeightedSkillV1 {
  /** Normalised skill id (see normaliseSkillId). */
  @IsString()
  @IsNotEmpty()
  skillId!: string;

  /** Relative importance, 1–5. */
  @IsNumber()
  @Min(1)
  @Max(5)
  weight!: number;

  @IsBoolean()
  required!: boolean;
}

/** What matching needs to know about a demand; never contact people's data. */
export class DemandSnapshotV1 {
  @IsString()
  @IsNotEmpty()
  demandId!: string;

  @IsString()
  @IsNotEmpty()
  enterpriseId!: string;

  @IsIn(['job', 'internship', 'apprenticeship', 'order_training'])
  kind!: 'job' | 'internship' | 'apprenticeship' | 'order_training';

  @IsString()
  @IsNotEmpty()
  title!: string;

  @IsOptional()
  @IsString()
  occupationCode!: string | null;

  /** Enterprise's GB/T 4754 门类 and 大类, for industry fit. */
  @IsString()
  industrySection!: string;

  @IsString()
  industryDivision!: string;

  @IsInt()
  @Min(1)
  headcount!: number;

  @IsInt()
  @Min(0)
  hiredCount!: number;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => MajorRefV1)
  majors!: MajorRefV1[];

  @IsIn(DEGREE_LEVELS)
  minDegree!: DegreeLevel;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => WeightedSkillV1)
  skills!: WeightedSkillV1[];

  @IsArray()
  @IsString({ each: true })
  certificates!: string[];

  @IsArray()
  @ArrayMaxSize(50)
  @Matches(REGION_CODE_PATTERN, { each: true })
  cities!: string[];

  @IsInt()
  @Min(0)
  salaryMin!: number;

  @IsInt()
  @Min(0)
  salaryMax!: number;

  @IsArray()
  @IsInt({ each: true })
  graduationYears!: number[];

  /** ISO date (YYYY-MM-DD): the last day applications are accepted. */
  @IsString()
  deadline!: string;

  /** 订单培养 partner colleges (empty for other kinds). */
  @IsArray()
  @IsString({ each: true })
  partnerCollegeIds!: string[];

  /** Demand version after this change (optimistic-concurrency counter). */
  @IsInt()
  @Min(1)
  version!: number;
}
