import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { destinationCategoryByCode } from '#reference';
import { isCalendarDate } from '../clock.js';
import { categoryCodesText } from '../destination-rules.js';

/** A code of the destination table in force (libs/reference graduate-destinations.csv). */
export function IsDestinationCategory(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDestinationCategory',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && destinationCategoryByCode(value) !== undefined,
        defaultMessage: ({ value }: ValidationArguments) =>
          `${typeof value === 'string' ? value : String(value)} 不是现行毕业去向代码；可选：${categoryCodesText()}`,
      },
    });
}

/** YYYY-MM-DD and a real day of the calendar. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value),
        defaultMessage: () => '须为 YYYY-MM-DD 格式的有效日期，如 2027-06-15',
      },
    });
}
