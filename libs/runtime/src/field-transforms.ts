import { Transform } from 'class-transformer';
import { registerDecorator, ValidateIf } from 'class-validator';

/** Mainland mobile (13812345678) or landline with area code (0571-88123456, 01088123456). */
export const CONTACT_PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** Province (2 digits), city (4) or full (6) region code prefix, for list filters. */
export const REGION_PREFIX_PATTERN = /^\d{2}(\d{2}(\d{2})?)?$/;

/** Trims strings; leaves anything else for the type rules to refuse. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Upper-cases strings (after trimming). */
export const UpperCase = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));

/**
 * For PATCH bodies: the rules run whenever the field is present, null included (null is not a
 * way to clear a required field). Unlike @IsOptional, which would let null through silently.
 */
export const IfPresent = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** A field that may not be sent at all (e.g. the credit code after registration). */
export function Immutable(message: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'immutable',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message },
      validator: { validate: (value: unknown) => value === undefined },
    });
}
