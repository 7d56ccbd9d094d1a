export const ENTERPRISE_SIZES = ['large', 'medium', 'small', 'micro'] as const;
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];

export const ENTERPRISE_SIZE_LABELS: Record<EnterpriseSize, string> = {
  large: '大型',
  medium: '中型',
  small: '小型',
  micro: '微型',
};

/** pending → verified | rejected; verified ⇄ suspended. Only verified enterprises' demands reach matching. */
export const ENTERPRISE_STATUSES = ['pending', 'verified', 'rejected', 'suspended'] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];

export const ENTERPRISE_STATUS_LABELS: Record<EnterpriseStatus, string> = {
  pending: '待审核',
  verified: '已认证',
  rejected: '未通过',
  suspended: '已暂停',
};

/** GB/T 4754-2017 门类 letters A–T. */
export const INDUSTRY_SECTION_PATTERN = /^[A-T]$/;
/** GB/T 4754-2017 大类: two digits, 01–97. */
export const INDUSTRY_DIVISION_PATTERN = /^(0[1-9]|[1-8]\d|9[0-7])$/;
