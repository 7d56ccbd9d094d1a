import { DEGREE_LEVELS, DEMAND_KINDS, normaliseSkillId } from '#contracts';
import { majorByCode } from '#reference';
import { Interner } from './interner.js';
import { PostingIndex, type PostingList } from './posting-list.js';
import type { RankingConfig } from './ranking.config.js';
import type { RankableGraduate } from './ranking.types.js';
import { regionsOverlap } from './region-match.js';
import { encodeStaticCode } from './static-code.js';

export const FLAG_RELOCATE = 1;
export const FLAG_PERSONALISED = 2;
export const FLAG_CONSENT = 4;
export const FLAG_PLACED = 8;
export const FLAG_LIVE = 16;
/** In the postings: consent given and not placed. */
export const FLAG_POSTED = 32;

/** The term every recommendable graduate is posted under (demands that accept any major). */
export const ALL_TERM = 0;
const YEAR_KEYS = 65536;
const MAJOR_KEYS = 16384;

/**
 * Postings are kept per term, graduation year and 专业 (major index, 0 for majors the catalogue does
 * not know): a demand reads only the majors it accepts, so no entry it reads can fail the major
 * filter, and each list has one major closeness for its bound. The key stays a small integer.
 */
const yearMajorKey = (yearIdx: number, majorIdx: number): number => yearIdx * MAJOR_KEYS + majorIdx;

export const INDUSTRY_SECTIONS = 'ABCDEFGHIJKLMNOPQRST';

// Each graduate is one 128-byte record (32 int32 fields, two adjacent cache lines) in a single typed
// array: scoring a candidate touches the record instead of one cache line per field, which is what
// decides the speed at a million profiles. Variable-length lists live in two shared arenas; the first
// cities and skills are also kept inline.
const R = 32;
const R_M6 = 0;
const R_M4 = 1;
const R_M2 = 2;
const R_TERM_OFF = 3;
/** term count (16 bits) | index where skills begin (4) << 16 | degree (3) << 20 */
const R_TERM_META = 4;
const R_ATTR_OFF = 5;
/** certificates (8 bits) | cities (8) << 8 | internships (8) << 16 | flags (8) << 24 */
const R_ATTR_META = 6;
/** float32 GPA percentile, NaN when unknown */
const R_GPA = 7;
/** industries bitmask (20 bits) | demand kinds bitmask (4) << 20 */
const R_PREFS = 8;
/** graduation year index */
const R_YEAR_IDX = 9;
const R_MIN_SALARY = 10;
const R_COLLEGE = 11;
const R_YEAR = 12;
/** The first three preferred cities, inline (all of them are also in the attribute arena). */
const R_CITIES = 13;
const INLINE_CITIES = 3;
/** The first skill terms, inline (all of them are also in the term arena). */
const R_SKILLS = 16;
const INLINE_SKILLS = 15;
/** static code (see static-code.ts) */
const R_CODE = 31;
const MAX_LIST = 255;

/**
 * Graduates without one object per graduate, so a million profiles stay a few hundred MB: a record
 * per slot (see R_*), certificates, cities and internships in one arena, terms (the catch-all term
 * and the skills) in another with each entry's posting position beside it.
 *
 * Recommendable graduates (consent given, not placed) are posted under each of their terms within
 * their graduation year and 专业, every entry carrying the graduate's static code, and the skill
 * document frequencies count exactly those postings, so skill rarity always describes the pool a
 * demand can draw from.
 */
export class GraduatePool {
  /** Skills are `s:<id>`, majors `m:<catalogue year>:<digits>`; shared with the demands. */
  readonly terms = new Interner();
  readonly colleges = new Interner();
  readonly certificates = new Interner();
  /** Graduation year → index ≥ 1 (0 means "any year" on the demand side). */
  readonly yearIdx = new Map<number, number>();
  readonly yearsByIdx: number[] = [0];

  ids: string[] = [];
  private readonly slotById = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  /** Slots below this have been used. */
  highWater = 0;
  capacity = 0;
  /** Graduates in the postings. */
  recommendable = 0;

  rec = new Int32Array(0);
  private recF = new Float32Array(0);

  /** Term arena and, parallel to it, each entry's position in its posting list (-1 when not posted). */
  termArena = new Int32Array(1024);
  termPos = new Int32Array(1024);
  private termUsed = 0;
  private termWaste = 0;
  /** Certificates (ids), cities (region codes), internships (section << 20 | tenths of months). */
  attrArena = new Int32Array(1024);
  private attrUsed = 0;
  private attrWaste = 0;

  /** Recommendable graduates holding each skill term. */
  df = new Int32Array(1024);
  private idfCache = new Float64Array(0);
  private idfN = new Int32Array(0);
  private idfDf = new Int32Array(0);
  private readonly postings = new PostingIndex();
  private readonly majorTerms = new Map<string, readonly [number, number, number]>();
  /** 专业 term → major index ≥ 1; major index → its 专业, 专业类 and 门类 terms; majors under a term. */
  private readonly majorIdx = new Map<number, number>();
  readonly majorIdxTerms: (readonly [number, number, number])[] = [[-1, -1, -1]];
  private readonly majorsByTerm = new Map<number, number[]>();

  constructor(private readonly config: RankingConfig) {
    this.terms.intern('*');
    this.grow(1024);
  }

  // ---- record fields -------------------------------------------------------------------------

  major6(slot: number): number {
    return this.rec[slot * R + R_M6];
  }
  major4(slot: number): number {
    return this.rec[slot * R + R_M4];
  }
  major2(slot: number): number {
    return this.rec[slot * R + R_M2];
  }
  termOff(slot: number): number {
    return this.rec[slot * R + R_TERM_OFF];
  }
  termLen(slot: number): number {
    return this.rec[slot * R + R_TERM_META] & 0xffff;
  }
  skillFrom(slot: number): number {
    return (this.rec[slot * R + R_TERM_META] >> 16) & 15;
  }
  degree(slot: number): number {
    return (this.rec[slot * R + R_TERM_META] >> 20) & 7;
  }
  attrOff(slot: number): number {
    return this.rec[slot * R + R_ATTR_OFF];
  }
  certLen(slot: number): number {
    return this.rec[slot * R + R_ATTR_META] & MAX_LIST;
  }
  cityLen(slot: number): number {
    return (this.rec[slot * R + R_ATTR_META] >> 8) & MAX_LIST;
  }
  internLen(slot: number): number {
    return (this.rec[slot * R + R_ATTR_META] >> 16) & MAX_LIST;
  }
  flags(slot: number): number {
    return (this.rec[slot * R + R_ATTR_META] >> 24) & 0xff;
  }
  gpa(slot: number): number {
    return this.recF[slot * R + R_GPA];
  }
  industries(slot: number): number {
    return this.rec[slot * R + R_PREFS] & 0xfffff;
  }
  kinds(slot: number): number {
    return (this.rec[slot * R + R_PREFS] >> 20) & 15;
  }
  yearOf(slot: number): number {
    return this.rec[slot * R + R_YEAR_IDX];
  }
  code(slot: number): number {
    return this.rec[slot * R + R_CODE] >>> 0;
  }
  minSalary(slot: number): number {
    return this.rec[slot * R + R_MIN_SALARY];
  }
  college(slot: number): number {
    return this.rec[slot * R + R_COLLEGE];
  }
  year(slot: number): number {
    return this.rec[slot * R + R_YEAR];
  }

  /** Σ termPoints over the graduate's skills, or -1 when they hold a skill marked in `done`. */
  heldPoints(slot: number, termPoints: Float64Array, done: Uint8Array): number {
    const base = slot * R;
    const meta = this.rec[base + R_TERM_META];
    const from = (meta >> 16) & 15;
    const n = (meta & 0xffff) - from;
    const inline = n < INLINE_SKILLS ? n : INLINE_SKILLS;
    let held = 0;
    for (let j = 0; j < inline; j++) {
      const term = this.rec[base + R_SKILLS + j];
      if (done[term]) return -1;
      held += termPoints[term];
    }
    if (n > INLINE_SKILLS) {
      const off = this.rec[base + R_TERM_OFF] + from;
      for (let j = off + INLINE_SKILLS; j < off + n; j++) {
        if (done[this.termArena[j]]) return -1;
        held += termPoints[this.termArena[j]];
      }
    }
    return held;
  }

  /** True when one of the graduate's preferred cities overlaps one of `cities`. */
  prefersAnyOf(slot: number, cities: Int32Array): boolean {
    const base = slot * R;
    const n = (this.rec[base + R_ATTR_META] >> 8) & MAX_LIST;
    const inline = n < INLINE_CITIES ? n : INLINE_CITIES;
    for (let j = 0; j < inline; j++) {
      const city = this.rec[base + R_CITIES + j];
      for (let i = 0; i < cities.length; i++) if (regionsOverlap(cities[i], city)) return true;
    }
    if (n <= INLINE_CITIES) return false;
    const from = this.rec[base + R_ATTR_OFF] + (this.rec[base + R_ATTR_META] & MAX_LIST);
    for (let j = from + INLINE_CITIES; j < from + n; j++) {
      for (let i = 0; i < cities.length; i++) if (regionsOverlap(cities[i], this.attrArena[j])) return true;
    }
    return false;
  }

  // ---- lookups -------------------------------------------------------------------------------

  get size(): number {
    return this.slotById.size;
  }

  slotOf(graduateId: string): number {
    return this.slotById.get(graduateId) ?? -1;
  }

  postingsFor(term: number, yearIdx: number, majorIdx = 0): PostingList | undefined {
    return this.postings.get(term, yearMajorKey(yearIdx, majorIdx));
  }

  /** Major indexes (≥ 1) seen under a 专业, 专业类 or 门类 term. */
  majorsUnder(term: number): readonly number[] {
    return this.majorsByTerm.get(term) ?? [];
  }

  /** Every major index, 0 (majors the catalogue does not know) included. */
  allMajorIdxs(): number[] {
    return Array.from({ length: this.majorIdxTerms.length }, (_, i) => i);
  }

  /** The major index of a slot's 专业, interned on first sight. */
  private majorIdxOf(slot: number): number {
    const m6 = this.major6(slot);
    if (m6 < 0) return 0;
    let idx = this.majorIdx.get(m6);
    if (idx === undefined) {
      idx = this.majorIdxTerms.length;
      if (idx >= MAJOR_KEYS) throw new RangeError('ranking index: too many distinct 专业');
      this.majorIdx.set(m6, idx);
      const terms = [m6, this.major4(slot), this.major2(slot)] as const;
      this.majorIdxTerms.push(terms);
      for (const term of terms) {
        const list = this.majorsByTerm.get(term) ?? [];
        list.push(idx);
        this.majorsByTerm.set(term, list);
      }
    }
    return idx;
  }

  /** Years seen so far, as indexes (for demands that accept any year). */
  allYearIdxs(): number[] {
    return this.yearsByIdx.map((_, i) => i).slice(1);
  }

  internYear(year: number): number {
    let idx = this.yearIdx.get(year);
    if (idx === undefined) {
      idx = this.yearsByIdx.length;
      if (idx >= YEAR_KEYS) throw new RangeError('ranking index: too many distinct graduation years');
      this.yearIdx.set(year, idx);
      this.yearsByIdx.push(year);
    }
    return idx;
  }

  skillTerm(skillId: string): number {
    return this.terms.intern(`s:${skillId}`);
  }

  /** The 专业, 专业类 and 门类 terms of a major, or -1s when the catalogue does not know it. */
  majorTermsOf(code: string, catalogueYear: number): readonly [number, number, number] {
    const cacheKey = `${catalogueYear}:${code}`;
    let cached = this.majorTerms.get(cacheKey);
    if (!cached) {
      const major = majorByCode(code, catalogueYear);
      if (!major || major.level !== 'major') {
        cached = [-1, -1, -1];
      } else {
        const digits = major.code.replace(/[A-Z]+$/, '');
        cached = [
          this.terms.intern(`m:${catalogueYear}:${digits}`),
          this.terms.intern(`m:${catalogueYear}:${digits.slice(0, 4)}`),
          this.terms.intern(`m:${catalogueYear}:${digits.slice(0, 2)}`),
        ];
      }
      this.majorTerms.set(cacheKey, cached);
    }
    return cached;
  }

  /** The recommendable-pool rarity of a skill term: ln(1 + (N+1)/(df+1)), cached while N and df hold. */
  idf(term: number): number {
    const df = term < this.df.length ? this.df[term] : 0;
    if (term >= this.idfCache.length) this.growIdfCache();
    if (this.idfN[term] === this.recommendable && this.idfDf[term] === df) return this.idfCache[term];
    const idf = Math.log(1 + (this.recommendable + 1) / (df + 1));
    this.idfCache[term] = idf;
    this.idfN[term] = this.recommendable;
    this.idfDf[term] = df;
    return idf;
  }

  private growIdfCache(): void {
    const size = Math.max(1024, this.terms.size * 2);
    const cache = new Float64Array(size);
    cache.set(this.idfCache);
    this.idfCache = cache;
    this.idfN = growInt32(this.idfN, size, -1);
    this.idfDf = growInt32(this.idfDf, size, -1);
  }

  isRecommendable(slot: number): boolean {
    return (this.flags(slot) & (FLAG_LIVE | FLAG_CONSENT | FLAG_PLACED)) === (FLAG_LIVE | FLAG_CONSENT);
  }

  // ---- updates -------------------------------------------------------------------------------

  upsert(g: RankableGraduate): number {
    const degree = DEGREE_LEVELS.indexOf(g.degree);
    if (degree < 0) throw new RangeError(`ranking index: unknown degree ${String(g.degree)}`);
    const prefs = g.preferences;
    const certs = [...new Set(g.certificates.map((c) => this.certificates.intern(normaliseSkillId(c))))];
    const cities = [...new Set(prefs.cities.map(Number))];
    const months = new Map<number, number>();
    for (const internship of g.internships) {
      const section = internship.industrySection === null ? -1 : INDUSTRY_SECTIONS.indexOf(internship.industrySection);
      if (section >= 0) months.set(section, (months.get(section) ?? 0) + Math.max(0, internship.months));
    }
    const interns = [...months].map(([section, m]) => (section << 20) | Math.min(0xfffff, Math.round(m * 10)));
    if (Math.max(certs.length, cities.length, interns.length) > MAX_LIST) {
      throw new RangeError(`ranking index: more than ${MAX_LIST} certificates, cities or internships on one profile`);
    }
    const [m6, m4, m2] = this.majorTermsOf(g.major.code, g.major.catalogueYear);
    const termList = [ALL_TERM];
    const skillFrom = termList.length;
    for (const skill of new Set(g.skills)) termList.push(this.skillTerm(skill));
    if (termList.length > 0xffff) throw new RangeError('ranking index: too many skills on one profile');

    let slot = this.slotById.get(g.graduateId);
    if (slot === undefined) {
      slot = this.freeSlots.pop() ?? this.highWater++;
      if (slot >= this.capacity) this.grow(this.capacity * 2);
      this.slotById.set(g.graduateId, slot);
      this.ids[slot] = g.graduateId;
    } else {
      if (this.flags(slot) & FLAG_POSTED) this.unpost(slot);
      this.releaseLists(slot);
    }

    const gpa = g.gpaPercentile === null || g.gpaPercentile === undefined ? NaN : g.gpaPercentile;
    const industries = bitsOf(prefs.industries, (s) => INDUSTRY_SECTIONS.indexOf(s));
    const kinds = bitsOf(prefs.demandKinds, (k) => DEMAND_KINDS.indexOf(k));
    const base = slot * R;
    const rec = this.rec;
    rec[base + R_M6] = m6;
    rec[base + R_M4] = m4;
    rec[base + R_M2] = m2;
    rec[base + R_PREFS] = industries | (kinds << 20);
    rec[base + R_MIN_SALARY] = prefs.minMonthlySalary ?? -1;
    rec[base + R_COLLEGE] = this.colleges.intern(g.collegeId);
    rec[base + R_YEAR] = g.graduationYear;
    this.recF[base + R_GPA] = gpa;
    for (let j = 0; j < INLINE_CITIES; j++) rec[base + R_CITIES + j] = j < cities.length ? cities[j] : 0;
    this.writeTerms(slot, termList, skillFrom, degree);

    const fullTenths = this.config.internshipFullCreditMonths * 10;
    rec[base + R_YEAR_IDX] = this.internYear(g.graduationYear);
    rec[base + R_CODE] = encodeStaticCode({
      academic: Number.isNaN(this.recF[base + R_GPA])
        ? this.config.missingGpaFraction
        : Math.min(1, Math.max(0, this.recF[base + R_GPA] / 100)),
      internship: Math.min(1, Math.max(0, ...interns.map((e) => (e & 0xfffff) / fullTenths))),
      internshipSections: interns.map((e) => e >>> 20),
      hasCertificates: certs.length > 0,
      industries,
      kinds,
      minSalary: prefs.minMonthlySalary ?? -1,
      degree,
      relocates: prefs.willingToRelocate,
    });

    const flags =
      FLAG_LIVE |
      (prefs.willingToRelocate ? FLAG_RELOCATE : 0) |
      (g.personalisedRanking ? FLAG_PERSONALISED : 0) |
      (g.consentStatus === 'given' ? FLAG_CONSENT : 0) |
      (g.placed ? FLAG_PLACED : 0);
    this.writeAttrs(slot, certs, cities, interns, flags);
    this.syncPosting(slot);
    return slot;
  }

  remove(graduateId: string): boolean {
    const slot = this.slotById.get(graduateId);
    if (slot === undefined) return false;
    if (this.flags(slot) & FLAG_POSTED) this.unpost(slot);
    this.releaseLists(slot);
    this.rec.fill(0, slot * R, slot * R + R);
    this.ids[slot] = '';
    this.slotById.delete(graduateId);
    this.freeSlots.push(slot);
    return true;
  }

  /** Sets or clears a status flag (consent, placed); returns false for an unknown graduate. */
  setFlag(graduateId: string, flag: number, on: boolean): boolean {
    const slot = this.slotById.get(graduateId);
    if (slot === undefined) return false;
    this.setFlags(slot, on ? this.flags(slot) | flag : this.flags(slot) & ~flag);
    this.syncPosting(slot);
    return true;
  }

  private setFlags(slot: number, flags: number): void {
    const i = slot * R + R_ATTR_META;
    this.rec[i] = (this.rec[i] & 0xffffff) | (flags << 24);
  }

  private syncPosting(slot: number): void {
    const posted = (this.flags(slot) & FLAG_POSTED) !== 0;
    if (this.isRecommendable(slot) && !posted) this.post(slot);
    else if (!this.isRecommendable(slot) && posted) this.unpost(slot);
  }

  private post(slot: number): void {
    const off = this.termOff(slot);
    const len = this.termLen(slot);
    const from = this.skillFrom(slot);
    const yearIdx = this.yearOf(slot);
    const code = this.code(slot);
    const majorIdx = this.majorIdxOf(slot);
    if (this.df.length < this.terms.size) this.df = growInt32(this.df, this.terms.size * 2);
    for (let j = 0; j < len; j++) {
      const term = this.termArena[off + j];
      const list = this.postings.getOrCreate(term, yearMajorKey(yearIdx, majorIdx));
      this.termPos[off + j] = list.push(slot, code);
      if (j >= from) this.df[term]++;
    }
    this.setFlags(slot, this.flags(slot) | FLAG_POSTED);
    this.recommendable++;
  }

  private unpost(slot: number): void {
    const off = this.termOff(slot);
    const len = this.termLen(slot);
    const from = this.skillFrom(slot);
    const yearIdx = this.yearOf(slot);
    const majorIdx = this.majorIdxOf(slot);
    for (let j = 0; j < len; j++) {
      const term = this.termArena[off + j];
      const position = this.termPos[off + j];
      const moved = this.postings.get(term, yearMajorKey(yearIdx, majorIdx))!.removeAt(position);
      if (moved >= 0) this.movedTo(moved, term, position);
      this.termPos[off + j] = -1;
      if (j >= from) this.df[term]--;
    }
    this.setFlags(slot, this.flags(slot) & ~FLAG_POSTED);
    this.recommendable--;
  }

  /** Records the new position of `slot`'s entry for `term` after a swap-remove moved it. */
  private movedTo(slot: number, term: number, position: number): void {
    const off = this.termOff(slot);
    const end = off + this.termLen(slot);
    for (let i = off; i < end; i++) {
      if (this.termArena[i] === term) {
        this.termPos[i] = position;
        return;
      }
    }
  }

  // A rewritten list is appended; the old one became waste in releaseLists.
  private writeTerms(slot: number, list: number[], skillFrom: number, degree: number): void {
    if (this.termUsed + list.length > this.termArena.length) this.packTerms(list.length);
    const off = this.termUsed;
    this.termUsed += list.length;
    this.termArena.set(list, off);
    this.termPos.fill(-1, off, off + list.length);
    this.rec[slot * R + R_TERM_OFF] = off;
    this.rec[slot * R + R_TERM_META] = list.length | (skillFrom << 16) | (degree << 20);
    const inline = Math.min(INLINE_SKILLS, list.length - skillFrom);
    for (let j = 0; j < inline; j++) this.rec[slot * R + R_SKILLS + j] = list[skillFrom + j];
  }

  private writeAttrs(slot: number, certs: number[], cities: number[], interns: number[], flags: number): void {
    const len = certs.length + cities.length + interns.length;
    if (this.attrUsed + len > this.attrArena.length) this.packAttrs(len);
    const off = this.attrUsed;
    this.attrUsed += len;
    this.attrArena.set(certs, off);
    this.attrArena.set(cities, off + certs.length);
    this.attrArena.set(interns, off + certs.length + cities.length);
    this.rec[slot * R + R_ATTR_OFF] = off;
    this.rec[slot * R + R_ATTR_META] = certs.length | (cities.length << 8) | (interns.length << 16) | (flags << 24);
  }

  /** Forgets the slot's lists (before a rewrite or removal); the arena space becomes waste. */
  private releaseLists(slot: number): void {
    this.termWaste += this.termLen(slot);
    this.attrWaste += this.certLen(slot) + this.cityLen(slot) + this.internLen(slot);
    this.rec[slot * R + R_TERM_META] &= ~0xffff;
    this.rec[slot * R + R_ATTR_META] &= ~0xffffff;
  }

  // Updates append to the arenas; when one is full the live lists are packed into an arena twice their
  // size, so the cost is amortised O(1) per update and waste never exceeds the live data.
  private packTerms(extra: number): void {
    const arena = new Int32Array(Math.max(1024, 2 * (this.termUsed - this.termWaste + extra)));
    const pos = new Int32Array(arena.length);
    let used = 0;
    for (let slot = 0; slot < this.highWater; slot++) {
      const off = this.termOff(slot);
      const len = this.termLen(slot);
      if (len === 0) continue;
      arena.set(this.termArena.subarray(off, off + len), used);
      pos.set(this.termPos.subarray(off, off + len), used);
      this.rec[slot * R + R_TERM_OFF] = used;
      used += len;
    }
    this.termArena = arena;
    this.termPos = pos;
    this.termUsed = used;
    this.termWaste = 0;
  }

  private packAttrs(extra: number): void {
    const arena = new Int32Array(Math.max(1024, 2 * (this.attrUsed - this.attrWaste + extra)));
    let used = 0;
    for (let slot = 0; slot < this.highWater; slot++) {
      const off = this.attrOff(slot);
      const len = this.certLen(slot) + this.cityLen(slot) + this.internLen(slot);
      if (len === 0) continue;
      arena.set(this.attrArena.subarray(off, off + len), used);
      this.rec[slot * R + R_ATTR_OFF] = used;
      used += len;
    }
    this.attrArena = arena;
    this.attrUsed = used;
    this.attrWaste = 0;
  }

  private grow(capacity: number): void {
    const rec = new Int32Array(capacity * R);
    rec.set(this.rec);
    this.rec = rec;
    this.recF = new Float32Array(rec.buffer);
    this.capacity = capacity;
  }
}

function bitsOf<T>(values: readonly T[], indexOf: (value: T) => number): number {
  let bits = 0;
  for (const value of values) {
    const i = indexOf(value);
    if (i >= 0) bits |= 1 << i;
  }
  return bits >>> 0;
}

function growInt32(array: Int32Array<ArrayBuffer>, capacity: number, fill = 0): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(capacity);
  if (fill !== 0) grown.fill(fill);
  grown.set(array);
  return grown;
}
