import { skillLabel } from '#reference';
import {
  F_ACADEMIC,
  F_CERTIFICATES,
  F_INTERNSHIP,
  F_MAJOR,
  F_PARTNER,
  F_PREFERENCE,
  F_SKILLS,
  type CompiledDemand,
} from './demand-book.js';
import { FLAG_CONSENT, FLAG_PLACED, FLAG_RELOCATE, type GraduatePool } from './graduate-pool.js';
import { BoundTables, CODE_STEPS, FAILS, SALARY_BUCKET_FLOORS } from './static-code.js';
import { RANKING_FACTOR_LABELS, RANKING_FACTORS, type RankingConfig } from './ranking.config.js';
import type { IneligibilityReason, MatchExplanation, SkillMatch } from './ranking.types.js';

/**
 * Skill points are fixed-point integers (centipoints × 10⁶) so a sum does not depend on the order
 * it is added in: forward and reverse queries add the same skills in different orders and must agree.
 */
export const SKILL_SCALE = 1_000_000;

/**
 * The hard filters and the factor formulas for one demand and one graduate slot. Scores are integer
 * centipoints (100.00 = 10000): each factor's contribution is rounded on its own, so the contributions
 * an explanation shows add up exactly to the score the ranking used.
 */
export class PairScorer {
  private readonly prefCity: number;
  private readonly prefIndustry: number;
  private readonly prefKind: number;
  private readonly prefSalary: number;
  private readonly internFullTenths: number;

  constructor(
    private readonly pool: GraduatePool,
    private readonly config: RankingConfig,
  ) {
    const p = config.preferenceParts;
    const sum = p.city + p.industry + p.kind + p.salary;
    this.prefCity = p.city / sum;
    this.prefIndustry = p.industry / sum;
    this.prefKind = p.kind / sum;
    this.prefSalary = p.salary / sum;
    this.internFullTenths = config.internshipFullCreditMonths * 10;
  }

  // ---- hard filters --------------------------------------------------------------------------

  /** Every hard filter that fails, in a fixed order; empty when the graduate may be shown. */
  ineligibility(d: CompiledDemand, slot: number): IneligibilityReason[] {
    const pool = this.pool;
    const reasons: IneligibilityReason[] = [];
    if (!pool.isRecommendable(slot)) {
      if (!(pool.flags(slot) & FLAG_CONSENT)) reasons.push('consent');
      if (pool.flags(slot) & FLAG_PLACED) reasons.push('placed');
    }
    reasons.push(...this.pairIneligibility(d, slot));
    return reasons;
  }

  /** The filters between a demand and a graduate (not the graduate's own consent or placement). */
  pairIneligibility(d: CompiledDemand, slot: number): IneligibilityReason[] {
    const reasons: IneligibilityReason[] = [];
    if (!this.passesDegree(d, slot)) reasons.push('degree');
    if (!this.passesYear(d, slot)) reasons.push('graduation_year');
    if (!this.passesMajor(d, slot)) reasons.push('major');
    if (!this.passesCity(d, slot)) reasons.push('city');
    return reasons;
  }

  passesDegree(d: CompiledDemand, slot: number): boolean {
    return this.pool.degree(slot) >= d.minDegree;
  }

  passesYear(d: CompiledDemand, slot: number): boolean {
    return d.years.length === 0 || d.years.includes(this.pool.year(slot));
  }

  passesMajor(d: CompiledDemand, slot: number): boolean {
    if (!d.majorsNamed) return true;
    const pool = this.pool;
    const m6 = pool.major6(slot);
    if (m6 < 0) return false;
    const m4 = pool.major4(slot);
    const m2 = pool.major2(slot);
    const terms = d.majorTerms;
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i];
      if (t === m6 || t === m4 || t === m2) return true;
    }
    return false;
  }

  passesCity(d: CompiledDemand, slot: number): boolean {
    if (d.cities.length === 0 || this.pool.flags(slot) & FLAG_RELOCATE) return true;
    return this.inPreferredCity(d, slot);
  }

  /** The city filter ignoring relocation: a demand city overlaps one of the graduate's. */
  inPreferredCity(d: CompiledDemand, slot: number): boolean {
    return this.pool.prefersAnyOf(slot, d.cities);
  }

  // ---- bounds --------------------------------------------------------------------------------

  /**
   * Fills the tables that bound a candidate's non-skill points from their static code (see
   * static-code.ts): every part is computed with the factor formulas below at the most favourable
   * value the code allows, so the bound is never below the real points.
   */
  fillBounds(d: CompiledDemand, t: BoundTables): void {
    const p = d.points;
    const unstated = this.config.unstatedPreferenceFraction;
    const section = d.section;
    let max = 0;
    let best = 0;
    for (let q = 0; q <= CODE_STEPS; q++) {
      t.academic[q] = Math.round((p[F_ACADEMIC] * q) / CODE_STEPS + 1e-9);
      if (t.academic[q] > best) best = t.academic[q];
    }
    max += best;
    best = 0;
    for (let i = 0; i < 128; i++) {
      const inSection = section >= 0 && ((i >> 3) >> (section % 4)) & 1;
      t.internship[i] = inSection ? Math.round((p[F_INTERNSHIP] * (i & 7)) / CODE_STEPS + 1e-9) : 0;
      if (t.internship[i] > best) best = t.internship[i];
    }
    max += best;

    // As in preferenceCp, with the city fit at its best (1), the salary part bounded on its own.
    best = 0;
    for (let i = 0; i < 1024; i++) {
      const industries = i & 63;
      const kinds = i >> 6;
      const industry = industries === 0 || section < 0 ? unstated : (industries >> (section % 6)) & 1;
      const kind = kinds === 0 ? unstated : kinds & d.kindBit ? 1 : 0;
      const fit = this.prefCity * 1 + this.prefIndustry * industry + this.prefKind * kind;
      t.preference[i] = Math.ceil(p[F_PREFERENCE] * fit);
      if (t.preference[i] > best) best = t.preference[i];
    }
    max += best;
    best = 0;
    for (let b = 0; b < 8; b++) {
      const fit = b === 0 ? 1 : this.salaryFit(d, SALARY_BUCKET_FLOORS[b]);
      t.salary[b] = Math.ceil(p[F_PREFERENCE] * this.prefSalary * fit);
      if (t.salary[b] > best) best = t.salary[b];
    }
    max += best;

    // +3: a centipoint per rounded factor, against floating-point ties.
    const base = p[F_MAJOR] + p[F_PARTNER] + 3;
    best = FAILS;
    for (let i = 0; i < 16; i++) {
      t.certificatesDegree[i] = i >> 1 < d.minDegree ? FAILS : base + (i & 1 ? p[F_CERTIFICATES] : 0);
      if (t.certificatesDegree[i] > best) best = t.certificatesDegree[i];
    }
    t.certificatePoints = p[F_CERTIFICATES];
    t.max = best < 0 ? -1 : max + best;
  }

  // ---- factors -----------------------------------------------------------------------------

  /**
   * Each demanded skill's points (fixed-point, see SKILL_SCALE), in the demand's order: its weight
   * (× the required boost) × its rarity in today's pool, as a share of the skills factor.
   */
  skillPoints(d: CompiledDemand, out: Float64Array): void {
    const terms = d.skillTerms;
    const base = d.skillBase;
    const pool = this.pool;
    const n = terms.length;
    let total = 0;
    for (let i = 0; i < n; i++) total += out[i] = base[i] * pool.idf(terms[i]);
    const perWeight = total > 0 ? (d.points[F_SKILLS] * SKILL_SCALE) / total : 0;
    for (let i = 0; i < n; i++) out[i] = Math.round(out[i] * perWeight);
  }

  /** The skills contribution from the sum of the held skills' points. */
  skillCp(held: number): number {
    return Math.round(held / SKILL_SCALE);
  }

  /** Every factor but skills, in centipoints. */
  /**
   * Every factor but skills and major, for a forward scan that knows more than the slot: the static
   * code (no certificates or internships means those factors are 0 without reading the arena) and
   * whether the graduate prefers a demand city. Same result as the factor functions.
   */
  recordCp(d: CompiledDemand, slot: number, inCity: boolean): number {
    return this.academicCp(d, slot) + this.preferenceCp(d, slot, inCity) + this.partnerCp(d, slot);
  }

  /** Certificates and internship: the factors that read the attribute arena (skipped when the code says 0). */
  arenaCp(d: CompiledDemand, slot: number, code: number): number {
    return ((code >>> 23) & 1 ? this.certificateCp(d, slot) : 0) + ((code >>> 6) & 15 ? this.internshipCp(d, slot) : 0);
  }

  otherCp(d: CompiledDemand, slot: number): number {
    return (
      this.majorCp(d, slot) +
      this.certificateCp(d, slot) +
      this.internshipCp(d, slot) +
      this.academicCp(d, slot) +
      this.preferenceCp(d, slot) +
      this.partnerCp(d, slot)
    );
  }

  majorCp(d: CompiledDemand, slot: number): number {
    const pool = this.pool;
    return this.majorCpOf(d, pool.major6(slot), pool.major4(slot), pool.major2(slot));
  }

  /** The major points of any graduate of the 专业 with these 专业 / 专业类 / 门类 terms. */
  majorCpOf(d: CompiledDemand, m6: number, m4: number, m2: number): number {
    const points = d.points[F_MAJOR];
    if (points === 0 || d.bestCloseness <= 0) return 0;
    let best = 0;
    const terms = d.closenessTerms;
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i];
      if ((t === m6 || t === m4 || t === m2) && d.closenessValues[i] > best) best = d.closenessValues[i];
    }
    return Math.round(points * Math.min(1, best / d.bestCloseness));
  }

  certificateCp(d: CompiledDemand, slot: number): number {
    const points = d.points[F_CERTIFICATES];
    const wanted = d.certTerms;
    if (points === 0 || wanted.length === 0) return 0;
    const pool = this.pool;
    const from = pool.attrOff(slot);
    const to = from + pool.certLen(slot);
    let held = 0;
    for (let i = 0; i < wanted.length; i++) {
      for (let j = from; j < to; j++) {
        if (pool.attrArena[j] === wanted[i]) {
          held++;
          break;
        }
      }
    }
    return Math.round((points * held) / wanted.length);
  }

  internshipCp(d: CompiledDemand, slot: number): number {
    const points = d.points[F_INTERNSHIP];
    if (points === 0 || d.section < 0) return 0;
    const pool = this.pool;
    const from = pool.attrOff(slot) + pool.certLen(slot) + pool.cityLen(slot);
    const to = from + pool.internLen(slot);
    for (let j = from; j < to; j++) {
      const entry = pool.attrArena[j];
      if (entry >>> 20 === d.section)
        return Math.round(points * Math.min(1, (entry & 0xfffff) / this.internFullTenths));
    }
    return 0;
  }

  academicCp(d: CompiledDemand, slot: number): number {
    const gpa = this.pool.gpa(slot);
    const fraction = Number.isNaN(gpa) ? this.config.missingGpaFraction : Math.min(1, Math.max(0, gpa / 100));
    return Math.round(d.points[F_ACADEMIC] * fraction);
  }

  /** `inCity`: whether a demand city is among the graduate's, when the caller already knows. */
  preferenceCp(d: CompiledDemand, slot: number, inCity?: boolean): number {
    const points = d.points[F_PREFERENCE];
    if (points === 0) return 0;
    const pool = this.pool;
    const unstated = this.config.unstatedPreferenceFraction;

    const city = d.cities.length === 0 || (inCity ?? this.inPreferredCity(d, slot)) ? 1 : 0;
    const industries = pool.industries(slot);
    const industry = industries === 0 || d.section < 0 ? unstated : (industries >>> d.section) & 1;
    const kinds = pool.kinds(slot);
    const kind = kinds === 0 ? unstated : kinds & d.kindBit ? 1 : 0;
    const salary = this.salaryFit(d, pool.minSalary(slot));

    const fit = this.prefCity * city + this.prefIndustry * industry + this.prefKind * kind + this.prefSalary * salary;
    return Math.round(points * Math.min(1, fit));
  }

  /** How much of the demand's salary range reaches the graduate's minimum (-1: none stated). */
  salaryFit(d: CompiledDemand, min: number): number {
    if (min < 0) return 1;
    if (d.salaryMax <= 0) return this.config.unstatedPreferenceFraction; // 0–0: salary not stated (面议)
    if (d.salaryMin >= min) return 1;
    if (d.salaryMax < min) return 0;
    return (d.salaryMax - min) / (d.salaryMax - d.salaryMin);
  }

  partnerCp(d: CompiledDemand, slot: number): number {
    const points = d.points[F_PARTNER];
    if (points === 0) return 0;
    const college = this.pool.college(slot);
    for (let i = 0; i < d.partners.length; i++) if (d.partners[i] === college) return points;
    return 0;
  }

  // ---- explanation -------------------------------------------------------------------------

  /** The full explanation; `skillPoints` as filled by `skillPoints(d, …)`. */
  explain(d: CompiledDemand, slot: number, skillPoints: Float64Array): MatchExplanation {
    const pool = this.pool;
    const off = pool.termOff(slot);
    const held = new Set<number>();
    for (let j = pool.skillFrom(slot); j < pool.termLen(slot); j++) held.add(pool.termArena[off + j]);

    const matchedSkills: SkillMatch[] = [];
    const missingSkills: SkillMatch[] = [];
    let heldPoints = 0;
    d.skills.forEach((s, i) => {
      const match = { skillId: s.skillId, label: skillLabel(s.skillId), weight: s.weight, required: s.required };
      if (held.has(d.skillTerms[i])) {
        heldPoints += skillPoints[i];
        matchedSkills.push(match);
      } else {
        missingSkills.push(match);
      }
    });

    const cps = [
      this.skillCp(heldPoints),
      this.majorCp(d, slot),
      this.certificateCp(d, slot),
      this.internshipCp(d, slot),
      this.academicCp(d, slot),
      this.preferenceCp(d, slot),
      this.partnerCp(d, slot),
    ];
    const factors = RANKING_FACTORS.flatMap((factor, i) =>
      d.points[i] > 0
        ? [{ factor, label: RANKING_FACTOR_LABELS[factor], points: cps[i] / 100, maxPoints: d.points[i] / 100 }]
        : [],
    );
    const total = cps.reduce((a, b) => a + b, 0);
    return { score: total / 100, factors, matchedSkills, missingSkills };
  }
}
