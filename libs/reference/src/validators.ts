import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { industrySection } from './industries.js';
import { isKnownRegionCode } from './regions.js';

// class-validator rules that need the official catalogues. Each message says what is wrong in
// Chinese, so the 400 body can be shown to the person as it is.

const SIX_DIGITS = /^\d{6}$/;

/** A six-digit code that exists in the current GB/T 2260 table. */
export function IsKnownRegionCode(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isKnownRegionCode',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isKnownRegionCode(value),
        defaultMessage: ({ value }: ValidationArguments) =>
          typeof value === 'string' && SIX_DIGITS.test(value)
            ? `${value} 不在现行行政区划代码表中（GB/T 2260）`
            : '须为 6 位数字的行政区划代码（GB/T 2260），如 330106',
      },
    });
}

/** A GB/T 4754-2017 门类 letter A–T. */
export function IsIndustrySection(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIndustrySection',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && industrySection(value) !== undefined,
        defaultMessage: () => '须为国民经济行业分类门类字母 A–T（GB/T 4754-2017）',
      },
    });
}
