import { creditCodeProblem, isValidCreditCode, normaliseCreditCode } from './credit-code.js';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// Published codes of real organisations.
const REAL_CODES = ['91350100M000100Y43', '91110108551385082Q', '914403001922038216', '91440300708461136T'];

// Check characters worked out from the standard's formula; 91350100M000100Y4 by hand: the weighted sum is
// 1640, 1640 mod 31 = 28, 31 - 28 = 3.
const COMPUTED_CODES = [
  '91330106MA27XF6TH0', // weighted sum ≡ 0 (mod 31): 31 - 0 = 31 is written as 0
  '91330106MA27XF6TUY', // check value 30, the last character of the charset
  '12100000400008150H', // 机关 (1) / 机构类别 2
];

describe('isValidCreditCode', () => {
  it.each([...REAL_CODES, ...COMPUTED_CODES])('accepts %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
    expect(creditCodeProblem(code)).toBeNull();
  });

  it('rejects every single-character change of a valid code', () => {
    for (const code of REAL_CODES) {
      for (let position = 0; position < 18; position += 1) {
        for (const replacement of CHARSET) {
          if (replacement === code[position]) continue;
          const changed = code.slice(0, position) + replacement + code.slice(position + 1);
          expect([changed, isValidCreditCode(changed)]).toEqual([changed, false]);
        }
      }
    }
  });

  it('rejects swaps of neighbouring characters', () => {
    for (const code of REAL_CODES) {
      for (let position = 0; position < 16; position += 1) {
        if (code[position] === code[position + 1]) continue;
        const swapped = code.slice(0, position) + code[position + 1] + code[position] + code.slice(position + 2);
        expect([swapped, isValidCreditCode(swapped)]).toEqual([swapped, false]);
      }
    }
  });

  it('is strict about case and spacing (normalise first)', () => {
    expect(isValidCreditCode('91110108551385082q')).toBe(false);
    expect(isValidCreditCode(' 91110108551385082Q')).toBe(false);
  });
});

describe('creditCodeProblem', () => {
  it.each([
    ['', '长度必须为 18 位'],
    ['91350100M000100Y4', '长度必须为 18 位'],
    ['91350100M000100Y433', '长度必须为 18 位'],
    ['91350100M000100I43', '含有不允许的字符'],
    ['91350100M000100O43', '含有不允许的字符'],
    ['91350100M000100Z43', '含有不允许的字符'],
    ['91350100M000100S43', '含有不允许的字符'],
    ['91350100M000100V43', '含有不允许的字符'],
    ['91350100m000100y43', '含有不允许的字符'],
    ['91350100M000100Y4-', '含有不允许的字符'],
    ['９１３５０１００Ｍ０００１００Ｙ４３', '含有不允许的字符'],
    ['91A50100M000100Y43', '第 3–8 位（登记管理机关行政区划码）必须为数字'],
    ['9135010XM000100Y43', '第 3–8 位（登记管理机关行政区划码）必须为数字'],
    ['91350100M000100Y44', '校验码不正确'],
    ['91110108551385082R', '校验码不正确'],
  ])('%j → %s', (code, problem) => {
    expect(creditCodeProblem(code)).toBe(problem);
  });
});

describe('normaliseCreditCode', () => {
  it('turns typed input into the strict form', () => {
    expect(normaliseCreditCode(' 9135 0100-m000100y43 ')).toBe('91350100M000100Y43');
    expect(normaliseCreditCode('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43');
    expect(isValidCreditCode(normaliseCreditCode('91110108 551385082q'))).toBe(true);
  });
});
