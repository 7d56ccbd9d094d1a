import { endOfShanghaiDay } from './clock.js';
import { DestinationException } from './destination.exception.js';

/**
 * The national flow closes a cohort's 毕业去向 registration after 31 August of its graduation
 * year (Asia/Shanghai): no new registration and no audit decision after that.
 */
export function registrationDeadline(graduationYear: number): string {
  return `${graduationYear}-08-31`;
}

export function isRegistrationLocked(graduationYear: number, now: Date): boolean {
  return now.getTime() >= endOfShanghaiDay(registrationDeadline(graduationYear)).getTime();
}

/** Throws the 409 that names the date when the cohort's window has closed. */
export function assertRegistrationOpen(graduationYear: number, now: Date): void {
  if (isRegistrationLocked(graduationYear, now)) {
    throw DestinationException.locked(graduationYear, registrationDeadline(graduationYear));
  }
}
