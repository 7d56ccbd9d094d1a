import {
  MAJOR_CODE_PATTERN,
  majorLevelOf,
  normaliseSkillId,
  OCCUPATION_CODE_PATTERN,
  REGION_CODE_PATTERN,
  SKILL_ID_PATTERN,
} from './codes.js';

describe('majorLevelOf', () => {
  it.each([
    ['08', 'discipline'],
    ['0809', 'class'],
    ['080901', 'major'],
    ['080910T', 'major'],
    ['120105K', 'major'],
    ['050262TK', 'major'],
  ] as const)('%s is a %s', (code, level) => {
    expect(majorLevelOf(code)).toBe(level);
  });
});

describe('MAJOR_CODE_PATTERN', () => {
  it.each(['08', '0809', '080901', '080910T', '120105K', '050262TK'])('accepts %s', (code) => {
    expect(MAJOR_CODE_PATTERN.test(code)).toBe(true);
  });

  it.each(['', '8', '080', '08090', '0809010', '080901X', '080901KT', '0809T', '08T', '080901t', 'ab', ' 0809'])(
    'rejects %j',
    (code) => {
      expect(MAJOR_CODE_PATTERN.test(code)).toBe(false);
    },
  );
});

describe('other code patterns', () => {
  it('region codes are 6 digits', () => {
    expect(REGION_CODE_PATTERN.test('110105')).toBe(true);
    expect(REGION_CODE_PATTERN.test('11010')).toBe(false);
    expect(REGION_CODE_PATTERN.test('1101050')).toBe(false);
  });

  it('occupation codes look like 2-02-10-01', () => {
    expect(OCCUPATION_CODE_PATTERN.test('2-02-10-01')).toBe(true);
    expect(OCCUPATION_CODE_PATTERN.test('2-2-10-01')).toBe(false);
    expect(OCCUPATION_CODE_PATTERN.test('20-02-10-01')).toBe(false);
  });
});

describe('normaliseSkillId', () => {
  it('folds full-width characters, trims, lower-cases and collapses spaces', () => {
    expect(normaliseSkillId('ＰＬＣ  编程 ')).toBe('plc 编程');
  });

  it('treats the ideographic space and tabs as spaces', () => {
    expect(normaliseSkillId('\tJava\u3000\u3000Spring  Boot\n')).toBe('java spring boot');
  });

  it('leaves an already normal id unchanged', () => {
    expect(normaliseSkillId('java')).toBe('java');
    expect(normaliseSkillId('plc编程')).toBe('plc编程');
  });

  it('is idempotent', () => {
    const once = normaliseSkillId('  ＣＡＤ／ＣＡＭ　Design ');
    expect(normaliseSkillId(once)).toBe(once);
    expect(once).toBe('cad/cam design');
  });

  it('produces ids that match SKILL_ID_PATTERN', () => {
    for (const raw of ['ＰＬＣ  编程 ', ' Python ', 'x']) {
      expect(SKILL_ID_PATTERN.test(normaliseSkillId(raw))).toBe(true);
    }
    expect(SKILL_ID_PATTERN.test(' java')).toBe(false);
    expect(SKILL_ID_PATTERN.test('')).toBe(false);
  });
});
