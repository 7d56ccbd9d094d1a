import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Caller } from '#auth';
import { destinationCategoryByCode } from '#reference';
import { validationFailed } from '#runtime';
import { Clock } from '../clock.js';
import { canAuditDestination } from '../destination-access.policy.js';
import { DestinationEvents } from '../destination-events.js';
import { DestinationException, DestinationNotFoundException } from '../destination.exception.js';
import { categoryCodeOf, currentOf, statusOf, type DestinationRecord } from '../destination-state.js';
import { assertRegistrationOpen } from '../destination-window.js';
import { DestinationsRepository } from '../destinations.repository.js';
import type { AuditDestinationDto } from '../dto/audit-destination.dto.js';
import { newVerificationNumber } from '../verification-number.js';

export interface AuditResult {
  record: DestinationRecord;
  current: boolean;
}

/**
 * The college audits the graduate's current registration: confirms it (a verification number is
 * issued; the category may be corrected) or returns it with a reason (the registration becomes
 * void and the graduate registers again). A confirmed registration can still be returned, e.g.
 * after a spot check, until the cohort's window closes.
 */
@Injectable()
export class AuditDestinationUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly destinations: DestinationsRepository,
    private readonly events: DestinationEvents,
    private readonly clock: Clock,
  ) {}

  async execute(
    caller: Caller,
    destinationId: string,
    input: AuditDestinationDto,
    correlationId: string,
  ): Promise<AuditResult> {
    checkAuditInput(input);
    return this.dataSource.transaction(async (manager) => {
      const target = await this.lockTarget(manager, caller, destinationId);
      const { graduationYear, history } = target;
      const now = this.clock.now();
      assertRegistrationOpen(graduationYear, now);
      const record = history.find((r) => r.destination.id === destinationId)!;
      const status = statusOf(record);
      if (status === 'returned' || (status === 'confirmed' && input.decision === 'confirm')) {
        throw DestinationException.alreadyDecided(status);
      }
      const current = currentOf(history);
      if (current && current.destination.id !== destinationId) {
        throw DestinationException.superseded(destinationId, current.destination.id);
      }
      const categoryCode = input.categoryCode ?? categoryCodeOf(record);
      if (input.categoryCode) checkCorrection(record, input.categoryCode);
      const audit = await this.destinations.insertAudit(manager, {
        destinationId,
        decision: input.decision,
        categoryCode,
        reason: input.decision === 'return' ? input.reason! : (input.reason ?? null),
        verificationNumber: input.decision === 'confirm' ? newVerificationNumber() : null,
        decidedBy: caller.subject,
        decidedAt: now,
      });
      record.audits.push(audit);
      await this.events.recorded(manager, record, { correlationId });
      return { record, current: currentOf(history)?.destination.id === destinationId };
    });
  }

  private async lockTarget(manager: EntityManager, caller: Caller, destinationId: string) {
    const destination = await this.destinations.findDestination(manager, destinationId);
    if (!destination || !canAuditDestination(caller, destination)) {
      throw new DestinationNotFoundException(destinationId);
    }
    const graduate = await this.destinations.lockGraduate(manager, destination.graduateId);
    if (!graduate || graduate.erasedAt) throw new DestinationNotFoundException(destinationId);
    // Read under the graduate's lock: no registration or decision can slip in between.
    const history = await this.destinations.historyOf(manager, graduate.id);
    return { graduationYear: graduate.graduationYear, history };
  }
}

function checkAuditInput(input: AuditDestinationDto): void {
  if (input.decision === 'return' && !input.reason) {
    throw validationFailed([
      { field: 'reason', problem: '退回时必须填写退回理由', constraint: 'requiredForReturn', detail: 'required' },
    ]);
  }
  if (input.decision === 'return' && input.categoryCode) {
    throw validationFailed([
      {
        field: 'categoryCode',
        problem: '退回时不能更正去向代码；请在理由中说明，由毕业生重新登记',
        constraint: 'onlyOnConfirm',
        detail: 'categoryCode only with confirm',
      },
    ]);
  }
}

/**
 * A correction to a category that counts as placed needs the registration's proof: the college
 * may fix the code, not turn an unproven record into a placement.
 */
function checkCorrection(record: DestinationRecord, categoryCode: string): void {
  const category = destinationCategoryByCode(categoryCode)!;
  if (category.countsAsPlaced && record.destination.evidenceRef === null) {
    throw validationFailed([
      {
        field: 'categoryCode',
        problem: `原登记没有证明材料编号，不能更正为计入落实率的“${category.code} ${category.name}”；请退回，由毕业生补充后重新登记`,
        constraint: 'evidenceRequired',
        detail: 'correction to a placed category needs evidence',
      },
    ]);
  }
}
