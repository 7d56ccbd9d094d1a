import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CandidateHiredV1, EventEnvelope } from '#contracts';
import { destinationCategoryByCode } from '#reference';
import { Clock, shanghaiDate } from '../clock.js';
import { DestinationEntity } from '../destination.entity.js';
import { DestinationEvents } from '../destination-events.js';
import { isRegistrationLocked } from '../destination-window.js';
import { DestinationsRepository } from '../destinations.repository.js';

/**
 * The category a platform hire is recorded under: 签就业协议形式就业, what a graduate's first job
 * usually is. The college confirms it or corrects it (e.g. to 11 劳动合同) when auditing.
 */
export const PLATFORM_HIRE_CATEGORY = '10';

export type PlatformHireOutcome = 'recorded' | 'duplicate' | 'unknown_graduate' | 'erased' | 'locked';

/**
 * A hire on the platform (matching's CandidateHiredV1) becomes a pending destination with source
 * `platform`. Runs in the inbox transaction: a redelivered event is absorbed by the inbox, and a
 * second hire event for the same (graduate, demand) by the unique key, so it records once.
 */
@Injectable()
export class RecordPlatformHireUseCase {
  private readonly logger = new Logger(RecordPlatformHireUseCase.name);

  constructor(
    private readonly destinations: DestinationsRepository,
    private readonly events: DestinationEvents,
    private readonly clock: Clock,
  ) {}

  async execute(manager: EntityManager, envelope: EventEnvelope<CandidateHiredV1>): Promise<PlatformHireOutcome> {
    const { graduateId, demandId, enterpriseId, hiredAt } = envelope.payload;
    const graduate = await this.destinations.lockGraduate(manager, graduateId);
    // A valid event about someone this service does not (or no longer) know: nothing to record,
    // and retrying or dead-lettering would not change that.
    if (!graduate) return this.skip('unknown_graduate', envelope);
    if (graduate.erasedAt) return this.skip('erased', envelope);
    const now = this.clock.now();
    if (isRegistrationLocked(graduate.graduationYear, now)) return this.skip('locked', envelope);
    if (!destinationCategoryByCode(PLATFORM_HIRE_CATEGORY)) {
      // A reference table without this code is a deployment error: retry, then dead-letter.
      throw new Error(`destination category ${PLATFORM_HIRE_CATEGORY} is missing from the reference table`);
    }
    const destination = Object.assign(new DestinationEntity(), {
      id: randomUUID(),
      graduateId,
      collegeId: graduate.collegeId,
      categoryCode: PLATFORM_HIRE_CATEGORY,
      destinationDate: shanghaiDate(new Date(hiredAt)),
      employerOrSchool: await this.destinations.enterpriseName(manager, enterpriseId),
      cityCode: null,
      evidenceRef: `平台录用记录：需求 ${demandId}`.slice(0, 200),
      source: 'platform' as const,
      recordedByRole: 'platform',
      recordedBy: envelope.producer,
      enterpriseId,
      demandId,
      recordedAt: now,
    });
    if (!(await this.destinations.insertPlatformDestination(manager, destination))) {
      return 'duplicate';
    }
    await this.events.recorded(
      manager,
      { destination, audits: [], enterpriseName: null },
      { correlationId: envelope.correlationId, causationId: envelope.eventId },
    );
    return 'recorded';
  }

  private skip(outcome: PlatformHireOutcome, envelope: EventEnvelope<CandidateHiredV1>): PlatformHireOutcome {
    const { graduateId, demandId } = envelope.payload;
    this.logger.warn(
      `CandidateHired ${envelope.eventId} (graduate ${graduateId}, demand ${demandId}) not recorded as a destination: ${outcome}`,
    );
    return outcome;
  }
}
