import { Injectable } from '@nestjs/common';

/**
 * "Now", injectable so the 31 August lock and the default report date can be tested at their
 * boundaries. Production uses {@link SystemClock}.
 */
export abstract class Clock {
  abstract now(): Date;
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that always says the same time (tests). */
export class FixedClock extends Clock {
  constructor(private at: Date) {
    super();
  }

  now(): Date {
    return new Date(this.at.getTime());
  }

  set(at: Date): void {
    this.at = at;
  }
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar date in Asia/Shanghai (UTC+8 all year, no daylight saving) as YYYY-MM-DD. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The first instant of the Shanghai day after `date` (YYYY-MM-DD): "on or before date" means `< this`. */
export function endOfShanghaiDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1) - SHANGHAI_OFFSET_MS);
}

/** True for a real calendar date written YYYY-MM-DD (no 2027-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
