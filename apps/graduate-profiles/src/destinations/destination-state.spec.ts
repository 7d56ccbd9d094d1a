import type { AuditDecision, DestinationAuditEntity, DestinationEntity } from './destination.entity.js';
import {
  categoryCodeOf,
  currentOf,
  employerOf,
  statusOf,
  verificationNumberOf,
  type DestinationRecord,
} from './destination-state.js';

function record(id: string, categoryCode: string, decisions: [AuditDecision, string?][] = []): DestinationRecord {
  return {
    destination: { id, categoryCode, employerOrSchool: null, enterpriseId: null } as DestinationEntity,
    audits: decisions.map(
      ([decision, corrected], i) =>
        ({
          id: String(i + 1),
          destinationId: id,
          decision,
          categoryCode: corrected ?? categoryCode,
          verificationNumber: decision === 'confirm' ? `V${i}` : null,
        }) as DestinationAuditEntity,
    ),
    enterpriseName: null,
  };
}

describe('destination state', () => {
  it('takes status, category and verification number from the latest decision', () => {
    expect(statusOf(record('a', '11'))).toBe('pending');
    const confirmed = record('a', '11', [['confirm', '10']]);
    expect(statusOf(confirmed)).toBe('confirmed');
    expect(categoryCodeOf(confirmed)).toBe('10');
    expect(verificationNumberOf(confirmed)).toBe('V0');
    const revoked = record('a', '11', [['confirm'], ['return']]);
    expect(statusOf(revoked)).toBe('returned');
    expect(verificationNumberOf(revoked)).toBeNull();
  });

  it('treats a returned registration as void: the earlier one stays in force', () => {
    const older = record('older', '11');
    const returned = record('newer', '12', [['return']]);
    expect(currentOf([returned, older])).toBe(older);
    expect(currentOf([record('x', '11', [['return']])])).toBeNull();
    const newest = record('newest', '80');
    expect(currentOf([newest, returned, older])).toBe(newest);
  });

  it('names the employer as given, else by the enterprise name or id of a platform hire', () => {
    const hire = record('h', '10');
    hire.destination.enterpriseId = 'ent-1';
    expect(employerOf(hire)).toBe('ent-1');
    expect(employerOf({ ...hire, enterpriseName: '杭州示例科技有限公司' })).toBe('杭州示例科技有限公司');
  });
});
