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
import { RANKING_FACTOR_LABELS, RANKING_FACTORS, type RankingConfig } from './ranking.config.js';
import type { IneligibilityReason, MatchExplanation, SkillMatch } from './ranking.types.js';
import { regionsOverlap } from './region-match.js';

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
      if (!(pool.flags[slot] & FLAG_CONSENT)) reasons.push('consent');
      if (pool.flags[slot] & FLAG_PLACED) reasons.push('placed');
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
    return this.pool.degree[slot] >= d.minDegree;
  }

  passesYear(d: CompiledDemand, slot: number): boolean {
    return d.years.length === 0 || d.years.includes(this.pool.year[slot]);
  }

  passesMajor(d: CompiledDemand, slot: number): boolean {
    if (!d.majorsNamed) return true;
    const pool = this.pool;
    const m6 = pool.major6[slot];
    if (m6 < 0) return false;
    const m4 = pool.major4[slot];
    const m2 = pool.major2[slot];
    const terms = d.majorTerms;
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i];
      if (t === m6 || t === m4 || t === m2) return true;
    }
    return false;
  }

  passesCity(d: CompiledDemand, slot: number): boolean {
    if (d.cities.length === 0 || this.pool.flags[slot] & FLAG_RELOCATE) return true;
    return this.inPreferredCity(d, slot);
  }

  private inPreferredCity(d: CompiledDemand, slot: number): boolean {
    const pool = this.pool;
    const from = pool.attrOff[slot] + pool.certLen[slot];
    const to = from + pool.cityLen[slot];
    const arena = pool.attrArena;
    const cities = d.cities;
    for (let i = 0; i < cities.length; i++) {
      for (let j = from; j < to; j++) if (regionsOverlap(cities[i], arena[j])) return true;
    }
    return false;
  }

  // ---- factors -----------------------------------------------------------------------------

  /**
   * Each demanded skill's points (fixed-point, see SKILL_SCALE), in the demand's order: its weight
   * (× the required boost) × its rarity in today's pool, as a share of the skills factor.
   */
  skillPoints(d: CompiledDemand, out: Float64Array): void {
    const n = d.skillTerms.length;
    let total = 0;
    for (let i = 0; i < n; i++) {
      out[i] = d.skillBase[i] * this.pool.idf(d.skillTerms[i]);
      total += out[i];
    }
    const scale = d.points[F_SKILLS] * SKILL_SCALE;
    for (let i = 0; i < n; i++) out[i] = total > 0 ? Math.round((scale * out[i]) / total) : 0;
  }

  /** The skills contribution from the sum of the held skills' points. */
  skillCp(held: number): number {
    return Math.round(held / SKILL_SCALE);
  }

  /** Every factor but skills, in centipoints. */
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
    const points = d.points[F_MAJOR];
    if (points === 0 || d.bestCloseness <= 0) return 0;
    const pool = this.pool;
    const m6 = pool.major6[slot];
    const m4 = pool.major4[slot];
    const m2 = pool.major2[slot];
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
    const from = pool.attrOff[slot];
    const to = from + pool.certLen[slot];
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
    const from = pool.attrOff[slot] + pool.certLen[slot] + pool.cityLen[slot];
    const to = from + pool.internLen[slot];
    for (let j = from; j < to; j++) {
      const entry = pool.attrArena[j];
      if (entry >>> 20 === d.section)
        return Math.round(points * Math.min(1, (entry & 0xfffff) / this.internFullTenths));
    }
    return 0;
  }

  academicCp(d: CompiledDemand, slot: number): number {
    const gpa = this.pool.gpa[slot];
    const fraction = Number.isNaN(gpa) ? this.config.missingGpaFraction : Math.min(1, Math.max(0, gpa / 100));
    return Math.round(d.points[F_ACADEMIC] * fraction);
  }

  preferenceCp(d: CompiledDemand, slot: number): number {
    const points = d.points[F_PREFERENCE];
    if (points === 0) return 0;
    const pool = this.pool;
    const unstated = this.config.unstatedPreferenceFraction;

    const city = d.cities.length === 0 || this.inPreferredCity(d, slot) ? 1 : 0;
    const industries = pool.industries[slot];
    const industry = industries === 0 || d.section < 0 ? unstated : (industries >>> d.section) & 1;
    const kinds = pool.kinds[slot];
    const kind = kinds === 0 ? unstated : kinds & d.kindBit ? 1 : 0;
    const min = pool.minSalary[slot];
    let salary: number;
    if (min < 0) salary = 1;
    else if (d.salaryMax <= 0)
      salary = unstated; // 0–0: salary not stated (面议)
    else if (d.salaryMin >= min) salary = 1;
    else if (d.salaryMax < min) salary = 0;
    else salary = (d.salaryMax - min) / (d.salaryMax - d.salaryMin);

    const fit = this.prefCity * city + this.prefIndustry * industry + this.prefKind * kind + this.prefSalary * salary;
    return Math.round(points * Math.min(1, fit));
  }

  partnerCp(d: CompiledDemand, slot: number): number {
    const points = d.points[F_PARTNER];
    if (points === 0) return 0;
    const college = this.pool.college[slot];
    for (let i = 0; i < d.partners.length; i++) if (d.partners[i] === college) return points;
    return 0;
  }

  // ---- explanation -------------------------------------------------------------------------

  /** The full explanation; `skillPoints` as filled by `skillPoints(d, …)`. */
  explain(d: CompiledDemand, slot: number, skillPoints: Float64Array): MatchExplanation {
    const pool = this.pool;
    const off = pool.termOff[slot];
    const held = new Set<number>();
    for (let j = pool.skillFrom[slot]; j < pool.termLen[slot]; j++) held.add(pool.termArena[off + j]);

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
