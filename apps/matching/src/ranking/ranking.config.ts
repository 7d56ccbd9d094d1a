/**
 * Everything that tunes the ranking, in one place. The factors that apply to a demand share 100 points in
 * proportion to their weights (a factor that does not apply gives its share to the others), and each
 * candidate earns a fraction of every factor's points:
 *
 * | Factor         | 标签       | Weight | Applies when                        | Fraction earned                                                    |
 * | -------------- | ---------- | -----: | ----------------------------------- | ------------------------------------------------------------------ |
 * | `skills`       | 技能匹配   |     40 | the demand names skills             | Σ w of held skills / Σ w of all; w = weight × (required ? `requiredSkillBoost` : 1) × rarity, rarity = ln(1 + (N+1)/(df+1)) over the recommendable pool |
 * | `major`        | 专业相关度 |     15 | the demand names majors             | finest level at which the major meets a named one (`majorCloseness`), over the best the demand allows |
 * | `certificates` | 证书       |     10 | the demand names certificates       | share of them held                                                 |
 * | `internship`   | 行业实习   |     10 | always                              | internship months in the enterprise's GB/T 4754 门类 / `internshipFullCreditMonths`, at most 1 |
 * | `academic`     | 学业表现   |     10 | always                              | gpaPercentile / 100; `missingGpaFraction` when unknown             |
 * | `preference`   | 意向契合   |     10 | always                              | mean of city, industry, kind and salary fits, weighted by `preferenceParts`; an unstated industry or kind preference earns `unstatedPreferenceFraction` |
 * | `partner`      | 合作院校   |      5 | 订单培养 with partner colleges      | 1 when the graduate's college is a partner                         |
 *
 * The service will read overrides from its environment; `resolveRankingConfig` checks them.
 */
export interface RankingWeights {
  skills: number;
  major: number;
  certificates: number;
  internship: number;
  academic: number;
  preference: number;
  partner: number;
}

export type RankingFactor = keyof RankingWeights;

/** Factor order in every explanation. */
export const RANKING_FACTORS: readonly RankingFactor[] = [
  'skills',
  'major',
  'certificates',
  'internship',
  'academic',
  'preference',
  'partner',
];

export const RANKING_FACTOR_LABELS: Readonly<Record<RankingFactor, string>> = {
  skills: '技能匹配',
  major: '专业相关度',
  certificates: '证书',
  internship: '行业实习',
  academic: '学业表现',
  preference: '意向契合',
  partner: '合作院校',
};

export interface RankingConfig {
  weights: RankingWeights;
  /** A required skill counts this many times a nice-to-have one of the same weight. */
  requiredSkillBoost: number;
  /** Closeness when the graduate's major is the named 专业, in its 专业类, or in its 门类. */
  majorCloseness: { major: number; class: number; discipline: number };
  /** Months of same-industry internship that earn the whole internship factor. */
  internshipFullCreditMonths: number;
  /** Academic fraction for a graduate without a GPA percentile (the median). */
  missingGpaFraction: number;
  /** Fit for an industry or kind preference the graduate left empty. */
  unstatedPreferenceFraction: number;
  /** Relative weights of the preference parts. */
  preferenceParts: { city: number; industry: number; kind: number; salary: number };
}

export const DEFAULT_RANKING_CONFIG: Readonly<RankingConfig> = deepFreeze({
  weights: { skills: 40, major: 15, certificates: 10, internship: 10, academic: 10, preference: 10, partner: 5 },
  requiredSkillBoost: 2,
  majorCloseness: { major: 1, class: 0.6, discipline: 0.3 },
  internshipFullCreditMonths: 6,
  missingGpaFraction: 0.5,
  unstatedPreferenceFraction: 0.5,
  preferenceParts: { city: 1, industry: 1, kind: 1, salary: 1 },
});

export interface RankingConfigOverrides {
  weights?: Partial<RankingWeights>;
  requiredSkillBoost?: number;
  majorCloseness?: Partial<RankingConfig['majorCloseness']>;
  internshipFullCreditMonths?: number;
  missingGpaFraction?: number;
  unstatedPreferenceFraction?: number;
  preferenceParts?: Partial<RankingConfig['preferenceParts']>;
}

/** The defaults with the given overrides; throws a RangeError naming the first bad setting. */
export function resolveRankingConfig(overrides: RankingConfigOverrides = {}): RankingConfig {
  const d = DEFAULT_RANKING_CONFIG;
  const config: RankingConfig = {
    weights: { ...d.weights, ...overrides.weights },
    requiredSkillBoost: overrides.requiredSkillBoost ?? d.requiredSkillBoost,
    majorCloseness: { ...d.majorCloseness, ...overrides.majorCloseness },
    internshipFullCreditMonths: overrides.internshipFullCreditMonths ?? d.internshipFullCreditMonths,
    missingGpaFraction: overrides.missingGpaFraction ?? d.missingGpaFraction,
    unstatedPreferenceFraction: overrides.unstatedPreferenceFraction ?? d.unstatedPreferenceFraction,
    preferenceParts: { ...d.preferenceParts, ...overrides.preferenceParts },
  };
  for (const factor of RANKING_FACTORS) check(`weights.${factor}`, config.weights[factor], 0, Infinity);
  // Internship, academic standing and preferences apply to every demand, so some points always exist.
  if (config.weights.internship + config.weights.academic + config.weights.preference <= 0) {
    throw new RangeError('ranking config: weights.internship, weights.academic and weights.preference are all 0');
  }
  check('requiredSkillBoost', config.requiredSkillBoost, 1, Infinity);
  check('majorCloseness.major', config.majorCloseness.major, 0, 1);
  check('majorCloseness.class', config.majorCloseness.class, 0, config.majorCloseness.major);
  check('majorCloseness.discipline', config.majorCloseness.discipline, 0, config.majorCloseness.class);
  if (config.majorCloseness.major <= 0) throw new RangeError('ranking config: majorCloseness.major must be > 0');
  check('internshipFullCreditMonths', config.internshipFullCreditMonths, 0.1, 120);
  check('missingGpaFraction', config.missingGpaFraction, 0, 1);
  check('unstatedPreferenceFraction', config.unstatedPreferenceFraction, 0, 1);
  const parts = config.preferenceParts;
  for (const [part, value] of Object.entries(parts)) check(`preferenceParts.${part}`, value, 0, Infinity);
  if (parts.city + parts.industry + parts.kind + parts.salary <= 0) {
    throw new RangeError('ranking config: preferenceParts are all 0');
  }
  return deepFreeze(config);
}

function check(name: string, value: number, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    const range = max === Infinity ? `≥ ${min}` : `between ${min} and ${max}`;
    throw new RangeError(`ranking config: ${name} must be a number ${range}, got ${String(value)}`);
  }
}

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) if (typeof inner === 'object' && inner !== null) deepFreeze(inner);
  return Object.freeze(value);
}
