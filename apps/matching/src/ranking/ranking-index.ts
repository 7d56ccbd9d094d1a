import type { ConsentStatus } from '#contracts';
import { DemandBook, type CompiledDemand } from './demand-book.js';
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
import { TopHeap } from './top-heap.js';

/** Below this many candidates behind the hard-filter postings, scoring them all beats anything clever. */
const SMALL_CANDIDATE_SET = 4096;
const ALL_TERMS = Int32Array.of(ALL_TERM);

/** How forward queries find candidates; `auto` picks per query. Forcing a route is for tests. */
export interface RankingIndexTuning {
  route: 'auto' | 'filters' | 'skills';
}

/**
 * The in-memory ranking engine: who an enterprise sees for a demand, and which open demands a
 * graduate sees. Pure and synchronous — the service feeds it from its read model and events.
 *
 * Forward queries (`topK`) never score the whole pool: candidates come from postings that already
 * apply the cheap hard filters (major term × graduation year, recommendable graduates only). When
 * those postings are large, candidates are discovered through the demand's skill postings instead,
 * most valuable skill first, and discovery stops as soon as no graduate not yet seen could beat the
 * current top k (the bound is exact because every factor's points are known per demand). A bounded
 * heap keeps the top k; ties go to the smaller graduate id, so the ranking is a total order and does
 * not depend on insertion order.
 *
 * Every update is O(terms of the changed profile or demand): postings are unordered lists with
 * swap-removal, and skill document frequencies move with them.
 */
export class RankingIndex {
  private readonly pool = new GraduatePool();
  private readonly book: DemandBook;
  private readonly scorer: PairScorer;
  private readonly heap = new TopHeap();
  /** Per-query scratch, reused so queries allocate next to nothing. */
  private seen = new Uint32Array(1024);
  private demandSeen = new Uint32Array(1024);
  private epoch = 0;
  private termPoints = new Float64Array(1024);
  private heldTerms = new Uint8Array(1024);
  private skillBuffer = new Float64Array(32);

  constructor(
    readonly config: RankingConfig = DEFAULT_RANKING_CONFIG,
    private readonly tuning: RankingIndexTuning = { route: 'auto' },
  ) {
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
    if (this.termPoints.length < pool.terms.size) this.termPoints = new Float64Array(pool.terms.size * 2);
    const termPoints = this.termPoints;
    for (let i = 0; i < d.skillTerms.length; i++) termPoints[d.skillTerms[i]] = points[i];

    this.heap.reset(offset + k + 1, pool.ids);
    const epoch = this.nextEpoch();
    const years = d.years.length > 0 ? d.yearIdxs : pool.allYearIdxs();
    try {
      const done =
        d.skillTerms.length > 0 && this.preferSkills(d, years, points) && this.bySkills(d, years, points, epoch);
      if (!done) this.byFilters(d, years, epoch);
    } finally {
      for (let i = 0; i < d.skillTerms.length; i++) termPoints[d.skillTerms[i]] = 0;
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

  // Which route finds the top k with less work: the hard-filter postings, or the skill postings
  // (which pay off only when the first, most valuable skill alone covers far fewer graduates).
  private preferSkills(d: CompiledDemand, years: readonly number[], points: Float64Array): boolean {
    if (this.tuning.route !== 'auto') return this.tuning.route === 'skills';
    const filtered = this.postedCount(d.majorsNamed ? d.majorTerms : ALL_TERMS, years);
    if (filtered <= SMALL_CANDIDATE_SET) return false;
    let first = 0;
    for (let i = 1; i < points.length; i++) if (points[i] > points[first]) first = i;
    return 2 * this.postedCount(d.skillTerms.subarray(first, first + 1), years) < filtered;
  }

  private postedCount(terms: Int32Array, years: readonly number[]): number {
    let count = 0;
    for (const term of terms) for (const y of years) count += this.pool.postingsFor(term, y)?.length ?? 0;
    return count;
  }

  /** Scores every graduate behind the demand's major × year postings that passes the other filters. */
  private byFilters(d: CompiledDemand, years: readonly number[], epoch: number): void {
    const pool = this.pool;
    const seen = this.seen;
    const terms = d.majorsNamed ? d.majorTerms : ALL_TERMS;
    for (let t = 0; t < terms.length; t++) {
      for (let y = 0; y < years.length; y++) {
        const list = pool.postingsFor(terms[t], years[y]);
        if (!list) continue;
        const items = list.items;
        for (let i = 0, n = list.length; i < n; i++) {
          const slot = items[i];
          if (seen[slot] === epoch) continue;
          seen[slot] = epoch;
          if (pool.degree[slot] < d.minDegree || !this.scorer.passesCity(d, slot)) continue;
          this.consider(d, slot);
        }
      }
    }
  }

  /**
   * Discovers candidates through the skill postings, most valuable skill first. Returns true when
   * the top k is final: no graduate left unseen (holding only the remaining skills, or none) could
   * reach the current threshold.
   */
  private bySkills(d: CompiledDemand, years: readonly number[], points: Float64Array, epoch: number): boolean {
    const pool = this.pool;
    const scorer = this.scorer;
    const heap = this.heap;
    const seen = this.seen;
    const n = d.skillTerms.length;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => points[b] - points[a] || a - b);
    let remaining = 0;
    for (let i = 0; i < n; i++) remaining += points[i];

    for (let r = 0; r < n; r++) {
      if (heap.full && scorer.skillCp(remaining) + d.otherPoints < heap.threshold) return true;
      const term = d.skillTerms[order[r]];
      remaining -= points[order[r]];
      for (let y = 0; y < years.length; y++) {
        const list = pool.postingsFor(term, years[y]);
        if (!list) continue;
        const items = list.items;
        for (let i = 0, len = list.length; i < len; i++) {
          const slot = items[i];
          if (seen[slot] === epoch) continue;
          seen[slot] = epoch;
          if (pool.degree[slot] < d.minDegree || !scorer.passesMajor(d, slot) || !scorer.passesCity(d, slot)) {
            continue;
          }
          this.consider(d, slot);
        }
      }
    }
    // Everyone holding a demanded skill was seen; the others can earn only the non-skill points.
    return heap.full && d.otherPoints < heap.threshold;
  }

  /** Offers a graduate who passed the hard filters; skips the other factors when even all of them would not do. */
  private consider(d: CompiledDemand, slot: number): void {
    const pool = this.pool;
    const termPoints = this.termPoints;
    const arena = pool.termArena;
    const off = pool.termOff[slot];
    const end = off + pool.termLen[slot];
    let held = 0;
    for (let j = off + pool.skillFrom[slot]; j < end; j++) held += termPoints[arena[j]];
    const skill = Math.round(held / SKILL_SCALE);
    const heap = this.heap;
    if (heap.full && skill + d.otherPoints < heap.threshold) return;
    heap.offer(slot, skill + this.scorer.otherCp(d, slot));
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
    const neutral = options.neutral === true || !(this.pool.flags[slot] & FLAG_PERSONALISED);
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
  evaluateGraduate(graduateId: string, options: { today?: string } = {}): DemandScore[] | undefined {
    const slot = this.pool.slotOf(graduateId);
    if (slot < 0) return undefined;
    if (!this.pool.isRecommendable(slot)) return [];
    const demands = this.qualifyingDemands(slot, options.today);
    const scored: { demandId: string; cp: number }[] = [];
    this.withHeldSkills(slot, (held) => {
      for (const d of demands) scored.push({ demandId: d.id, cp: this.reverseScore(d, slot, held) });
    });
    scored.sort((a, b) => b.cp - a.cp || compareText(a.demandId, b.demandId));
    return scored.map((s) => ({ demandId: s.demandId, score: s.cp / 100 }));
  }

  private qualifyingDemands(slot: number, today: string | undefined): CompiledDemand[] {
    const pool = this.pool;
    const book = this.book;
    if (this.demandSeen.length < book.bySlot.length) this.demandSeen = new Uint32Array(book.bySlot.length * 2);
    const seen = this.demandSeen;
    const epoch = this.nextEpoch();
    const terms = [ALL_TERM, pool.major6[slot], pool.major4[slot], pool.major2[slot]];
    const years = [pool.yearOf[slot], 0];
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
    const off = pool.termOff[slot];
    const from = off + pool.skillFrom[slot];
    const end = off + pool.termLen[slot];
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
    if (this.seen.length < this.pool.flags.length) this.seen = new Uint32Array(this.pool.flags.length);
    if (this.epoch === 0xffffffff) {
      this.seen.fill(0);
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
