import type { DestinationStatus } from '#contracts';
import type { DestinationAuditEntity, DestinationEntity } from './destination.entity.js';

/** A registration with its audit decisions (oldest first) and the employer name known for it. */
export interface DestinationRecord {
  destination: DestinationEntity;
  audits: DestinationAuditEntity[];
  /** From enterprise_names, for platform records. */
  enterpriseName: string | null;
}

const latestAudit = (record: DestinationRecord): DestinationAuditEntity | undefined => record.audits.at(-1);

/** The latest decision decides; none yet is pending. */
export function statusOf(record: DestinationRecord): DestinationStatus {
  const audit = latestAudit(record);
  if (!audit) return 'pending';
  return audit.decision === 'confirm' ? 'confirmed' : 'returned';
}

/** The category in force: as corrected by the latest decision, else as registered. */
export function categoryCodeOf(record: DestinationRecord): string {
  return latestAudit(record)?.categoryCode ?? record.destination.categoryCode;
}

/** The verification number of a confirmation still in force. */
export function verificationNumberOf(record: DestinationRecord): string | null {
  const audit = latestAudit(record);
  return audit?.decision === 'confirm' ? audit.verificationNumber : null;
}

export function returnReasonOf(record: DestinationRecord): string | null {
  const audit = latestAudit(record);
  return audit?.decision === 'return' ? audit.reason : null;
}

/** What the employer is called in responses and events: the name given, the enterprise's, or its id. */
export function employerOf(record: DestinationRecord): string | null {
  const d = record.destination;
  return d.employerOrSchool ?? record.enterpriseName ?? d.enterpriseId;
}

/**
 * A graduate's current registration: the latest one that was not returned. A returned
 * registration is void (the graduate registers again), so a returned change leaves the earlier
 * registration in force. The placement report applies the same rule as of its date.
 * `records` must be newest first.
 */
export function currentOf<T extends DestinationRecord>(records: readonly T[]): T | null {
  return records.find((r) => statusOf(r) !== 'returned') ?? null;
}
