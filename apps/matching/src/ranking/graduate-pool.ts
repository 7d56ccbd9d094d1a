import { DEGREE_LEVELS, DEMAND_KINDS, normaliseSkillId } from '#contracts';
import { majorByCode } from '#reference';
import { Interner } from './interner.js';
import { PostingList } from './posting-list.js';
import type { RankableGraduate } from './ranking.types.js';

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

/** Posting key of a term within one graduation year. */
export const postingKey = (term: number, yearIdx: number): number => term * YEAR_KEYS + yearIdx;

export const INDUSTRY_SECTIONS = 'ABCDEFGHIJKLMNOPQRST';

/**
 * Graduates as a struct of arrays: one typed-array entry per slot instead of one object per
 * graduate, so a million profiles stay a few hundred MB. Variable-length lists (terms, certificates,
 * cities, internships) live in two shared arenas addressed by offset and length.
 *
 * Recommendable graduates (consent given, not placed) are posted under each of their terms — the
 * catch-all term, their 专业 / 专业类 / 门类 and every skill — within their graduation year, and the
 * skill document frequencies count exactly those postings, so skill rarity always describes the
 * pool a demand can draw from.
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
  /** Graduates in the postings. */
  recommendable = 0;

  college = new Int32Array(0);
  major6 = new Int32Array(0);
  major4 = new Int32Array(0);
  major2 = new Int32Array(0);
  degree = new Uint8Array(0);
  year = new Int32Array(0);
  yearOf = new Uint16Array(0);
  gpa = new Float32Array(0);
  industries = new Uint32Array(0);
  kinds = new Uint8Array(0);
  minSalary = new Int32Array(0);
  flags = new Uint8Array(0);
  termOff = new Int32Array(0);
  termLen = new Uint16Array(0);
  /** Index within the slot's terms where its skills begin. */
  skillFrom = new Uint8Array(0);
  attrOff = new Int32Array(0);
  certLen = new Uint16Array(0);
  cityLen = new Uint16Array(0);
  internLen = new Uint16Array(0);

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
  private readonly postings = new Map<number, PostingList>();
  private readonly majorTerms = new Map<string, readonly [number, number, number]>();

  constructor() {
    this.terms.intern('*');
    this.grow(1024);
  }

  get size(): number {
    return this.slotById.size;
  }

  slotOf(graduateId: string): number {
    return this.slotById.get(graduateId) ?? -1;
  }

  postingsFor(term: number, yearIdx: number): PostingList | undefined {
    return this.postings.get(postingKey(term, yearIdx));
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

  /** The recommendable-pool rarity of a skill term: ln(1 + (N+1)/(df+1)). */
  idf(term: number): number {
    const df = term < this.df.length ? this.df[term] : 0;
    return Math.log(1 + (this.recommendable + 1) / (df + 1));
  }

  upsert(g: RankableGraduate): number {
    const degree = DEGREE_LEVELS.indexOf(g.degree);
    if (degree < 0) throw new RangeError(`ranking index: unknown degree ${String(g.degree)}`);
    let slot = this.slotById.get(g.graduateId);
    if (slot === undefined) {
      slot = this.freeSlots.pop() ?? this.highWater++;
      if (slot >= this.flags.length) this.grow(this.flags.length * 2);
      this.slotById.set(g.graduateId, slot);
      this.ids[slot] = g.graduateId;
    } else {
      if (this.flags[slot] & FLAG_POSTED) this.unpost(slot);
      this.releaseLists(slot);
    }

    const [m6, m4, m2] = this.majorTermsOf(g.major.code, g.major.catalogueYear);
    this.college[slot] = this.colleges.intern(g.collegeId);
    this.major6[slot] = m6;
    this.major4[slot] = m4;
    this.major2[slot] = m2;
    this.degree[slot] = degree;
    this.year[slot] = g.graduationYear;
    this.yearOf[slot] = this.internYear(g.graduationYear);
    this.gpa[slot] = g.gpaPercentile === null || g.gpaPercentile === undefined ? NaN : g.gpaPercentile;
    const prefs = g.preferences;
    this.industries[slot] = bitsOf(prefs.industries, (s) => INDUSTRY_SECTIONS.indexOf(s));
    this.kinds[slot] = bitsOf(prefs.demandKinds, (k) => DEMAND_KINDS.indexOf(k));
    this.minSalary[slot] = prefs.minMonthlySalary ?? -1;

    const termList = m6 >= 0 ? [ALL_TERM, m6, m4, m2] : [ALL_TERM];
    const skillFrom = termList.length;
    for (const skill of new Set(g.skills)) termList.push(this.skillTerm(skill));
    this.writeTerms(slot, termList, skillFrom);

    const certs = [...new Set(g.certificates.map((c) => this.certificates.intern(normaliseSkillId(c))))];
    const cities = [...new Set(prefs.cities.map(Number))];
    const months = new Map<number, number>();
    for (const internship of g.internships) {
      const section = internship.industrySection === null ? -1 : INDUSTRY_SECTIONS.indexOf(internship.industrySection);
      if (section >= 0) months.set(section, (months.get(section) ?? 0) + Math.max(0, internship.months));
    }
    const interns = [...months].map(([section, m]) => (section << 20) | Math.min(0xfffff, Math.round(m * 10)));
    this.writeAttrs(slot, certs, cities, interns);

    this.flags[slot] =
      FLAG_LIVE |
      (prefs.willingToRelocate ? FLAG_RELOCATE : 0) |
      (g.personalisedRanking ? FLAG_PERSONALISED : 0) |
      (g.consentStatus === 'given' ? FLAG_CONSENT : 0) |
      (g.placed ? FLAG_PLACED : 0);
    this.syncPosting(slot);
    return slot;
  }

  remove(graduateId: string): boolean {
    const slot = this.slotById.get(graduateId);
    if (slot === undefined) return false;
    if (this.flags[slot] & FLAG_POSTED) this.unpost(slot);
    this.releaseLists(slot);
    this.flags[slot] = 0;
    this.ids[slot] = '';
    this.slotById.delete(graduateId);
    this.freeSlots.push(slot);
    return true;
  }

  /** Sets or clears a status flag (consent, placed); returns false for an unknown graduate. */
  setFlag(graduateId: string, flag: number, on: boolean): boolean {
    const slot = this.slotById.get(graduateId);
    if (slot === undefined) return false;
    this.flags[slot] = on ? this.flags[slot] | flag : this.flags[slot] & ~flag;
    this.syncPosting(slot);
    return true;
  }

  isRecommendable(slot: number): boolean {
    return (this.flags[slot] & (FLAG_LIVE | FLAG_CONSENT | FLAG_PLACED)) === (FLAG_LIVE | FLAG_CONSENT);
  }

  private syncPosting(slot: number): void {
    const posted = (this.flags[slot] & FLAG_POSTED) !== 0;
    if (this.isRecommendable(slot) && !posted) this.post(slot);
    else if (!this.isRecommendable(slot) && posted) this.unpost(slot);
  }

  private post(slot: number): void {
    const off = this.termOff[slot];
    const len = this.termLen[slot];
    const from = this.skillFrom[slot];
    const yearIdx = this.yearOf[slot];
    if (this.df.length < this.terms.size) this.df = growInt32(this.df, this.terms.size * 2);
    for (let j = 0; j < len; j++) {
      const term = this.termArena[off + j];
      const key = postingKey(term, yearIdx);
      let list = this.postings.get(key);
      if (!list) this.postings.set(key, (list = new PostingList()));
      this.termPos[off + j] = list.push(slot);
      if (j >= from) this.df[term]++;
    }
    this.flags[slot] |= FLAG_POSTED;
    this.recommendable++;
  }

  private unpost(slot: number): void {
    const off = this.termOff[slot];
    const len = this.termLen[slot];
    const from = this.skillFrom[slot];
    const yearIdx = this.yearOf[slot];
    for (let j = 0; j < len; j++) {
      const term = this.termArena[off + j];
      const position = this.termPos[off + j];
      const moved = this.postings.get(postingKey(term, yearIdx))!.removeAt(position);
      if (moved >= 0) this.movedTo(moved, term, position);
      this.termPos[off + j] = -1;
      if (j >= from) this.df[term]--;
    }
    this.flags[slot] &= ~FLAG_POSTED;
    this.recommendable--;
  }

  /** Records the new position of `slot`'s entry for `term` after a swap-remove moved it. */
  private movedTo(slot: number, term: number, position: number): void {
    const off = this.termOff[slot];
    const end = off + this.termLen[slot];
    for (let i = off; i < end; i++) {
      if (this.termArena[i] === term) {
        this.termPos[i] = position;
        return;
      }
    }
  }

  // A rewritten list is appended; the old one became waste in releaseLists.
  private writeTerms(slot: number, list: number[], skillFrom: number): void {
    if (list.length > 0xffff) throw new RangeError('ranking index: too many skills on one profile');
    if (this.termUsed + list.length > this.termArena.length) this.packTerms(list.length);
    const off = this.termUsed;
    this.termUsed += list.length;
    this.termArena.set(list, off);
    this.termPos.fill(-1, off, off + list.length);
    this.termOff[slot] = off;
    this.termLen[slot] = list.length;
    this.skillFrom[slot] = skillFrom;
  }

  private writeAttrs(slot: number, certs: number[], cities: number[], interns: number[]): void {
    if (Math.max(certs.length, cities.length, interns.length) > 0xffff) {
      throw new RangeError('ranking index: too many certificates, cities or internships on one profile');
    }
    const len = certs.length + cities.length + interns.length;
    if (this.attrUsed + len > this.attrArena.length) this.packAttrs(len);
    const off = this.attrUsed;
    this.attrUsed += len;
    this.attrArena.set(certs, off);
    this.attrArena.set(cities, off + certs.length);
    this.attrArena.set(interns, off + certs.length + cities.length);
    this.attrOff[slot] = off;
    this.certLen[slot] = certs.length;
    this.cityLen[slot] = cities.length;
    this.internLen[slot] = interns.length;
  }

  /** Forgets the slot's lists (before a rewrite or removal); the arena space becomes waste. */
  private releaseLists(slot: number): void {
    this.termWaste += this.termLen[slot];
    this.attrWaste += this.certLen[slot] + this.cityLen[slot] + this.internLen[slot];
    this.termLen[slot] = 0;
    this.certLen[slot] = 0;
    this.cityLen[slot] = 0;
    this.internLen[slot] = 0;
  }

  // Updates append to the arenas; when one is full the live lists are packed into an arena twice their
  // size, so the cost is amortised O(1) per update and waste never exceeds the live data.
  private packTerms(extra: number): void {
    const arena = new Int32Array(Math.max(1024, 2 * (this.termUsed - this.termWaste + extra)));
    const pos = new Int32Array(arena.length);
    let used = 0;
    for (let slot = 0; slot < this.highWater; slot++) {
      const off = this.termOff[slot];
      const len = this.termLen[slot];
      if (len === 0) continue;
      arena.set(this.termArena.subarray(off, off + len), used);
      pos.set(this.termPos.subarray(off, off + len), used);
      this.termOff[slot] = used;
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
      const off = this.attrOff[slot];
      const len = this.certLen[slot] + this.cityLen[slot] + this.internLen[slot];
      if (len === 0) continue;
      arena.set(this.attrArena.subarray(off, off + len), used);
      this.attrOff[slot] = used;
      used += len;
    }
    this.attrArena = arena;
    this.attrUsed = used;
    this.attrWaste = 0;
  }

  private grow(capacity: number): void {
    this.college = growInt32(this.college, capacity);
    this.major6 = growInt32(this.major6, capacity);
    this.major4 = growInt32(this.major4, capacity);
    this.major2 = growInt32(this.major2, capacity);
    this.degree = grow(this.degree, new Uint8Array(capacity));
    this.year = growInt32(this.year, capacity);
    this.yearOf = grow(this.yearOf, new Uint16Array(capacity));
    this.gpa = grow(this.gpa, new Float32Array(capacity));
    this.industries = grow(this.industries, new Uint32Array(capacity));
    this.kinds = grow(this.kinds, new Uint8Array(capacity));
    this.minSalary = growInt32(this.minSalary, capacity);
    this.flags = grow(this.flags, new Uint8Array(capacity));
    this.termOff = growInt32(this.termOff, capacity);
    this.termLen = grow(this.termLen, new Uint16Array(capacity));
    this.skillFrom = grow(this.skillFrom, new Uint8Array(capacity));
    this.attrOff = growInt32(this.attrOff, capacity);
    this.certLen = grow(this.certLen, new Uint16Array(capacity));
    this.cityLen = grow(this.cityLen, new Uint16Array(capacity));
    this.internLen = grow(this.internLen, new Uint16Array(capacity));
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

function growInt32(array: Int32Array<ArrayBuffer>, capacity: number): Int32Array<ArrayBuffer> {
  return grow(array, new Int32Array(capacity));
}

function grow<T extends Int32Array | Uint32Array | Uint16Array | Uint8Array | Float32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
