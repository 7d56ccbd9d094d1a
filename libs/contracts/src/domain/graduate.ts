/** 院校类型. */
export const COLLEGE_TYPES = ['undergraduate', 'higher_vocational', 'secondary_vocational'] as const;
export type CollegeType = (typeof COLLEGE_TYPES)[number];

export const COLLEGE_TYPE_LABELS: Record<CollegeType, string> = {
  undergraduate: '本科',
  higher_vocational: '高职专科',
  secondary_vocational: '中职',
};

/** The one consent scope so far: may be ranked and shown to enterprises without name or contact. */
export const CONSENT_SCOPES = ['recommend'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export const CONSENT_STATUSES = ['none', 'given', 'withdrawn'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/** Who recorded a destination (毕业去向): the college, the graduate, or the platform from a hire. */
export const DESTINATION_SOURCES = ['college', 'graduate', 'platform'] as const;
export type DestinationSource = (typeof DESTINATION_SOURCES)[number];

/** A destination registration's audit state (national flow: register → college audits). */
export const DESTINATION_STATUSES = ['pending', 'confirmed', 'returned'] as const;
export type DestinationStatus = (typeof DESTINATION_STATUSES)[number];

/**
 * Where a candidate stands in matching's pipeline for one demand (double opt-in).
 * `accepted`: the graduate accepted the enterprise's invitation, so the enterprise may see who they are.
 * `expired`: an invitation nobody answered in time.
 */
export const CANDIDATE_STATUSES = [
  'recommended',
  'viewed',
  'invited',
  'accepted',
  'declined',
  'interviewing',
  'offered',
  'hired',
  'rejected',
  'withdrawn',
  'expired',
] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];
