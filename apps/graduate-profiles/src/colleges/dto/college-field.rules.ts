import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { COLLEGE_TYPE_LABELS, COLLEGE_TYPES } from '#contracts';

/** 学校标识码: ten digits, issued by the Ministry of Education. */
export const SCHOOL_CODE_PATTERN = /^\d{10}$/;
/** Org ids as tokens carry them: letters, digits and . _ : - (at most 200 characters). */
export const COLLEGE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

export const COLLEGE_TYPE_MESSAGE = `院校类型须为 ${COLLEGE_TYPES.map((t) => `${t}（${COLLEGE_TYPE_LABELS[t]}）`).join('、')}`;
export const SCHOOL_CODE_MESSAGE = '学校标识码须为 10 位数字（教育部颁发），如 4133010335';
export const MAX_DEPARTMENTS = 200;

/** Trims each string of an array; leaves anything else for the type rules to refuse. */
const TrimEach = () =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.trim() : v)) : value,
  );

export const IsCollegeType = () => IsIn(COLLEGE_TYPES, { message: COLLEGE_TYPE_MESSAGE });

/** 院系: a list of distinct, non-empty names. */
export const IsDepartmentList = () =>
  applyDecorators(
    TrimEach(),
    IsArray({ message: '院系须为名称列表，如 ["计算机学院", "机电学院"]' }),
    ArrayMaxSize(MAX_DEPARTMENTS),
    IsString({ each: true, message: '院系名称必须是字符串' }),
    IsNotEmpty({ each: true, message: '院系名称不能为空' }),
    MaxLength(100, { each: true, message: '院系名称不能超过 100 字' }),
    ArrayUnique({ message: '院系名称不能重复' }),
  );

export const IsSchoolCode = () => Matches(SCHOOL_CODE_PATTERN, { message: SCHOOL_CODE_MESSAGE });
