export const DEMAND_KINDS = ['job', 'internship', 'apprenticeship', 'order_training'] as const;
export type DemandKind = (typeof DEMAND_KINDS)[number];

export const DEMAND_KIND_LABELS: Record<DemandKind, string> = {
  job: '全职岗位',
  internship: '实习',
  apprenticeship: '新型学徒制',
  order_training: '订单培养',
};

export const DEMAND_STATUSES = ['draft', 'published', 'paused', 'closed', 'filled'] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];

export const DEMAND_CLOSE_REASONS = ['withdrawn', 'expired', 'filled'] as const;
export type DemandCloseReason = (typeof DEMAND_CLOSE_REASONS)[number];
