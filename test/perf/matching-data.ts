// Deterministic synthetic data for the matching benchmark: graduates and open demands drawn from the
// official catalogues (#reference majors and regions, the shared skill vocabulary) with skewed,
// correlated distributions — popular majors and cities, Zipf-like skills that depend on the major.
import type { DegreeLevel, DemandKind } from '#contracts';
import { listMajors, listRegions, SKILL_VOCABULARY, type Major } from '#reference';
import type { RankableDemand, RankableGraduate } from '../../apps/matching/src/ranking/index.js';
import { regionsOverlap } from '../../apps/matching/src/ranking/region-match.js';

export type Random = () => number;

/** mulberry32: small, fast, seeded. */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sampling from fixed weights by binary search over the cumulative sums. */
class Weighted<T> {
  private readonly cumulative: Float64Array;
  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => (this.cumulative[i] = sum += w));
  }

  pick(random: Random): T {
    const x = random() * this.cumulative[this.cumulative.length - 1];
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

const zipf = <T>(items: readonly T[], s: number) =>
  new Weighted(
    items,
    items.map((_, i) => 1 / (i + 1) ** s),
  );

function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const CATALOGUE = 2025;
const BIG_CITIES = ['110100', '310100', '440100', '440300', '330100', '320100', '510100', '420100', '610100', '120100'];
const CERTIFICATES = [
  'CET-4',
  'CET-6',
  '计算机二级',
  '普通话二级甲等',
  '电工证',
  '焊工证',
  '教师资格证',
  '初级会计职称',
  '1+X Web 前端开发职业技能等级证书',
  '1+X 工业机器人操作与运维职业技能等级证书',
  '软考初级',
  '软考中级',
  '驾驶证',
  '护士执业资格证',
  'CAD 绘图员证',
  '数控车工中级',
  '人力资源管理师',
  '证券从业资格',
  '银行从业资格',
  '导游证',
];
const SECTIONS = new Weighted(
  'ABCDEFGHIJKLMNOPQRST'.split(''),
  [1, 1, 12, 2, 4, 6, 3, 3, 10, 5, 2, 4, 5, 1, 2, 3, 3, 1, 1, 1],
);
const DEGREES = new Weighted<DegreeLevel>(
  ['secondary_vocational', 'associate', 'bachelor', 'master', 'doctor'],
  [3, 45, 42, 9, 1],
);
const MIN_DEGREES = new Weighted<DegreeLevel>(
  ['secondary_vocational', 'associate', 'bachelor', 'master'],
  [2, 45, 45, 8],
);
const YEARS = new Weighted([2024, 2025, 2026, 2027], [10, 35, 40, 15]);
const DEMAND_YEARS = new Weighted([[2026], [2025], [2027], [2025, 2026], [2026, 2027]], [35, 15, 10, 25, 15]);
const KINDS = new Weighted<DemandKind>(['job', 'internship', 'apprenticeship', 'order_training'], [60, 25, 8, 7]);
const ALL_KINDS: DemandKind[] = ['job', 'internship', 'apprenticeship', 'order_training'];

/** The catalogues and distributions, built once per seed. */
export class MatchingWorld {
  readonly majors: Weighted<Major>;
  private readonly majorsByClass = new Map<string, Major[]>();
  private readonly skillsByClass = new Map<string, Weighted<string>>();
  private readonly globalSkills: Weighted<string>;
  private readonly cities: Weighted<string>;
  private readonly districtsByCity = new Map<string, string[]>();
  readonly regionCodes: number[];
  private readonly certificates = zipf(CERTIFICATES, 1);
  readonly colleges: string[];

  constructor(seed: number) {
    const random = seeded(seed);
    const catalogue = listMajors(CATALOGUE).filter((m) => m.level === 'major');
    this.majors = zipf(shuffle(catalogue, random), 0.8);
    for (const m of catalogue) {
      const list = this.majorsByClass.get(m.classCode!) ?? [];
      list.push(m);
      this.majorsByClass.set(m.classCode!, list);
    }
    const vocabulary = SKILL_VOCABULARY.map((s) => s.id);
    this.globalSkills = zipf(shuffle(vocabulary, random), 1.1);
    // Each 专业类 has its own favourite vocabulary skills and a tail of its own specialist skills.
    for (const classCode of this.majorsByClass.keys()) {
      const favourites = shuffle(vocabulary, random).slice(0, 10);
      const specialist = Array.from({ length: 20 }, (_, i) => `${classCode}专项技能${i + 1}`);
      this.skillsByClass.set(classCode, zipf([...favourites, ...shuffle(specialist, random)], 1));
    }
    const regions = listRegions();
    this.regionCodes = regions.map((r) => Number(r.code));
    const cityCodes = regions.filter((r) => r.level === 'city').map((r) => r.code);
    const rest = shuffle(
      cityCodes.filter((c) => !BIG_CITIES.includes(c)),
      random,
    );
    this.cities = zipf([...BIG_CITIES, ...rest], 1);
    for (const r of regions) {
      if (r.level !== 'district' || r.cityCode === null) continue;
      const list = this.districtsByCity.get(r.cityCode) ?? [];
      list.push(r.code);
      this.districtsByCity.set(r.cityCode, list);
    }
    this.colleges = Array.from({ length: 2000 }, (_, i) => `c${String(i).padStart(4, '0')}`);
  }

  /** Graduate `i` of the run: the same seed and index always give the same profile. */
  *graduates(seed: number, count: number): Generator<RankableGraduate> {
    const random = seeded(seed);
    for (let i = 0; i < count; i++) yield this.graduate(random, i);
  }

  graduate(random: Random, i: number): RankableGraduate {
    const major = this.majors.pick(random);
    const classSkills = this.skillsByClass.get(major.classCode!)!;
    const skills = new Set<string>();
    const n = 3 + Math.floor(random() * 10);
    for (let k = 0; k < n; k++) skills.add((random() < 0.65 ? classSkills : this.globalSkills).pick(random));
    const consent = random();
    return {
      graduateId: `g${String(i).padStart(7, '0')}`,
      collegeId: this.colleges[Math.floor(random() ** 1.5 * this.colleges.length)],
      major: { code: major.code, catalogueYear: CATALOGUE },
      degree: DEGREES.pick(random),
      graduationYear: YEARS.pick(random),
      skills: [...skills],
      certificates: this.some(random, 3, () => this.certificates.pick(random)),
      internships: Array.from({ length: Math.floor(random() * 3) }, () => ({
        industrySection: SECTIONS.pick(random),
        months: 1 + Math.floor(random() * 12),
      })),
      gpaPercentile: random() < 0.85 ? Math.round(random() * 1000) / 10 : null,
      personalisedRanking: random() < 0.95,
      consentStatus: consent < 0.88 ? 'given' : consent < 0.96 ? 'none' : 'withdrawn',
      placed: random() < 0.12,
      preferences: {
        cities: this.some(random, 3, () => this.graduateCity(random), 1),
        industries: this.some(random, 3, () => SECTIONS.pick(random)),
        demandKinds: this.some(random, 2, () => ALL_KINDS[Math.floor(random() * 4)]),
        minMonthlySalary: random() < 0.7 ? 3000 + 500 * Math.floor(random() * 19) : null,
        willingToRelocate: random() < 0.3,
      },
    };
  }

  *demands(seed: number, count: number): Generator<RankableDemand> {
    const random = seeded(seed);
    for (let i = 0; i < count; i++) yield this.demand(random, i);
  }

  demand(random: Random, i: number): RankableDemand {
    const anchor = this.majors.pick(random);
    const level = random();
    const codes = new Set<string>();
    codes.add(level < 0.55 ? anchor.code : level < 0.9 ? anchor.classCode! : anchor.disciplineCode);
    const siblings = this.majorsByClass.get(anchor.classCode!)!;
    for (let extra = Math.floor(random() * 3); extra > 0; extra--) {
      codes.add(random() < 0.7 ? siblings[Math.floor(random() * siblings.length)].code : anchor.classCode!);
    }
    const classSkills = this.skillsByClass.get(anchor.classCode!)!;
    const skillIds = new Set<string>();
    const n = 2 + Math.floor(random() * 7);
    for (let k = 0; k < n; k++) skillIds.add((random() < 0.8 ? classSkills : this.globalSkills).pick(random));
    const kind = KINDS.pick(random);
    const salaryMin = random() < 0.05 ? 0 : 4000 + 500 * Math.floor(random() * 17);
    const month = 1 + Math.floor(random() * 7);
    return {
      demandId: `d${String(i).padStart(6, '0')}`,
      enterpriseId: `e${String(Math.floor(random() * 20000)).padStart(5, '0')}`,
      kind,
      industrySection: SECTIONS.pick(random),
      majors: [...codes].map((code) => ({ code, catalogueYear: CATALOGUE })),
      minDegree: MIN_DEGREES.pick(random),
      skills: [...skillIds].map((skillId) => ({
        skillId,
        weight: 1 + Math.floor(random() * 5),
        required: random() < 0.35,
      })),
      certificates: random() < 0.6 ? [] : this.some(random, 2, () => this.certificates.pick(random), 1),
      cities: this.some(random, 3, () => this.demandCity(random), 1),
      salaryMin,
      salaryMax: salaryMin === 0 ? 0 : salaryMin + 1000 * (2 + Math.floor(random() * 7)),
      graduationYears: DEMAND_YEARS.pick(random),
      deadline:
        month <= 1 ? '2026-12-31' : `2027-0${month - 1}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
      partnerCollegeIds:
        kind === 'order_training' ? this.some(random, 3, () => this.colleges[Math.floor(random() * 200)], 1) : [],
    };
  }

  /** Region codes a graduate may list that overlap a demand city (for the SQL side's `&&`). */
  overlappingRegions(demandCities: readonly string[]): number[] {
    const wanted = demandCities.map(Number);
    return this.regionCodes.filter((code) => wanted.some((city) => regionsOverlap(city, code)));
  }

  private graduateCity(random: Random): string {
    const city = this.cities.pick(random);
    const r = random();
    if (r < 0.12) {
      const districts = this.districtsByCity.get(city);
      if (districts?.length) return districts[Math.floor(random() * districts.length)];
    }
    return r > 0.92 ? `${city.slice(0, 2)}0000` : city;
  }

  private demandCity(random: Random): string {
    const city = this.cities.pick(random);
    const districts = this.districtsByCity.get(city);
    return random() < 0.2 && districts?.length ? districts[Math.floor(random() * districts.length)] : city;
  }

  private some<T>(random: Random, max: number, draw: () => T, min = 0): T[] {
    const n = min + Math.floor(random() * (max - min + 1));
    const out = new Set<T>();
    for (let k = 0; k < n; k++) out.add(draw());
    return [...out];
  }
}
