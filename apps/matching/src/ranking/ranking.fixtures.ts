// Factories and seeded random instances for the ranking specs (no test framework here, so it compiles
// with the service; nothing in the service imports it).
import { DEGREE_LEVELS, DEMAND_KINDS, type DegreeLevel, type DemandKind } from '#contracts';
import type { RankableDemand, RankableGraduate } from './ranking.types.js';

type GraduateOverrides = Partial<Omit<RankableGraduate, 'preferences'>> & {
  preferences?: Partial<RankableGraduate['preferences']>;
};

/** A recommendable 计算机科学与技术 bachelor of 2026 who knows Java and wants Hangzhou. */
export function makeGraduate(overrides: GraduateOverrides = {}): RankableGraduate {
  const { preferences, ...rest } = overrides;
  return {
    graduateId: 'g-1',
    collegeId: 'c-1',
    major: { code: '080901', catalogueYear: 2025 },
    degree: 'bachelor',
    graduationYear: 2026,
    skills: ['java', 'mysql'],
    certificates: [],
    internships: [],
    gpaPercentile: 50,
    personalisedRanking: true,
    consentStatus: 'given',
    placed: false,
    ...rest,
    preferences: {
      cities: ['330100'],
      industries: [],
      demandKinds: [],
      minMonthlySalary: null,
      willingToRelocate: false,
      ...preferences,
    },
  };
}

/** An open Java job in Hangzhou for 2026 computer-science bachelors. */
export function makeDemand(overrides: Partial<RankableDemand> = {}): RankableDemand {
  return {
    demandId: 'd-1',
    enterpriseId: 'e-1',
    kind: 'job',
    industrySection: 'I',
    majors: [{ code: '080901', catalogueYear: 2025 }],
    minDegree: 'bachelor',
    skills: [
      { skillId: 'java', weight: 5, required: true },
      { skillId: 'mysql', weight: 3, required: false },
    ],
    certificates: [],
    cities: ['330100'],
    salaryMin: 8000,
    salaryMax: 12000,
    graduationYears: [2026],
    deadline: '2026-06-30',
    partnerCollegeIds: [],
    ...overrides,
  };
}

/** mulberry32: a small, fast, seeded PRNG with uniform floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// Small vocabularies, so random graduates and demands collide often and every branch is reached.
const MAJORS = ['080901', '080902', '080904K', '080910T', '080701', '080202', '020101'];
const DEMAND_MAJOR_CODES = [...MAJORS, '0809', '0807', '08', '02'];
const SKILLS = ['java', 'python', 'mysql', 'linux', 'vue', 'plc', 'autocad', '数据分析', 'go'];
const CITIES = ['330100', '330106', '330000', '110000', '110105', '440300', '510100'];
const CERTS = ['CET-6', '电工证', '计算机二级'];
const SECTIONS = ['C', 'I', 'J', 'M'];
const COLLEGES = ['c-1', 'c-2', 'c-3', 'c-4'];
const YEARS = [2025, 2026, 2027];

export interface RandomInstance {
  graduates: RankableGraduate[];
  demands: RankableDemand[];
}

export function randomInstance(random: () => number, size: { graduates: number; demands: number }): RandomInstance {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const some = <T>(items: readonly T[], max: number): T[] => {
    const n = Math.floor(random() * (max + 1));
    return [...new Set(Array.from({ length: n }, () => pick(items)))];
  };
  const graduates = Array.from({ length: size.graduates }, (_, i): RankableGraduate => {
    const consent = random();
    return makeGraduate({
      graduateId: `g-${String(i).padStart(4, '0')}`,
      collegeId: pick(COLLEGES),
      major: { code: pick(MAJORS), catalogueYear: random() < 0.97 ? 2025 : 2020 },
      degree: pick(DEGREE_LEVELS) as DegreeLevel,
      graduationYear: pick(YEARS),
      skills: some(SKILLS, 6),
      certificates: some(CERTS, 2),
      internships: some(SECTIONS, 2).map((s) => ({
        industrySection: random() < 0.9 ? s : null,
        months: Math.round(random() * 120) / 10,
      })),
      gpaPercentile: random() < 0.8 ? Math.round(random() * 1000) / 10 : null,
      personalisedRanking: random() < 0.8,
      consentStatus: consent < 0.85 ? 'given' : consent < 0.93 ? 'none' : 'withdrawn',
      placed: random() < 0.08,
      preferences: {
        cities: some(CITIES, 2),
        industries: some(SECTIONS, 2),
        demandKinds: some(DEMAND_KINDS, 2) as DemandKind[],
        minMonthlySalary: random() < 0.6 ? 4000 + Math.floor(random() * 10) * 1000 : null,
        willingToRelocate: random() < 0.3,
      },
    });
  });
  const demands = Array.from({ length: size.demands }, (_, i): RankableDemand => {
    const kind = pick(DEMAND_KINDS) as DemandKind;
    const salaryMin = random() < 0.1 ? 0 : 3000 + Math.floor(random() * 8) * 1000;
    return makeDemand({
      demandId: `d-${String(i).padStart(3, '0')}`,
      enterpriseId: `e-${i % 5}`,
      kind,
      industrySection: pick(SECTIONS),
      majors: some(DEMAND_MAJOR_CODES, 2).map((code) => ({ code, catalogueYear: 2025 })),
      minDegree: pick(DEGREE_LEVELS) as DegreeLevel,
      skills: some(SKILLS, 4).map((skillId) => ({
        skillId,
        weight: 1 + Math.floor(random() * 5),
        required: random() < 0.4,
      })),
      certificates: some(CERTS, 2),
      cities: some(CITIES, 2),
      salaryMin,
      salaryMax: salaryMin === 0 && random() < 0.5 ? 0 : salaryMin + Math.floor(random() * 6) * 1000,
      graduationYears: some(YEARS, 2),
      deadline: `2026-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`,
      partnerCollegeIds: kind === 'order_training' ? some(COLLEGES, 2) : [],
    });
  });
  return { graduates, demands };
}
