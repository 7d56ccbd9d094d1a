/**
 * Code formats shared by every service. Validation of a code's *existence* in an official list
 * belongs to the service that owns that list; these only pin the shape.
 */

/** 本科专业目录 code at any level: 门类 (2 digits), 专业类 (4), 专业 (6, optional T/K/TK suffix). */
export const MAJOR_CODE_PATTERN = /^\d{2}(\d{2}(\d{2}(T|K|TK)?)?)?$/;
export type MajorLevel = 'discipline' | 'class' | 'major';

export function majorLevelOf(code: string): MajorLevel {
  const digits = code.replace(/[A-Z]+$/, '');
  if (digits.length === 2) return 'discipline';
  if (digits.length === 4) return 'class';
  return 'major';
}

/** A major code is only meaningful with the catalogue edition it comes from. */
export interface MajorRef {
  code: string;
  catalogueYear: number;
}

/** 6-digit administrative division code (GB/T 2260, 统计用区划代码). */
export const REGION_CODE_PATTERN = /^\d{6}$/;

/** Normalised skill id: lower-case, trimmed, single spaces (e.g. `java`, `plc编程`). */
export const SKILL_ID_PATTERN = /^\S(.*\S)?$/;

export function normaliseSkillId(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** 职业分类大典 (2022) code, e.g. `2-02-10-01`. */
export const OCCUPATION_CODE_PATTERN = /^\d-\d{2}-\d{2}-\d{2}$/;
