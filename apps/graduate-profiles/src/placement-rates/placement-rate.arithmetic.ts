/**
 * 毕业去向落实率, the definition every report here uses:
 * - denominator: every graduate of the cohort in the group, erased ones included (anonymously);
 * - a graduate's registration in force as of day D (Asia/Shanghai) is the latest one recorded on
 *   or before D that was not returned on or before D (a returned registration is void);
 * - registered: graduates with such a registration; placed: those whose registration's category
 *   counts as placed in the destination table in force (reference data, not code); confirmed:
 *   those whose registration the college had confirmed on or before D;
 * - placementRate = placed ÷ graduates; confirmedShare = confirmed ÷ registered (how much of the
 *   rate rests on audited records); confirmedPlacementRate = placed and confirmed ÷ graduates.
 * Rates have 4 decimals; a zero denominator gives null.
 */
export const PLACEMENT_RATE_DEFINITION =
  '毕业去向落实率 = 已落实人数 ÷ 毕业生总数。毕业生总数含已删除个人信息的毕业生（匿名计入）。' +
  '截至日期 D（北京时间）的有效登记为 D 当日及以前最新的一条且当时未被退回的登记；已退回的登记视为作废。' +
  '已登记：有有效登记的人数；已落实：有效登记的去向按现行毕业去向代码表计入落实率的人数；' +
  '已审核确认：有效登记在 D 当日及以前已被院校审核通过的人数。' +
  '审核确认占比 = 已审核确认 ÷ 已登记，用于判断落实率中有多少经过院校审核；已审核口径落实率 = 已落实且已审核确认 ÷ 毕业生总数。' +
  '比率保留 4 位小数，分母为 0 时为 null。';

export interface PlacementCounts {
  graduates: number;
  registered: number;
  placed: number;
  confirmed: number;
  placedConfirmed: number;
  /** Registered graduates per report group (协议和合同就业 …), in the table's order. */
  byGroup: Record<string, number>;
  /** Registered graduates per category code. */
  byCategory: Record<string, number>;
}

export interface PlacementRates {
  unregistered: number;
  placementRate: number | null;
  placementRatePercent: string | null;
  confirmedShare: number | null;
  confirmedSharePercent: string | null;
  confirmedPlacementRate: number | null;
  confirmedPlacementRatePercent: string | null;
}

/** Integer basis points (1 = 0.01 %), rounded half up, so the rate and its percentage agree. */
function basisPoints(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.round((numerator * 10_000) / denominator);
}

/** n ÷ d with 4 decimals, or null when d is 0. */
export function ratio(numerator: number, denominator: number): number | null {
  const bp = basisPoints(numerator, denominator);
  return bp === null ? null : bp / 10_000;
}

/** n ÷ d as a percentage with 2 decimals ("61.90%"), or null when d is 0. */
export function percent(numerator: number, denominator: number): string | null {
  const bp = basisPoints(numerator, denominator);
  return bp === null ? null : `${(bp / 100).toFixed(2)}%`;
}

export function ratesOf(counts: PlacementCounts): PlacementRates {
  return {
    unregistered: counts.graduates - counts.registered,
    placementRate: ratio(counts.placed, counts.graduates),
    placementRatePercent: percent(counts.placed, counts.graduates),
    confirmedShare: ratio(counts.confirmed, counts.registered),
    confirmedSharePercent: percent(counts.confirmed, counts.registered),
    confirmedPlacementRate: ratio(counts.placedConfirmed, counts.graduates),
    confirmedPlacementRatePercent: percent(counts.placedConfirmed, counts.graduates),
  };
}
