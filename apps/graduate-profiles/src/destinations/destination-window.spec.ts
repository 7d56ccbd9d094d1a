import { endOfShanghaiDay, isCalendarDate, shanghaiDate } from './clock.js';
import { assertRegistrationOpen, isRegistrationLocked, registrationDeadline } from './destination-window.js';

describe('the 31 August registration window (Asia/Shanghai)', () => {
  it('is open until the last millisecond of 31 August in Beijing time and locked from 1 September 00:00', () => {
    expect(isRegistrationLocked(2027, new Date('2027-08-31T23:59:59.999+08:00'))).toBe(false);
    expect(isRegistrationLocked(2027, new Date('2027-09-01T00:00:00.000+08:00'))).toBe(true);
    // 31 August 16:00 UTC is already 1 September in Beijing.
    expect(isRegistrationLocked(2027, new Date('2027-08-31T16:00:00.000Z'))).toBe(true);
    expect(isRegistrationLocked(2027, new Date('2026-11-23T12:00:00Z'))).toBe(false);
    expect(isRegistrationLocked(2025, new Date('2026-11-23T12:00:00Z'))).toBe(true);
  });

  it('refuses with a 409 that names the date', () => {
    expect(registrationDeadline(2025)).toBe('2025-08-31');
    expect(() => assertRegistrationOpen(2025, new Date('2025-09-01T00:00:00+08:00'))).toThrow(
      expect.objectContaining({
        code: 'destination_registration_locked',
        message: expect.stringContaining('2025-08-31'),
      }),
    );
    expect(() => assertRegistrationOpen(2025, new Date('2025-08-31T23:00:00+08:00'))).not.toThrow();
  });
});

describe('Shanghai dates', () => {
  it('reads the calendar day in UTC+8', () => {
    expect(shanghaiDate(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(shanghaiDate(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });

  it('ends a day at the next Beijing midnight', () => {
    expect(endOfShanghaiDay('2026-03-01').toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(endOfShanghaiDay('2026-12-31').toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('knows real calendar dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-13-01')).toBe(false);
    expect(isCalendarDate('2027-6-1')).toBe(false);
  });
});
