import type { DemandKind, DemandSnapshotV1, GraduateSnapshotV1 } from '#contracts';
import type { RankingFactor } from './ranking.config.js';

/**
 * A graduate as the index needs it: what GraduateProfileUpsertedV1 carries, the consent status (from
 * GraduateConsentChangedV1) and whether a destination that counts as placed was recorded.
 */
export type RankableGraduate = Pick<
  GraduateSnapshotV1,
  | 'graduateId'
  | 'collegeId'
  | 'major'
  | 'degree'
  | 'graduationYear'
  | 'skills'
  | 'certificates'
  | 'internships'
  | 'gpaPercentile'
  | 'preferences'
  | 'personalisedRanking'
  | 'consentStatus'
> & { placed: boolean };

/** An open demand as DemandPublishedV1 / DemandUpdatedV1 carry it. */
export type RankableDemand = Pick<
  DemandSnapshotV1,
  | 'demandId'
  | 'enterpriseId'
  | 'kind'
  | 'industrySection'
  | 'majors'
  | 'minDegree'
  | 'skills'
  | 'certificates'
  | 'cities'
  | 'salaryMin'
  | 'salaryMax'
  | 'graduationYears'
  | 'deadline'
  | 'partnerCollegeIds'
>;

/** Why a graduate is not shown for a demand (hard filters). */
export type IneligibilityReason = 'consent' | 'placed' | 'degree' | 'graduation_year' | 'major' | 'city';

export const INELIGIBILITY_LABELS: Readonly<Record<IneligibilityReason, string>> = {
  consent: '未同意推荐',
  placed: '已落实毕业去向',
  degree: '学历低于要求',
  graduation_year: '毕业年份不在要求范围内',
  major: '专业不在要求范围内',
  city: '工作城市不符且不愿异地',
};

export interface FactorContribution {
  factor: RankingFactor;
  /** Chinese label, e.g. 技能匹配. */
  label: string;
  /** Points earned; the contributions of one result add up to its score. */
  points: number;
  /** The most this factor could give for this demand. */
  maxPoints: number;
}

export interface SkillMatch {
  skillId: string;
  /** Display label from the shared vocabulary (the id itself for other skills). */
  label: string;
  weight: number;
  required: boolean;
}

export interface MatchExplanation {
  /** 0–100, two decimals. */
  score: number;
  factors: FactorContribution[];
  /** Demanded skills the graduate has, in the demand's order. */
  matchedSkills: SkillMatch[];
  /** Demanded skills the graduate lacks, in the demand's order; `required` flags the ones that matter most. */
  missingSkills: SkillMatch[];
}

export interface CandidateMatch extends MatchExplanation {
  graduateId: string;
  /** 1-based position in the whole ranking. */
  rank: number;
}

export interface CandidatePage {
  demandId: string;
  offset: number;
  limit: number;
  items: CandidateMatch[];
  hasMore: boolean;
}

export interface OpportunityMatch {
  demandId: string;
  enterpriseId: string;
  kind: DemandKind;
  deadline: string;
  /** 1-based position in the whole list. */
  rank: number;
  /** Null in neutral order: nothing about the graduate is weighed. */
  score: number | null;
  /** Empty in neutral order. */
  factors: FactorContribution[];
  matchedSkills: SkillMatch[];
  missingSkills: SkillMatch[];
}

export interface OpportunityPage {
  graduateId: string;
  /** `neutral`: the graduate switched off personalised ranking (or asked for it): deadline, then demand id. */
  order: 'personalised' | 'neutral';
  offset: number;
  limit: number;
  items: OpportunityMatch[];
  hasMore: boolean;
}

export interface OpportunityOptions {
  limit: number;
  offset?: number;
  /** Neutral order even for a graduate who allows personalised ranking. */
  neutral?: boolean;
  /** YYYY-MM-DD (China time): demands whose deadline is earlier are left out. */
  today?: string;
}

/** One open demand a graduate qualifies for, with the score they would have there. */
export interface DemandScore {
  demandId: string;
  score: number;
}

/** A demand's scoring weights at this moment. */
export interface DemandWeights {
  factors: { factor: RankingFactor; label: string; maxPoints: number }[];
  /** Points each demanded skill gives when held (they add up to the skills factor's maxPoints). */
  skills: { skillId: string; weight: number; required: boolean; rarity: number; points: number }[];
}
