import { formatVerificationNumber, newVerificationNumber, normaliseVerificationNumber } from './verification-number.js';

describe('verification numbers', () => {
  it('are 20 Crockford base32 characters carrying 100 random bits', () => {
    const number = newVerificationNumber();
    expect(number).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
    expect(newVerificationNumber(() => Buffer.alloc(13, 0))).toBe('0'.repeat(20));
    expect(newVerificationNumber(() => Buffer.alloc(13, 0xff))).toBe('Z'.repeat(20));
    const many = new Set(Array.from({ length: 1000 }, () => newVerificationNumber()));
    expect(many.size).toBe(1000);
  });

  it('are shown in groups of five and read back however they were typed', () => {
    const stored = 'AB12CDE3FGH4JK5MN6PQ';
    const shown = formatVerificationNumber(stored);
    expect(shown).toBe('AB12C-DE3FG-H4JK5-MN6PQ');
    expect(normaliseVerificationNumber(shown)).toBe(stored);
    expect(normaliseVerificationNumber(' ab12c de3fg h4jk5 mn6pq ')).toBe(stored);
    // Crockford look-alikes: O is 0, I and L are 1.
    expect(normaliseVerificationNumber('OOOOO-IIIII-LLLLL-00000')).toBe('00000111111111100000');
    expect(normaliseVerificationNumber('AB12C-DE3FG')).toBeNull();
    expect(normaliseVerificationNumber('UUUUU-UUUUU-UUUUU-UUUUU')).toBeNull();
  });
});
