import { Transform } from 'class-transformer';

/**
 * Environment values are strings; these turn them into typed fields. An unparseable value is left
 * as the raw string so the validator reports it with the variable's name.
 */
export function EnvInt(): PropertyDecorator {
  return Transform(({ value }) => {
    if (typeof value !== 'string' || value.trim() === '') return value;
    return /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  });
}

/** Decimal numbers (`60`, `62.5`). */
export function EnvNumber(): PropertyDecorator {
  return Transform(({ value }) => {
    if (typeof value !== 'string' || value.trim() === '') return value;
    return /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
  });
}

export function EnvBool(): PropertyDecorator {
  return Transform(({ value }) => {
    if (typeof value !== 'string') return value;
    const v = value.trim().toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(v)) return true;
    if (['false', '0', 'no', 'off'].includes(v)) return false;
    return value;
  });
}

/** Comma-separated list; empty items dropped. */
export function EnvList(): PropertyDecorator {
  return Transform(({ value }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : value,
  );
}
