import { DEGREE_LEVELS, DEMAND_KINDS, majorLevelOf, normaliseSkillId, type DemandKind } from '#contracts';
import { majorByCode } from '#reference';
import { ALL_TERM, INDUSTRY_SECTIONS, type GraduatePool } from './graduate-pool.js';
import { PostingIndex, type PostingList } from './posting-list.js';
import { RANKING_FACTORS, type RankingConfig, type RankingFactor } from './ranking.config.js';
import type { RankableDemand } from './ranking.types.js';

/** Factor positions in `CompiledDemand.points`. */
export const F_SKILLS = 0;
export const F_MAJOR = 1;
export const F_CERTIFICATES = 2;
export const F_INTERNSHIP = 3;
export const F_ACADEMIC = 4;
export const F_PREFERENCE = 5;
export const F_PARTNER = 6;

/** A demand prepared for scoring: interned ids, typed arrays and its factor points. */
export interface CompiledDemand {
  readonly slot: number;
  readonly id: string;
  readonly enterpriseId: string;
  readonly kind: DemandKind;
  readonly kindBit: number;
  readonly deadline: string;
  /** GB/T 4754 门类 index, -1 when unknown. */
  readonly section: number;
  readonly minDegree: number;
  /** Accepted graduation years (empty = any year), and the same as pool year indexes. */
  readonly years: readonly number[];
  readonly yearIdxs: readonly number[];
  /** False when the demand accepts any major. */
  readonly majorsNamed: boolean;
  /** The 专业, 专业类 or 门类 terms the demand accepts, as named (graduates of every 专业 under them pass). */
  readonly majorTerms: Int32Array;
  /** Finest closeness each term gives, and the best any graduate can reach. */
  readonly closenessTerms: Int32Array;
  readonly closenessValues: Float64Array;
  readonly bestCloseness: number;
  readonly skills: readonly { skillId: string; weight: number; required: boolean }[];
  readonly skillTerms: Int32Array;
  /** weight × required boost; rarity is applied at query time because it moves with the pool. */
  readonly skillBase: Float64Array;
  readonly certTerms: Int32Array;
  readonly cities: Int32Array;
  readonly salaryMin: number;
  readonly salaryMax: number;
  readonly partners: Int32Array;
  /** Points of each factor in centipoints (0 when it does not apply); they add up to 10000. */
  readonly points: Int32Array;
  /** Where the demand is posted: (major term, year index) pairs and the position in each list. */
  postingTerms: number[];
  postingYears: number[];
  postingPos: Int32Array;
}

/** Open demands, posted under the major terms and graduation years they accept (the reverse index). */
export class DemandBook {
  readonly ids: string[] = [];
  readonly bySlot: (CompiledDemand | undefined)[] = [];
  private readonly byId = new Map<string, CompiledDemand>();
  private readonly freeSlots: number[] = [];
  private readonly postings = new PostingIndex();

  constructor(
    private readonly pool: GraduatePool,
    private readonly config: RankingConfig,
  ) {}

  get size(): number {
    return this.byId.size;
  }

  get(demandId: string): CompiledDemand | undefined {
    return this.byId.get(demandId);
  }

  postingsFor(term: number, yearIdx: number): PostingList | undefined {
    return this.postings.get(term, yearIdx);
  }

  upsert(input: RankableDemand): CompiledDemand {
    const existing = this.byId.get(input.demandId);
    if (existing) this.unpost(existing);
    const slot = existing?.slot ?? this.freeSlots.pop() ?? this.bySlot.length;
    const demand = this.compile(input, slot);
    this.byId.set(demand.id, demand);
    this.bySlot[slot] = demand;
    this.ids[slot] = demand.id;
    this.post(demand);
    return demand;
  }

  remove(demandId: string): boolean {
    const demand = this.byId.get(demandId);
    if (!demand) return false;
    this.unpost(demand);
    this.byId.delete(demandId);
    this.bySlot[demand.slot] = undefined;
    this.ids[demand.slot] = '';
    this.freeSlots.push(demand.slot);
    return true;
  }

  private compile(d: RankableDemand, slot: number): CompiledDemand {
    const minDegree = DEGREE_LEVELS.indexOf(d.minDegree);
    if (minDegree < 0) throw new RangeError(`ranking index: unknown degree ${String(d.minDegree)}`);
    const pool = this.pool;
    const closeness = this.config.majorCloseness;

    const majorTerms = new Set<number>();
    const closenessByTerm = new Map<number, number>();
    let bestCloseness = 0;
    const offer = (term: number, value: number) => {
      closenessByTerm.set(term, Math.max(closenessByTerm.get(term) ?? 0, value));
    };
    for (const ref of d.majors) {
      // Unknown codes accept nobody (as majorAccepts says); codes only compare within one catalogue.
      const major = majorByCode(ref.code, ref.catalogueYear);
      if (!major) continue;
      const digits = major.code.replace(/[A-Z]+$/, '');
      const term = (code: string) => pool.terms.intern(`m:${ref.catalogueYear}:${code}`);
      const level = majorLevelOf(digits);
      const own = level === 'major' ? closeness.major : level === 'class' ? closeness.class : closeness.discipline;
      majorTerms.add(term(digits));
      bestCloseness = Math.max(bestCloseness, own);
      if (level === 'major') offer(term(digits), closeness.major);
      if (level !== 'discipline') offer(term(digits.slice(0, 4)), closeness.class);
      offer(term(digits.slice(0, 2)), closeness.discipline);
    }

    const seenSkills = new Set<string>();
    const skills = d.skills.filter((s) => !seenSkills.has(s.skillId) && seenSkills.add(s.skillId));
    const years = [...new Set(d.graduationYears)];
    const partners = d.kind === 'order_training' ? [...new Set(d.partnerCollegeIds)] : [];
    const certs = [...new Set(d.certificates.map((c) => normaliseSkillId(c)).filter(Boolean))];

    const applies: boolean[] = [
      skills.length > 0,
      d.majors.length > 0,
      certs.length > 0,
      true,
      true,
      true,
      partners.length > 0,
    ];
    const points = apportion(
      RANKING_FACTORS.map((f: RankingFactor, i) => (applies[i] ? this.config.weights[f] : 0)),
      10000,
    );

    // One buffer for all the demand's numbers: a reverse query touches thousands of demands, and
    // separate small arrays would cost a cache miss each.
    const cities = [...new Set(d.cities.map(Number))];
    const carve = new Carver(
      [closenessByTerm.size + skills.length],
      [
        majorTerms.size,
        closenessByTerm.size,
        skills.length,
        certs.length,
        cities.length,
        partners.length,
        points.length,
      ],
    );
    return {
      slot,
      id: d.demandId,
      enterpriseId: d.enterpriseId,
      kind: d.kind,
      kindBit: 1 << Math.max(0, DEMAND_KINDS.indexOf(d.kind)),
      deadline: d.deadline,
      section: INDUSTRY_SECTIONS.indexOf(d.industrySection) >= 0 ? INDUSTRY_SECTIONS.indexOf(d.industrySection) : -1,
      minDegree,
      years,
      yearIdxs: years.map((y) => pool.internYear(y)),
      majorsNamed: d.majors.length > 0,
      majorTerms: carve.ints([...majorTerms]),
      closenessTerms: carve.ints([...closenessByTerm.keys()]),
      closenessValues: carve.floats([...closenessByTerm.values()]),
      bestCloseness,
      skills: skills.map((s) => ({ skillId: s.skillId, weight: s.weight, required: s.required })),
      skillTerms: carve.ints(skills.map((s) => pool.skillTerm(s.skillId))),
      skillBase: carve.floats(skills.map((s) => s.weight * (s.required ? this.config.requiredSkillBoost : 1))),
      certTerms: carve.ints(certs.map((c) => pool.certificates.intern(c))),
      cities: carve.ints(cities),
      salaryMin: d.salaryMin,
      salaryMax: d.salaryMax,
      partners: carve.ints(partners.map((c) => pool.colleges.intern(c))),
      points: carve.ints(points),
      postingTerms: [],
      postingYears: [],
      postingPos: new Int32Array(0),
    };
  }

  private post(demand: CompiledDemand): void {
    const terms = demand.majorsNamed ? [...demand.majorTerms] : [ALL_TERM];
    const years = demand.years.length > 0 ? demand.yearIdxs : [0];
    demand.postingTerms = [];
    demand.postingYears = [];
    for (const term of terms) {
      for (const y of years) {
        demand.postingTerms.push(term);
        demand.postingYears.push(y);
      }
    }
    demand.postingPos = Int32Array.from(demand.postingTerms, (term, i) =>
      this.postings.getOrCreate(term, demand.postingYears[i]).push(demand.slot),
    );
  }

  private unpost(demand: CompiledDemand): void {
    demand.postingTerms.forEach((term, i) => {
      const year = demand.postingYears[i];
      const position = demand.postingPos[i];
      const moved = this.postings.get(term, year)!.removeAt(position);
      if (moved < 0) return;
      const other = this.bySlot[moved]!;
      for (let j = 0; j < other.postingTerms.length; j++) {
        if (other.postingTerms[j] === term && other.postingYears[j] === year) other.postingPos[j] = position;
      }
    });
  }
}

/** Hands out Float64Array and Int32Array views of one ArrayBuffer (floats first, for alignment). */
class Carver {
  private readonly buffer: ArrayBuffer;
  private floatAt = 0;
  private intAt: number;

  constructor(floatCounts: number[], intCounts: number[]) {
    const floats = floatCounts.reduce((a, b) => a + b, 0);
    const ints = intCounts.reduce((a, b) => a + b, 0);
    this.buffer = new ArrayBuffer(floats * 8 + ints * 4);
    this.intAt = floats * 8;
  }

  floats(values: number[]): Float64Array {
    const view = new Float64Array(this.buffer, this.floatAt, values.length);
    view.set(values);
    this.floatAt += values.length * 8;
    return view;
  }

  ints(values: number[]): Int32Array {
    const view = new Int32Array(this.buffer, this.intAt, values.length);
    view.set(values);
    this.intAt += values.length * 4;
    return view;
  }
}

/** Integer shares of `total` proportional to `weights`, summing exactly to `total` (largest remainder). */
export function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w * total) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => i).sort((a, b) => exact[b] - shares[b] - (exact[a] - shares[a]) || a - b);
  for (const i of byRemainder) {
    if (left <= 0) break;
    if (weights[i] > 0) {
      shares[i]++;
      left--;
    }
  }
  return shares;
}
