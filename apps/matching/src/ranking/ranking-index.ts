import type { ConsentStatus } from '#contracts';
import { DemandBook, F_MAJOR, type CompiledDemand } from './demand-book.js';
import { ALL_TERM, FLAG_CONSENT, FLAG_PERSONALISED, FLAG_PLACED, GraduatePool } from './graduate-pool.js';
import { PairScorer, SKILL_SCALE } from './pair-scorer.js';
import {
  DEFAULT_RANKING_CONFIG,
  RANKING_FACTOR_LABELS,
  RANKING_FACTORS,
  type RankingConfig,
} from './ranking.config.js';
import type {
  CandidatePage,
  DemandScore,
  DemandWeights,
  IneligibilityReason,
  MatchExplanation,
  OpportunityMatch,
  OpportunityOptions,
  OpportunityPage,
  RankableDemand,
  RankableGraduate,
} from './ranking.types.js';
import type { PostingList } from './posting-list.js';
import { BoundTables, CODE_RELOCATES } from './static-code.js';
import { TopHeap } from './top-heap.js';

/** Below this many candidates behind the hard-filter postings, scoring them all beats anything clever. */
const SMALL_CANDIDATE_SET = 4096;

export interface EvaluateOptions {
  /** YYYY-MM-DD (China time): demands whose deadline is earlier are left out. */
  today?: string;
  /** Only demands where the graduate scores at least this much. */
  minScore?: number;
}

/** A posting list of one accepted 专业, with the major points (centipoints) its graduates cannot reach. */
interface MajorList {
  list: PostingList;
  penalty: number;
}

/** How forward queries find candidates; `auto` picks per query. Forcing a route is for tests. */
export interface RankingIndexTuning {
  route: 'auto' | 'filters' | 'skills';
}

/**
 * The in-memory ranking engine: who an enterprise sees for a demand, and which open demands a
 * graduate sees. Pure and synchronous — the service feeds it from its read model and events.
 *
 * Forward queries (`topK`) never score the whole pool. Postings hold recommendable graduates per
 * term (each skill, and a catch-all term) × graduation year × 专业, so a demand reads only the years
 * and majors it accepts, and every entry carries the graduate's static code (static-code.ts), which
 * per-query tables turn into a bound of their non-skill points. When the accepted postings are large,
 * candidates are first discovered through the demand's skill postings (MaxScore: a graduate first met
 * in a list holds none of the skills read before), then the catch-all postings are scanned for the
 * rest. Entries whose bound cannot reach the current top k are skipped while reading the list, before
 * the graduate's record is touched; a bounded heap keeps the top k, ties going to the smaller graduate
 * id, so the ranking is a total order that does not depend on insertion order. The bounds are exact
 * upper bounds, so the result is always the same as scoring everyone (the specs check this).
 *
 * Every update is O(terms of the changed profile or demand): postings are unordered lists with
 * swap-removal, and skill document frequencies move with them.
 */
export class RankingIndex {
  private readonly pool: GraduatePool;
  private readonly book: DemandBook;
  private readonly scorer: PairScorer;
  private readonly heap = new TopHeap();
  /** Per-query scratch, reused so queries allocate next to nothing. */
  private readonly bounds = new BoundTables();
  private demandSeen = new Uint32Array(1024);
  private epoch = 0;
  private termPoints = new Float64Array(1024);
  /** Skill terms whose lists a forward query has read. */
  private doneTerms = new Uint8Array(1024);
  private heldTerms = new Uint8Array(1024);
  private skillBuffer = new Float64Array(32);

  constructor(
    readonly config: RankingConfig = DEFAULT_RANKING_CONFIG,
    private readonly tuning: RankingIndexTuning = { route: 'auto' },
  ) {
    this.pool = new GraduatePool(config);
    this.book = new DemandBook(this.pool, config);
    this.scorer = new PairScorer(this.pool, config);
  }

  // ---- updates -----------------------------------------------------------------------------

  /** Adds or replaces a graduate; shown to enterprises only with `recommend` consent and not placed. */
  upsertGraduate(graduate: RankableGraduate): void {
    this.pool.upsert(graduate);
  }

  /** Forgets a graduate (erasure); returns false when unknown. */
  removeGraduate(graduateId: string): boolean {
    return this.pool.remove(graduateId);
  }

  setConsent(graduateId: string, status: ConsentStatus): boolean {
    return this.pool.setFlag(graduateId, FLAG_CONSENT, status === 'given');
  }

  setPlaced(graduateId: string, placed: boolean): boolean {
    return this.pool.setFlag(graduateId, FLAG_PLACED, placed);
  }

  /** Adds or replaces an open demand. Paused, closed or filled demands are removed, not upserted. */
  upsertDemand(demand: RankableDemand): void {
    this.book.upsert(demand);
  }

  removeDemand(demandId: string): boolean {
    return this.book.remove(demandId);
  }

  get graduateCount(): number {
    return this.pool.size;
  }

  /** Graduates an enterprise may see: consent given and not placed. */
  get recommendableCount(): number {
    return this.pool.recommendable;
  }

  get demandCount(): number {
    return this.book.size;
  }

  /** How many recommendable graduates hold a skill, and its rarity weight. */
  skillRarity(skillId: string): { holders: number; pool: number; rarity: number } {
    const term = this.pool.terms.find(`s:${skillId}`);
    const holders = term >= 0 && term < this.pool.df.length ? this.pool.df[term] : 0;
    return {
      holders,
      pool: this.pool.recommendable,
      rarity: Math.log(1 + (this.pool.recommendable + 1) / (holders + 1)),
    };
  }

  // ---- forward: candidates for a demand ------------------------------------------------------

  /** The ranked, explained candidates `offset … offset+k-1`; undefined for an unknown demand. */
  topK(demandId: string, k: number, offset = 0): CandidatePage | undefined {
    checkPage(k, offset);
    const d = this.book.get(demandId);
    if (!d) return undefined;
    const pool = this.pool;
    const points = this.skillPointsOf(d);
    if (this.termPoints.length < pool.terms.size) {
      this.termPoints = new Float64Array(pool.terms.size * 2);
      this.doneTerms = new Uint8Array(pool.terms.size * 2);
    }
    const termPoints = this.termPoints;
    let skillTotal = 0;
    for (let i = 0; i < d.skillTerms.length; i++) {
      termPoints[d.skillTerms[i]] = points[i];
      skillTotal += points[i];
    }
    this.scorer.fillBounds(d, this.bounds);
    const maxBound = this.bounds.max;

    this.heap.reset(offset + k + 1, pool.ids);
    const years = d.years.length > 0 ? d.yearIdxs : pool.allYearIdxs();
    try {
      const plan = this.planMajors(d);
      const everyone = this.listsOf(ALL_TERM, years, plan);
      let filtered = 0;
      for (const { list } of everyone) filtered += list.length;
      const viaSkills =
        skillTotal > 0 &&
        (this.tuning.route === 'auto' ? filtered > SMALL_CANDIDATE_SET : this.tuning.route === 'skills');
      const left = viaSkills ? this.bySkills(d, years, points, maxBound, filtered, plan) : skillTotal;
      if (left >= 0) this.scan(d, everyone, this.scorer.skillCp(left));
    } finally {
      for (let i = 0; i < d.skillTerms.length; i++) {
        termPoints[d.skillTerms[i]] = 0;
        this.doneTerms[d.skillTerms[i]] = 0;
      }
    }

    const { slots } = this.heap.drain();
    const items = slots.slice(offset, offset + k).map((slot, i) => ({
      graduateId: pool.ids[slot],
      rank: offset + i + 1,
      ...this.scorer.explain(d, slot, points),
    }));
    return { demandId, offset, limit: k, items, hasMore: slots.length > offset + k };
  }

  /** Why a graduate is not shown for a demand (empty: shown); undefined when either is unknown. */
  eligibility(demandId: string, graduateId: string): IneligibilityReason[] | undefined {
    const d = this.book.get(demandId);
    const slot = this.pool.slotOf(graduateId);
    if (!d || slot < 0) return undefined;
    return this.scorer.ineligibility(d, slot);
  }

  /** The score and explanation of one pair; null when a hard filter fails, undefined when unknown. */
  explain(demandId: string, graduateId: string): MatchExplanation | null | undefined {
    const reasons = this.eligibility(demandId, graduateId);
    if (reasons === undefined) return undefined;
    if (reasons.length > 0) return null;
    const d = this.book.get(demandId)!;
    return this.scorer.explain(d, this.pool.slotOf(graduateId), this.skillPointsOf(d));
  }

  /**
   * What each factor and each demanded skill is worth for a demand right now (skill points move with
   * rarity as the pool changes); undefined for an unknown demand.
   */
  demandWeights(demandId: string): DemandWeights | undefined {
    const d = this.book.get(demandId);
    if (!d) return undefined;
    const points = this.skillPointsOf(d);
    return {
      factors: RANKING_FACTORS.flatMap((factor, i) =>
        d.points[i] > 0 ? [{ factor, label: RANKING_FACTOR_LABELS[factor], maxPoints: d.points[i] / 100 }] : [],
      ),
      skills: d.skills.map((s, i) => ({
        ...s,
        rarity: this.pool.idf(d.skillTerms[i]),
        points: points[i] / (100 * SKILL_SCALE),
      })),
    };
  }

  /**
   * The 专业 (major indexes) the demand accepts, each with the major points (centipoints) its
   * graduates cannot reach — exact, since closeness depends only on the major.
   */
  private planMajors(d: CompiledDemand): Map<number, number> {
    const pool = this.pool;
    const plan = new Map<number, number>();
    if (!d.majorsNamed) {
      for (const m of pool.allMajorIdxs()) plan.set(m, 0);
      return plan;
    }
    const majorPoints = d.points[F_MAJOR];
    for (const term of d.majorTerms) {
      for (const m of pool.majorsUnder(term)) {
        if (plan.has(m)) continue;
        const [m6, m4, m2] = pool.majorIdxTerms[m];
        plan.set(m, majorPoints - this.scorer.majorCpOf(d, m6, m4, m2));
      }
    }
    return plan;
  }

  /** Postings of `term` for the accepted majors and years, each with its major's penalty. */
  private listsOf(term: number, years: readonly number[], plan: Map<number, number>): MajorList[] {
    const lists: MajorList[] = [];
    for (const y of years) {
      for (const [m, penalty] of plan) {
        const list = this.pool.postingsFor(term, y, m);
        if (list && list.length > 0) lists.push({ list, penalty });
      }
    }
    return lists;
  }

  /**
   * Discovers candidates through the skill postings (MaxScore). A graduate first met in a skill's
   * list holds none of the skills read before, so their skill points are at most what the skills
   * not yet read are worth; with the static bound from the entry's code (less the major points
   * their 专业 cannot reach) that prunes most entries before their slot is touched. Returns -1 when
   * the top k is final (nobody unseen can reach it), else the skill points an unseen graduate may
   * still hold, for the scan of the filter postings.
   */
  private bySkills(
    d: CompiledDemand,
    years: readonly number[],
    points: Float64Array,
    maxBound: number,
    filtered: number,
    plan: Map<number, number>,
  ): number {
    const heap = this.heap;
    const n = d.skillTerms.length;
    // Any order is exact (a graduate first met in a list holds none of the skills before it); the
    // shortest lists first leaves the long, common-skill lists for when the skill bound is lowest.
    const lists = Array.from({ length: n }, (_, i) => this.listsOf(d.skillTerms[i], years, plan));
    const sizes = lists.map((ls) => ls.reduce((sum, { list }) => sum + list.length, 0));
    const order = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => sizes[a] - sizes[b] || points[b] - points[a] || a - b,
    );
    let remaining = 0;
    for (let i = 0; i < n; i++) remaining += points[i];

    for (const i of order) {
      const skillBound = this.scorer.skillCp(remaining);
      if (skillBound + maxBound < heap.threshold) return -1;
      // A skill held by many times more graduates than pass the filters: scanning those is cheaper.
      if (sizes[i] > 4 * filtered) return remaining;
      remaining -= points[i];
      this.scan(d, lists[i], skillBound);
      this.doneTerms[d.skillTerms[i]] = 1;
    }
    // Everyone holding a demanded skill was seen or pruned; the others can earn only non-skill points.
    return maxBound < heap.threshold ? -1 : 0;
  }

  /**
   * Offers the entries of the lists (recommendable graduates of accepted majors and years) that pass
   * the remaining filters. An entry is skipped while reading the list when its bound — static code,
   * less the major penalty, plus `skillBound` — cannot reach the current top k; then when the
   * graduate holds a skill whose lists were read already (they were handled there); then with their
   * exact skill points; only then are the city filter and the other factors looked at.
   */
  private scan(d: CompiledDemand, lists: readonly MajorList[], skillBound: number): void {
    const pool = this.pool;
    const scorer = this.scorer;
    const heap = this.heap;
    const termPoints = this.termPoints;
    const done = this.doneTerms;
    const { academic, internship, preference, salary, certificatesDegree } = this.bounds;
    const anyCity = d.cities.length === 0;
    const majorPoints = d.points[F_MAJOR];
    let theta = heap.threshold;
    for (const { list, penalty } of lists) {
      const floor = skillBound - penalty;
      const items = list.items;
      const codes = list.codes;
      for (let i = 0, n = list.length; i < n; i++) {
        const code = codes[i];
        // BoundTables.bound, inlined: negative when the degree is too low.
        const bound =
          academic[code & 7] +
          internship[(code >>> 3) & 127] +
          preference[(code >>> 10) & 1023] +
          salary[(code >>> 20) & 7] +
          certificatesDegree[(code >>> 23) & 15];
        if (bound < 0 || floor + bound < theta) continue;
        const slot = items[i];
        const held = pool.heldPoints(slot, termPoints, done);
        if (held < 0) continue;
        const skill = Math.round(held / SKILL_SCALE);
        if (skill - penalty + bound < theta) continue;
        // Relocating graduates pass the city filter; the city fit (preference) still counts.
        const inCity = anyCity || scorer.inPreferredCity(d, slot);
        if (!inCity && !(code & CODE_RELOCATES)) continue;
        this.consider(d, slot, code, skill, majorPoints - penalty, inCity);
        theta = heap.threshold;
      }
    }
  }

  /**
   * Offers a graduate who passed the hard filters, with their exact skill and major points: the
   * factors in the record first, the attribute arena (certificates, internship) only when the code's
   * caps on those still leave the top k in reach.
   */
  private consider(d: CompiledDemand, slot: number, code: number, skill: number, major: number, inCity: boolean) {
    const heap = this.heap;
    const partial = skill + major + this.scorer.recordCp(d, slot, inCity);
    if (partial + this.bounds.arena(code) < heap.threshold) return;
    heap.offer(slot, partial + this.scorer.arenaCp(d, slot, code));
  }

  // ---- reverse: open demands for a graduate --------------------------------------------------

  /**
   * The open demands a graduate qualifies for, ranked and explained to them — or, when they switched
   * off personalised ranking (or ask for it), in a neutral order (deadline, then demand id) with the
   * hard filters only. This is the graduate's own view, so it does not depend on their `recommend`
   * consent or placement (those decide only whether enterprises see them). Undefined when unknown.
   */
  opportunitiesFor(graduateId: string, options: OpportunityOptions): OpportunityPage | undefined {
    const { limit, offset = 0 } = options;
    checkPage(limit, offset);
    const slot = this.pool.slotOf(graduateId);
    if (slot < 0) return undefined;
    const neutral = options.neutral === true || !(this.pool.flags(slot) & FLAG_PERSONALISED);
    const demands = this.qualifyingDemands(slot, options.today);

    if (neutral) {
      demands.sort((a, b) => compareText(a.deadline, b.deadline) || compareText(a.id, b.id));
      const items = demands.slice(offset, offset + limit).map((d, i): OpportunityMatch => {
        const { matchedSkills, missingSkills } = this.scorer.explain(d, slot, this.skillPointsOf(d));
        return { ...this.opportunityHead(d, offset + i), score: null, factors: [], matchedSkills, missingSkills };
      });
      return { graduateId, order: 'neutral', offset, limit, items, hasMore: demands.length > offset + limit };
    }

    this.heap.reset(offset + limit + 1, this.book.ids);
    this.withHeldSkills(slot, (held) => {
      for (const d of demands) this.heap.offer(d.slot, this.reverseScore(d, slot, held));
    });
    const { slots } = this.heap.drain();
    const items = slots.slice(offset, offset + limit).map((demandSlot, i): OpportunityMatch => {
      const d = this.book.bySlot[demandSlot]!;
      return { ...this.opportunityHead(d, offset + i), ...this.scorer.explain(d, slot, this.skillPointsOf(d)) };
    });
    return { graduateId, order: 'personalised', offset, limit, items, hasMore: slots.length > offset + limit };
  }

  /**
   * Every open demand where the graduate may be recommended, with their score there (best first):
   * for re-evaluating one changed profile before a push. Empty for a graduate without consent or
   * already placed; undefined for an unknown graduate.
   */
  evaluateGraduate(graduateId: string, options: EvaluateOptions = {}): DemandScore[] | undefined {
    const slot = this.pool.slotOf(graduateId);
    if (slot < 0) return undefined;
    if (!this.pool.isRecommendable(slot)) return [];
    const demands = this.qualifyingDemands(slot, options.today);
    const minCp = options.minScore === undefined ? 0 : Math.ceil(options.minScore * 100 - 1e-9);
    const cps = new Int32Array(demands.length);
    this.withHeldSkills(slot, (held) => {
      for (let i = 0; i < demands.length; i++) cps[i] = this.reverseScore(demands[i], slot, held);
    });
    const order: number[] = [];
    for (let i = 0; i < demands.length; i++) if (cps[i] >= minCp) order.push(i);
    order.sort((a, b) => cps[b] - cps[a] || compareText(demands[a].id, demands[b].id));
    return order.map((i) => ({ demandId: demands[i].id, score: cps[i] / 100 }));
  }

  private qualifyingDemands(slot: number, today: string | undefined): CompiledDemand[] {
    const pool = this.pool;
    const book = this.book;
    if (this.demandSeen.length < book.bySlot.length) this.demandSeen = new Uint32Array(book.bySlot.length * 2);
    const seen = this.demandSeen;
    const epoch = this.nextEpoch();
    const terms = [ALL_TERM, pool.major6(slot), pool.major4(slot), pool.major2(slot)];
    const years = [pool.yearOf(slot), 0];
    const found: CompiledDemand[] = [];
    for (const term of terms) {
      if (term < 0) continue;
      for (const year of years) {
        const list = book.postingsFor(term, year);
        if (!list) continue;
        for (let i = 0; i < list.length; i++) {
          const demandSlot = list.items[i];
          if (seen[demandSlot] === epoch) continue;
          seen[demandSlot] = epoch;
          const d = book.bySlot[demandSlot]!;
          if (today !== undefined && d.deadline < today) continue;
          if (!this.scorer.passesDegree(d, slot) || !this.scorer.passesCity(d, slot)) continue;
          found.push(d);
        }
      }
    }
    return found;
  }

  private reverseScore(d: CompiledDemand, slot: number, held: Uint8Array): number {
    const points = this.skillPointsOf(d);
    let sum = 0;
    for (let i = 0; i < d.skillTerms.length; i++) if (held[d.skillTerms[i]]) sum += points[i];
    return this.scorer.skillCp(sum) + this.scorer.otherCp(d, slot);
  }

  /** Runs `fn` with a by-term lookup of the graduate's skills. */
  private withHeldSkills(slot: number, fn: (held: Uint8Array) => void): void {
    const pool = this.pool;
    if (this.heldTerms.length < pool.terms.size) this.heldTerms = new Uint8Array(pool.terms.size * 2);
    const held = this.heldTerms;
    const off = pool.termOff(slot);
    const from = off + pool.skillFrom(slot);
    const end = off + pool.termLen(slot);
    for (let j = from; j < end; j++) held[pool.termArena[j]] = 1;
    try {
      fn(held);
    } finally {
      for (let j = from; j < end; j++) held[pool.termArena[j]] = 0;
    }
  }

  private opportunityHead(d: CompiledDemand, index: number) {
    return { demandId: d.id, enterpriseId: d.enterpriseId, kind: d.kind, deadline: d.deadline, rank: index + 1 };
  }

  // ---- scratch -------------------------------------------------------------------------------

  private skillPointsOf(d: CompiledDemand): Float64Array {
    if (this.skillBuffer.length < d.skillTerms.length) this.skillBuffer = new Float64Array(d.skillTerms.length * 2);
    this.scorer.skillPoints(d, this.skillBuffer);
    return this.skillBuffer;
  }

  private nextEpoch(): number {
    if (this.epoch === 0xffffffff) {
      this.demandSeen.fill(0);
      this.epoch = 0;
    }
    return ++this.epoch;
  }
}

function checkPage(limit: number, offset: number): void {
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`ranking index: limit must be an integer ≥ 0`);
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError(`ranking index: offset must be an integer ≥ 0`);
}

/** Code-unit order: the same everywhere, unlike localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
