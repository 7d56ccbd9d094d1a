import { describe, expect, it } from '@jest/globals';
import { RankingIndex } from './ranking-index.js';
import { makeDemand, makeGraduate } from './ranking.fixtures.js';
import { resolveRankingConfig } from './ranking.config.js';
import type { RankableDemand, RankableGraduate } from './ranking.types.js';

function indexWith(graduates: RankableGraduate[], demands: RankableDemand[] = [makeDemand()]): RankingIndex {
  const index = new RankingIndex();
  for (const g of graduates) index.upsertGraduate(g);
  for (const d of demands) index.upsertDemand(d);
  return index;
}

const rankedIds = (index: RankingIndex, demandId = 'd-1', k = 100): string[] =>
  index.topK(demandId, k)!.items.map((c) => c.graduateId);

describe('RankingIndex hard filters', () => {
  const strong = { skills: ['java', 'mysql'], gpaPercentile: 99 };

  it('never ranks a graduate without recommend consent, even one who would rank first', () => {
    const index = indexWith([
      makeGraduate({ graduateId: 'g-best', ...strong, consentStatus: 'none' }),
      makeGraduate({ graduateId: 'g-ok', skills: ['java'], gpaPercentile: 40 }),
    ]);
    expect(rankedIds(index)).toEqual(['g-ok']);
    expect(index.eligibility('d-1', 'g-best')).toEqual(['consent']);
    expect(index.explain('d-1', 'g-best')).toBeNull();
    expect(index.evaluateGraduate('g-best')).toEqual([]);

    index.setConsent('g-best', 'given');
    expect(rankedIds(index)).toEqual(['g-best', 'g-ok']);
    expect(index.evaluateGraduate('g-best')!.map((s) => s.demandId)).toEqual(['d-1']);

    index.setConsent('g-best', 'withdrawn');
    expect(rankedIds(index)).toEqual(['g-ok']);
    expect(index.recommendableCount).toBe(1);
  });

  it('leaves out placed graduates until the placement is undone', () => {
    const index = indexWith([
      makeGraduate({ graduateId: 'g-placed', placed: true }),
      makeGraduate({ graduateId: 'g-2' }),
    ]);
    expect(rankedIds(index)).toEqual(['g-2']);
    expect(index.eligibility('d-1', 'g-placed')).toEqual(['placed']);
    index.setPlaced('g-placed', false);
    expect(rankedIds(index).sort()).toEqual(['g-2', 'g-placed']);
  });

  it('requires at least the minimum degree', () => {
    const index = indexWith(
      [
        makeGraduate({ graduateId: 'g-associate', degree: 'associate' }),
        makeGraduate({ graduateId: 'g-bachelor', degree: 'bachelor' }),
        makeGraduate({ graduateId: 'g-master', degree: 'master' }),
      ],
      [makeDemand({ minDegree: 'bachelor' })],
    );
    expect(rankedIds(index).sort()).toEqual(['g-bachelor', 'g-master']);
    expect(index.eligibility('d-1', 'g-associate')).toEqual(['degree']);
  });

  it('requires an accepted graduation year; a demand naming none accepts any', () => {
    const graduates = [
      makeGraduate({ graduateId: 'g-2025', graduationYear: 2025 }),
      makeGraduate({ graduateId: 'g-2026', graduationYear: 2026 }),
    ];
    const index = indexWith(graduates, [
      makeDemand({ demandId: 'd-1', graduationYears: [2026, 2027] }),
      makeDemand({ demandId: 'd-any', graduationYears: [] }),
    ]);
    expect(rankedIds(index)).toEqual(['g-2026']);
    expect(index.eligibility('d-1', 'g-2025')).toEqual(['graduation_year']);
    expect(rankedIds(index, 'd-any').sort()).toEqual(['g-2025', 'g-2026']);
  });

  it('accepts a major at the level the demand names: 专业, 专业类 or 门类', () => {
    const graduates = [
      makeGraduate({ graduateId: 'g-cs', major: { code: '080901', catalogueYear: 2025 } }),
      makeGraduate({ graduateId: 'g-se', major: { code: '080902', catalogueYear: 2025 } }),
      makeGraduate({ graduateId: 'g-ee', major: { code: '080701', catalogueYear: 2025 } }),
      makeGraduate({ graduateId: 'g-econ', major: { code: '020101', catalogueYear: 2025 } }),
    ];
    const index = indexWith(graduates, [
      makeDemand({ demandId: 'd-major', majors: [{ code: '080901', catalogueYear: 2025 }] }),
      makeDemand({ demandId: 'd-class', majors: [{ code: '0809', catalogueYear: 2025 }] }),
      makeDemand({ demandId: 'd-discipline', majors: [{ code: '08', catalogueYear: 2025 }] }),
      makeDemand({ demandId: 'd-any', majors: [] }),
    ]);
    expect(rankedIds(index, 'd-major')).toEqual(['g-cs']);
    expect(rankedIds(index, 'd-class').sort()).toEqual(['g-cs', 'g-se']);
    expect(rankedIds(index, 'd-discipline').sort()).toEqual(['g-cs', 'g-ee', 'g-se']);
    expect(rankedIds(index, 'd-any')).toHaveLength(4);
    expect(index.eligibility('d-class', 'g-ee')).toEqual(['major']);
  });

  it('matches T/K majors with or without the suffix, but never across catalogue editions or unknown codes', () => {
    const index = indexWith(
      [
        makeGraduate({ graduateId: 'g-t', major: { code: '080910T', catalogueYear: 2025 } }),
        makeGraduate({ graduateId: 'g-old', major: { code: '080910T', catalogueYear: 2020 } }),
        makeGraduate({ graduateId: 'g-unknown', major: { code: '089999', catalogueYear: 2025 } }),
      ],
      [
        makeDemand({ demandId: 'd-plain', majors: [{ code: '080910', catalogueYear: 2025 }] }),
        makeDemand({ demandId: 'd-wrong-suffix', majors: [{ code: '080910K', catalogueYear: 2025 }] }),
        makeDemand({ demandId: 'd-class', majors: [{ code: '0809', catalogueYear: 2025 }] }),
        makeDemand({ demandId: 'd-any', majors: [] }),
      ],
    );
    expect(rankedIds(index, 'd-plain')).toEqual(['g-t']);
    expect(rankedIds(index, 'd-wrong-suffix')).toEqual([]);
    expect(rankedIds(index, 'd-class')).toEqual(['g-t']);
    expect(rankedIds(index, 'd-any').sort()).toEqual(['g-old', 'g-t', 'g-unknown']);
  });

  it('accepts a demand city the graduate wants (a city covers its districts) or a graduate willing to relocate', () => {
    const graduates = [
      makeGraduate({ graduateId: 'g-hangzhou', preferences: { cities: ['330100'] } }),
      makeGraduate({ graduateId: 'g-xihu', preferences: { cities: ['330106'] } }),
      makeGraduate({ graduateId: 'g-zhejiang', preferences: { cities: ['330000'] } }),
      makeGraduate({ graduateId: 'g-binjiang', preferences: { cities: ['330108'] } }),
      makeGraduate({ graduateId: 'g-beijing', preferences: { cities: ['110000'] } }),
      makeGraduate({ graduateId: 'g-mover', preferences: { cities: ['110000'], willingToRelocate: true } }),
      makeGraduate({ graduateId: 'g-nowhere', preferences: { cities: [] } }),
    ];
    const index = indexWith(graduates, [
      makeDemand({ demandId: 'd-xihu', cities: ['330106'] }),
      makeDemand({ demandId: 'd-hangzhou', cities: ['330100'] }),
      makeDemand({ demandId: 'd-anywhere', cities: [] }),
    ]);
    expect(rankedIds(index, 'd-xihu').sort()).toEqual(['g-hangzhou', 'g-mover', 'g-xihu', 'g-zhejiang']);
    expect(rankedIds(index, 'd-hangzhou').sort()).toEqual([
      'g-binjiang',
      'g-hangzhou',
      'g-mover',
      'g-xihu',
      'g-zhejiang',
    ]);
    expect(index.eligibility('d-xihu', 'g-binjiang')).toEqual(['city']);
    expect(index.eligibility('d-xihu', 'g-nowhere')).toEqual(['city']);
    expect(rankedIds(index, 'd-anywhere')).toHaveLength(7);
  });

  it('names every failing filter at once', () => {
    const index = indexWith([
      makeGraduate({
        degree: 'associate',
        graduationYear: 2024,
        major: { code: '020101', catalogueYear: 2025 },
        preferences: { cities: ['110000'] },
        consentStatus: 'withdrawn',
        placed: true,
      }),
    ]);
    expect(index.eligibility('d-1', 'g-1')).toEqual([
      'consent',
      'placed',
      'degree',
      'graduation_year',
      'major',
      'city',
    ]);
    expect(index.eligibility('d-1', 'nobody')).toBeUndefined();
    expect(index.eligibility('nothing', 'g-1')).toBeUndefined();
  });
});

describe('RankingIndex scores and explanations', () => {
  it('explains each factor in Chinese, and the contributions add up to the score', () => {
    const index = indexWith(
      [
        makeGraduate({
          skills: ['java'],
          certificates: ['CET-6'],
          internships: [{ industrySection: 'I', months: 3 }],
          gpaPercentile: 80,
        }),
      ],
      [makeDemand({ certificates: ['cet-6', '软考'], kind: 'order_training', partnerCollegeIds: ['c-1'] })],
    );
    const [candidate] = index.topK('d-1', 10)!.items;
    expect(candidate.factors.map((f) => f.label)).toEqual([
      '技能匹配',
      '专业相关度',
      '证书',
      '行业实习',
      '学业表现',
      '意向契合',
      '合作院校',
    ]);
    const sum = candidate.factors.reduce((total, f) => total + f.points, 0);
    expect(Math.round(sum * 100)).toBe(Math.round(candidate.score * 100));
    expect(candidate.factors.reduce((total, f) => total + f.maxPoints, 0)).toBeCloseTo(100, 9);
    const byFactor = Object.fromEntries(candidate.factors.map((f) => [f.factor, f]));
    expect(byFactor.major.points).toBe(byFactor.major.maxPoints); // exact 专业
    expect(byFactor.certificates.points).toBeCloseTo(byFactor.certificates.maxPoints / 2, 1); // 1 of 2, case-insensitive
    expect(byFactor.internship.points).toBeCloseTo(byFactor.internship.maxPoints / 2, 1); // 3 of 6 months in 门类 I
    expect(byFactor.academic.points).toBeCloseTo(byFactor.academic.maxPoints * 0.8, 1);
    expect(byFactor.partner.points).toBe(byFactor.partner.maxPoints);
    expect(candidate.matchedSkills).toEqual([{ skillId: 'java', label: 'Java', weight: 5, required: true }]);
    expect(candidate.missingSkills).toEqual([{ skillId: 'mysql', label: 'MySQL', weight: 3, required: false }]);
  });

  it('gives the partner-college bonus only for 订单培养, and leaves out factors that do not apply', () => {
    const index = indexWith(
      [makeGraduate({ graduateId: 'g-partner', collegeId: 'c-9' }), makeGraduate({ graduateId: 'g-other' })],
      [
        makeDemand({ demandId: 'd-order', kind: 'order_training', partnerCollegeIds: ['c-9'] }),
        makeDemand({ demandId: 'd-job', kind: 'job', partnerCollegeIds: ['c-9'] }),
      ],
    );
    expect(rankedIds(index, 'd-order')).toEqual(['g-partner', 'g-other']);
    const job = index.topK('d-job', 10)!.items;
    expect(job.map((c) => c.score)).toEqual([job[0].score, job[0].score]);
    expect(job[0].factors.map((f) => f.factor)).toEqual(['skills', 'major', 'internship', 'academic', 'preference']);
  });

  it('weighs required skills above optional ones and rare skills above common ones', () => {
    const demand = makeDemand({
      majors: [],
      skills: [
        { skillId: 'java', weight: 3, required: true },
        { skillId: 'mysql', weight: 3, required: false },
        { skillId: 'rust', weight: 3, required: false },
      ],
    });
    const common = Array.from({ length: 8 }, (_, i) => makeGraduate({ graduateId: `g-mysql-${i}`, skills: ['mysql'] }));
    const index = indexWith(
      [
        ...common,
        makeGraduate({ graduateId: 'g-java', skills: ['java'] }),
        makeGraduate({ graduateId: 'g-rust', skills: ['rust'] }),
      ],
      [demand],
    );
    const ranked = rankedIds(index);
    expect(ranked[0]).toBe('g-java');
    expect(ranked[1]).toBe('g-rust');
    expect(index.skillRarity('mysql')).toEqual(expect.objectContaining({ holders: 8, pool: 10 }));
    expect(index.skillRarity('rust').rarity).toBeGreaterThan(index.skillRarity('mysql').rarity);
    expect(index.topK('d-1', 1)!.items[0].missingSkills.filter((s) => s.required)).toEqual([]);
    expect(index.explain('d-1', 'g-rust')!.missingSkills).toContainEqual(
      expect.objectContaining({ skillId: 'java', required: true }),
    );
  });

  it('ranks the exact 专业 above the same 专业类 above the same 门类', () => {
    const index = indexWith(
      [
        makeGraduate({ graduateId: 'g-ee', major: { code: '080701', catalogueYear: 2025 } }),
        makeGraduate({ graduateId: 'g-se', major: { code: '080902', catalogueYear: 2025 } }),
        makeGraduate({ graduateId: 'g-cs', major: { code: '080901', catalogueYear: 2025 } }),
      ],
      [
        makeDemand({
          majors: [
            { code: '080901', catalogueYear: 2025 },
            { code: '08', catalogueYear: 2025 },
          ],
        }),
      ],
    );
    expect(rankedIds(index)).toEqual(['g-cs', 'g-se', 'g-ee']);
    const major = (id: string) => index.explain('d-1', id)!.factors.find((f) => f.factor === 'major')!;
    const full = major('g-cs').maxPoints;
    expect(major('g-cs').points).toBe(full);
    expect(major('g-se').points).toBeCloseTo(full * 0.6, 1);
    expect(major('g-ee').points).toBeCloseTo(full * 0.3, 1);
  });

  it('rewards preferences that fit: city, industry, kind and salary', () => {
    const fit = { cities: ['330100'], industries: ['I'], demandKinds: ['job' as const], minMonthlySalary: 8000 };
    const index = indexWith([
      makeGraduate({ graduateId: 'g-fit', preferences: fit }),
      makeGraduate({ graduateId: 'g-unstated', preferences: { cities: ['330100'] } }),
      makeGraduate({
        graduateId: 'g-misfit',
        preferences: {
          cities: ['110000'],
          willingToRelocate: true,
          industries: ['C'],
          demandKinds: ['internship'],
          minMonthlySalary: 20000,
        },
      }),
    ]);
    expect(rankedIds(index)).toEqual(['g-fit', 'g-unstated', 'g-misfit']);
    const preference = (id: string) => index.explain('d-1', id)!.factors.find((f) => f.factor === 'preference')!;
    expect(preference('g-fit').points).toBe(preference('g-fit').maxPoints);
    expect(preference('g-misfit').points).toBe(0);
  });

  it('breaks ties by graduate id and pages through the same order', () => {
    const ids = ['g-c', 'g-a', 'g-e', 'g-b', 'g-d'];
    const index = indexWith(ids.map((graduateId) => makeGraduate({ graduateId })));
    expect(rankedIds(index)).toEqual(['g-a', 'g-b', 'g-c', 'g-d', 'g-e']);
    const first = index.topK('d-1', 2, 0)!;
    const second = index.topK('d-1', 2, 2)!;
    const last = index.topK('d-1', 2, 4)!;
    expect([...first.items, ...second.items, ...last.items].map((c) => [c.graduateId, c.rank])).toEqual([
      ['g-a', 1],
      ['g-b', 2],
      ['g-c', 3],
      ['g-d', 4],
      ['g-e', 5],
    ]);
    expect([first.hasMore, second.hasMore, last.hasMore]).toEqual([true, true, false]);
    expect(index.topK('d-1', 0)!).toEqual(expect.objectContaining({ items: [], hasMore: true }));
    expect(index.topK('unknown', 10)).toBeUndefined();
    expect(() => index.topK('d-1', -1)).toThrow(RangeError);
    expect(() => index.topK('d-1', 10, 1.5)).toThrow(RangeError);
  });

  it('uses configured weights', () => {
    const config = resolveRankingConfig({ weights: { skills: 0, academic: 90 } });
    const index = new RankingIndex(config);
    index.upsertDemand(makeDemand());
    index.upsertGraduate(makeGraduate({ graduateId: 'g-skilled', skills: ['java', 'mysql'], gpaPercentile: 10 }));
    index.upsertGraduate(makeGraduate({ graduateId: 'g-scholar', skills: [], gpaPercentile: 95 }));
    expect(rankedIds(index)).toEqual(['g-scholar', 'g-skilled']);
    expect(index.explain('d-1', 'g-scholar')!.factors.map((f) => f.factor)).not.toContain('skills');
  });
});

describe('RankingIndex opportunities (reverse)', () => {
  const demands = [
    makeDemand({ demandId: 'd-java', deadline: '2026-05-01' }),
    makeDemand({
      demandId: 'd-python',
      deadline: '2026-03-01',
      skills: [{ skillId: 'python', weight: 5, required: true }],
    }),
    makeDemand({ demandId: 'd-master', minDegree: 'master', deadline: '2026-01-01' }),
    makeDemand({ demandId: 'd-old', deadline: '2025-12-31' }),
  ];

  it('ranks the open demands a graduate qualifies for and explains matched and missing skills', () => {
    const index = indexWith([makeGraduate()], demands);
    const page = index.opportunitiesFor('g-1', { limit: 10 })!;
    expect(page.order).toBe('personalised');
    expect(page.items.map((o) => o.demandId)).toEqual(['d-java', 'd-old', 'd-python']);
    expect(page.items[0].matchedSkills.map((s) => s.skillId)).toEqual(['java', 'mysql']);
    expect(page.items[2].missingSkills).toEqual([{ skillId: 'python', label: 'Python', weight: 5, required: true }]);
    for (const item of page.items) {
      expect(item.score).toBe(index.explain(item.demandId, 'g-1')!.score);
    }
    expect(index.opportunitiesFor('g-1', { limit: 10, today: '2026-01-01' })!.items.map((o) => o.demandId)).toEqual([
      'd-java',
      'd-python',
    ]);
  });

  it('lists demands in a neutral order, hard filters only, for a graduate who switched off personalised ranking', () => {
    const index = indexWith([makeGraduate({ personalisedRanking: false })], demands);
    const page = index.opportunitiesFor('g-1', { limit: 10 })!;
    expect(page.order).toBe('neutral');
    expect(page.items.map((o) => [o.demandId, o.score, o.factors])).toEqual([
      ['d-old', null, []],
      ['d-python', null, []],
      ['d-java', null, []],
    ]);
    // Still recommendable to enterprises.
    expect(rankedIds(index, 'd-java')).toEqual(['g-1']);
    const asked = indexWith([makeGraduate()], demands).opportunitiesFor('g-1', { limit: 2, neutral: true })!;
    expect(asked.items.map((o) => o.demandId)).toEqual(['d-old', 'd-python']);
    expect(asked.hasMore).toBe(true);
  });

  it('agrees with the forward scores when re-evaluating one graduate', () => {
    const index = indexWith([makeGraduate(), makeGraduate({ graduateId: 'g-2', skills: ['python'] })], demands);
    const evaluated = index.evaluateGraduate('g-2')!;
    expect(evaluated.map((s) => s.demandId)).toEqual(['d-python', 'd-java', 'd-old']);
    for (const { demandId, score } of evaluated) {
      expect(index.topK(demandId, 10)!.items.find((c) => c.graduateId === 'g-2')!.score).toBe(score);
    }
    expect(index.evaluateGraduate('nobody')).toBeUndefined();
    expect(index.opportunitiesFor('nobody', { limit: 1 })).toBeUndefined();
  });
});

describe('RankingIndex updates', () => {
  it('forgets a removed graduate everywhere at once', () => {
    const index = indexWith([makeGraduate(), makeGraduate({ graduateId: 'g-2' })]);
    expect(index.removeGraduate('g-1')).toBe(true);
    expect(rankedIds(index)).toEqual(['g-2']);
    expect(index.explain('d-1', 'g-1')).toBeUndefined();
    expect(index.opportunitiesFor('g-1', { limit: 5 })).toBeUndefined();
    expect(index.skillRarity('java').holders).toBe(1);
    expect(index.removeGraduate('g-1')).toBe(false);
    expect(index.graduateCount).toBe(1);
  });

  it('replaces a profile and a demand in place', () => {
    const index = indexWith([makeGraduate()]);
    index.upsertGraduate(makeGraduate({ skills: ['python'], graduationYear: 2027 }));
    expect(rankedIds(index)).toEqual([]);
    expect(index.skillRarity('java').holders).toBe(0);
    expect(index.skillRarity('python').holders).toBe(1);
    index.upsertDemand(
      makeDemand({ graduationYears: [2027], skills: [{ skillId: 'python', weight: 2, required: true }] }),
    );
    expect(index.topK('d-1', 5)!.items[0].matchedSkills.map((s) => s.skillId)).toEqual(['python']);
    expect(index.demandCount).toBe(1);
    expect(index.removeDemand('d-1')).toBe(true);
    expect(index.topK('d-1', 5)).toBeUndefined();
    expect(index.opportunitiesFor('g-1', { limit: 5 })!.items).toEqual([]);
  });
});

describe('RankingIndex demand weights', () => {
  it('shows what each factor and skill is worth, rarer and required skills worth more', () => {
    const index = indexWith(
      [
        makeGraduate({ graduateId: 'g-1', skills: ['mysql'] }),
        makeGraduate({ graduateId: 'g-2', skills: ['mysql', 'java'] }),
      ],
      [
        makeDemand({
          skills: [
            { skillId: 'java', weight: 2, required: false },
            { skillId: 'mysql', weight: 2, required: false },
            { skillId: 'redis', weight: 2, required: true },
          ],
        }),
      ],
    );
    const weights = index.demandWeights('d-1')!;
    expect(weights.factors.reduce((sum, f) => sum + f.maxPoints, 0)).toBeCloseTo(100, 9);
    const skills = weights.skills.reduce((sum, s) => sum + s.points, 0);
    expect(skills).toBeCloseTo(weights.factors.find((f) => f.factor === 'skills')!.maxPoints, 4);
    const [java, mysql, redis] = weights.skills;
    expect(java.points).toBeGreaterThan(mysql.points);
    expect(redis.points).toBeGreaterThan(java.points);
    const g2 = index.explain('d-1', 'g-2')!.factors.find((f) => f.factor === 'skills')!.points;
    expect(g2).toBeCloseTo(java.points + mysql.points, 2);
    expect(index.demandWeights('nothing')).toBeUndefined();
  });
});
