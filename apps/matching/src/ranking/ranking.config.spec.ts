import { describe, expect, it } from '@jest/globals';
import { apportion } from './demand-book.js';
import {
  DEFAULT_RANKING_CONFIG,
  RANKING_FACTORS,
  RANKING_FACTOR_LABELS,
  resolveRankingConfig,
} from './ranking.config.js';

describe('ranking config', () => {
  it('defaults to weights that share 100 points, with a Chinese label per factor', () => {
    const total = RANKING_FACTORS.reduce((sum, f) => sum + DEFAULT_RANKING_CONFIG.weights[f], 0);
    expect(total).toBe(100);
    expect(RANKING_FACTORS.map((f) => RANKING_FACTOR_LABELS[f])).toEqual([
      '技能匹配',
      '专业相关度',
      '证书',
      '行业实习',
      '学业表现',
      '意向契合',
      '合作院校',
    ]);
    expect(Object.isFrozen(DEFAULT_RANKING_CONFIG.weights)).toBe(true);
  });

  it('merges overrides onto the defaults', () => {
    const config = resolveRankingConfig({ weights: { skills: 60 }, preferenceParts: { salary: 3 } });
    expect(config.weights).toEqual({ ...DEFAULT_RANKING_CONFIG.weights, skills: 60 });
    expect(config.preferenceParts).toEqual({ city: 1, industry: 1, kind: 1, salary: 3 });
    expect(config.requiredSkillBoost).toBe(DEFAULT_RANKING_CONFIG.requiredSkillBoost);
  });

  it.each([
    [{ weights: { skills: -1 } }, 'weights.skills'],
    [{ weights: { partner: Number.NaN } }, 'weights.partner'],
    [{ weights: { internship: 0, academic: 0, preference: 0 } }, 'weights.internship'],
    [{ requiredSkillBoost: 0.5 }, 'requiredSkillBoost'],
    [{ majorCloseness: { class: 2 } }, 'majorCloseness.class'],
    [{ majorCloseness: { discipline: 0.9 } }, 'majorCloseness.discipline'],
    [{ internshipFullCreditMonths: 0 }, 'internshipFullCreditMonths'],
    [{ missingGpaFraction: 1.5 }, 'missingGpaFraction'],
    [{ preferenceParts: { city: 0, industry: 0, kind: 0, salary: 0 } }, 'preferenceParts'],
  ])('refuses %j, naming %s', (overrides, name) => {
    expect(() => resolveRankingConfig(overrides)).toThrow(new RegExp(name.replace('.', '\\.')));
  });
});

describe('apportion', () => {
  it('splits a total into integer shares proportional to the weights that add up exactly', () => {
    expect(apportion([1, 1, 1], 10000)).toEqual([3334, 3333, 3333]);
    expect(apportion([40, 15, 0, 10, 10, 10, 0], 10000)).toEqual([4706, 1765, 0, 1177, 1176, 1176, 0]);
    expect(apportion([0, 0], 10000)).toEqual([0, 0]);
    for (const weights of [
      [3, 7, 11],
      [1, 2],
      [5, 5, 5, 5, 5, 5, 5],
    ]) {
      expect(apportion(weights, 10000).reduce((a, b) => a + b, 0)).toBe(10000);
    }
  });
});
