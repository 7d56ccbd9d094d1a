import { DEGREE_LEVELS, DEMAND_KINDS, majorLevelOf, normaliseSkillId, type DemandKind } from '#contracts';
import { majorByCode } from '#reference';
import { ALL_TERM, INDUSTRY_SECTIONS, postingKey, type GraduatePool } from './graduate-pool.js';
import { PostingList } from './posting-list.js';
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
  /** Accepted graduation years (as pool year indexes); empty = any year. */
  readonly years: readonly number[];
  readonly yearIdxs: readonly number[];
  /** False when the demand accepts any major. */
  readonly majorsNamed: boolean;
  /** Terms under which an accepted major is posted (专业, 专业类 or 门类, as named). */
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
  /** Points of every factor but skills. */
  readonly otherPoints: number;
  postingKeys: number[];
  postingPos: Int32Array;
}

/** Open demands, posted under the major terms and graduation years they accept (the reverse index). */
export class DemandBook {
  readonly ids: string[] = [];
  readonly bySlot: (CompiledDemand | undefined)[] = [];
  private readonly byId = new Map<string, CompiledDemand>();
  private readonly freeSlots: number[] = [];
  private readonly postings = new Map<number, PostingList>();

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
    return this.postings.get(postingKey(term, yearIdx));
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
      majorTerms: Int32Array.from(majorTerms),
      closenessTerms: Int32Array.from(closenessByTerm.keys()),
      closenessValues: Float64Array.from(closenessByTerm.values()),
      bestCloseness,
      skills: skills.map((s) => ({ skillId: s.skillId, weight: s.weight, required: s.required })),
      skillTerms: Int32Array.from(skills, (s) => pool.skillTerm(s.skillId)),
      skillBase: Float64Array.from(skills, (s) => s.weight * (s.required ? this.config.requiredSkillBoost : 1)),
      certTerms: Int32Array.from(certs, (c) => pool.certificates.intern(c)),
      cities: Int32Array.from(new Set(d.cities.map(Number))),
      salaryMin: d.salaryMin,
      salaryMax: d.salaryMax,
      partners: Int32Array.from(partners, (c) => pool.colleges.intern(c)),
      points: Int32Array.from(points),
      otherPoints: points.reduce((sum, p) => sum + p, 0) - points[F_SKILLS],
      postingKeys: [],
      postingPos: new Int32Array(0),
    };
  }

  private post(demand: CompiledDemand): void {
    const terms = demand.majorsNamed ? [...demand.majorTerms] : [ALL_TERM];
    const years = demand.years.length > 0 ? demand.yearIdxs : [0];
    const keys: number[] = [];
    for (const term of terms) for (const y of years) keys.push(postingKey(term, y));
    demand.postingKeys = keys;
    demand.postingPos = new Int32Array(keys.length);
    keys.forEach((key, i) => {
      let list = this.postings.get(key);
      if (!list) this.postings.set(key, (list = new PostingList()));
      demand.postingPos[i] = list.push(demand.slot);
    });
  }

  private unpost(demand: CompiledDemand): void {
    demand.postingKeys.forEach((key, i) => {
      const position = demand.postingPos[i];
      const moved = this.postings.get(key)!.removeAt(position);
      if (moved < 0) return;
      const other = this.bySlot[moved]!;
      other.postingPos[other.postingKeys.indexOf(key)] = position;
    });
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
