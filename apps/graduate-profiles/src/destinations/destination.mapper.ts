import type { DestinationSource, DestinationStatus } from '#contracts';
import {
  destinationCategoryByCode,
  listDestinationCategories,
  regionByCode,
  type DestinationCategory,
} from '#reference';
import type { AuditDecision } from './destination.entity.js';
import { requirementsOf } from './destination-rules.js';
import {
  categoryCodeOf,
  employerOf,
  returnReasonOf,
  statusOf,
  verificationNumberOf,
  type DestinationRecord,
} from './destination-state.js';
import type { DestinationCategoryResponseDto, DestinationResponseDto } from './dto/destination.response.dto.js';
import { formatVerificationNumber } from './verification-number.js';

export const SOURCE_LABELS: Record<DestinationSource, string> = {
  college: '院校登记',
  graduate: '本人登记',
  platform: '平台录用',
};

export const STATUS_LABELS: Record<DestinationStatus, string> = {
  pending: '待审核',
  confirmed: '已审核',
  returned: '已退回',
};

const DECISION_LABELS: Record<AuditDecision, string> = { confirm: '审核通过', return: '退回' };

/** A code no longer in the table (after a rule change) still shows, marked as unknown. */
function categoryOf(code: string): DestinationCategory {
  return destinationCategoryByCode(code) ?? { code, name: '（已停用的去向代码）', group: '', countsAsPlaced: false };
}

export function toDestinationResponse(record: DestinationRecord, current: boolean): DestinationResponseDto {
  const d = record.destination;
  const category = categoryOf(categoryCodeOf(record));
  const verification = verificationNumberOf(record);
  const status = statusOf(record);
  return {
    id: d.id,
    graduateId: d.graduateId,
    collegeId: d.collegeId,
    categoryCode: category.code,
    categoryName: category.name,
    categoryGroup: category.group,
    countsAsPlaced: category.countsAsPlaced,
    registeredCategoryCode: d.categoryCode,
    destinationDate: d.destinationDate,
    employerOrSchool: employerOf(record),
    cityCode: d.cityCode,
    cityName: d.cityCode ? (regionByCode(d.cityCode)?.fullName ?? null) : null,
    evidenceRef: d.evidenceRef,
    source: d.source,
    sourceLabel: SOURCE_LABELS[d.source],
    status,
    statusLabel: STATUS_LABELS[status],
    current,
    verificationNumber: verification ? formatVerificationNumber(verification) : null,
    returnReason: returnReasonOf(record),
    enterpriseId: d.enterpriseId,
    demandId: d.demandId,
    recordedAt: d.recordedAt.toISOString(),
    audits: record.audits.map((a) => ({
      decision: a.decision,
      decisionLabel: DECISION_LABELS[a.decision],
      categoryCode: a.categoryCode,
      reason: a.reason,
      decidedAt: a.decidedAt.toISOString(),
    })),
  };
}

export function toCategoryResponses(): DestinationCategoryResponseDto[] {
  return listDestinationCategories().map((c) => {
    const required = requirementsOf(c);
    return {
      code: c.code,
      name: c.name,
      group: c.group,
      countsAsPlaced: c.countsAsPlaced,
      requiredFields: (Object.keys(required) as (keyof typeof required)[]).filter((field) => required[field]),
    };
  });
}
