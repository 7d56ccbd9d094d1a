import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { creditCodeProblem, industrySection, isValidIndustry, normaliseCreditCode } from '#reference';

/**
 * Field rules of the enterprise DTOs that need the official catalogues (#reference). Each
 * message says what is wrong in Chinese, so the 400 body can be shown to the person as it is.
 */

export { CONTACT_PHONE_PATTERN, IfPresent, Immutable, REGION_PREFIX_PATTERN, Trim, UpperCase } from '#runtime';
export { IsIndustrySection, IsKnownRegionCode } from '#reference';

const TWO_DIGITS = /^\d{2}$/;

/** 统一社会信用代码 as people type it: full-width, spaces, hyphens and lower case are normalised. */
export const NormaliseCreditCode = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normaliseCreditCode(value) : value));

/** 统一社会信用代码 per GB 32100-2015, check character included. Expects normalised input. */
export function IsCreditCode(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCreditCode',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && creditCodeProblem(value) === null,
        defaultMessage: ({ value }: ValidationArguments) =>
          typeof value === 'string'
            ? `统一社会信用代码${creditCodeProblem(value) ?? '不正确'}`
            : '统一社会信用代码必须是 18 位字符串',
      },
    });
}

/** Why a 大类 does not fit a 门类, in words; null when it does. */
export function industryDivisionProblem(section: string, division: unknown): string | null {
  if (typeof division !== 'string' || !TWO_DIGITS.test(division)) {
    return '须为 2 位数字的国民经济行业大类代码（GB/T 4754-2017），如 65';
  }
  if (isValidIndustry(section, division)) return null;
  const known = industrySection(section);
  return known
    ? `大类 ${division} 不属于门类 ${known.letter}（${known.name}，大类 ${known.firstDivision}–${known.lastDivision}）`
    : `大类 ${division} 不属于门类 ${section}`;
}

/**
 * A 大类 that belongs to the 门类 in `sectionProperty`. When that 门类 is itself invalid only the
 * 门类 is reported; when it is absent (a PATCH that changes the 大类 only) the use case checks
 * against the stored 门类.
 */
export function IsIndustryDivisionOf(sectionProperty: string, options?: ValidationOptions): PropertyDecorator {
  const sectionOf = (args: ValidationArguments): unknown => (args.object as Record<string, unknown>)[sectionProperty];
  const checkable = (section: unknown): section is string =>
    typeof section === 'string' && industrySection(section) !== undefined;
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIndustryDivision',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          if (typeof value !== 'string' || !TWO_DIGITS.test(value)) return false;
          const section = sectionOf(args);
          return checkable(section) ? isValidIndustry(section, value) : true;
        },
        defaultMessage: (args: ValidationArguments) => {
          const section = sectionOf(args);
          return (
            industryDivisionProblem(checkable(section) ? section : '', args.value) ??
            '须为 2 位数字的国民经济行业大类代码（GB/T 4754-2017）'
          );
        },
      },
    });
}
