import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Caller } from '#auth';
import { validationFailed } from '#runtime';
import { Clock, shanghaiDate } from '../clock.js';
import { destinationActorOf } from '../destination-access.policy.js';
import { DestinationEntity } from '../destination.entity.js';
import { DestinationEvents } from '../destination-events.js';
import { DestinationGraduateNotFoundException } from '../destination.exception.js';
import { checkDestination } from '../destination-rules.js';
import type { DestinationRecord } from '../destination-state.js';
import { assertRegistrationOpen } from '../destination-window.js';
import { DestinationsRepository } from '../destinations.repository.js';
import type { RegisterDestinationDto } from '../dto/register-destination.dto.js';

/**
 * The graduate (or their college) registers a destination. It starts pending; the college
 * audits it. A newer registration supersedes the older ones, which stay in the history.
 */
@Injectable()
export class RegisterDestinationUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly destinations: DestinationsRepository,
    private readonly events: DestinationEvents,
    private readonly clock: Clock,
  ) {}

  async execute(
    caller: Caller,
    graduateId: string,
    input: RegisterDestinationDto,
    correlationId: string,
  ): Promise<DestinationRecord> {
    return this.dataSource.transaction(async (manager) => {
      const graduate = await this.destinations.lockGraduate(manager, graduateId);
      const source = graduate && !graduate.erasedAt ? destinationActorOf(caller, graduate) : null;
      if (!graduate || !source) throw new DestinationGraduateNotFoundException(graduateId);
      const now = this.clock.now();
      assertRegistrationOpen(graduate.graduationYear, now);
      const fields = {
        destinationDate: input.destinationDate ?? null,
        employerOrSchool: input.employerOrSchool ?? null,
        cityCode: input.cityCode ?? null,
        evidenceRef: input.evidenceRef ?? null,
      };
      const problems = checkDestination(input.categoryCode, fields, {
        graduationYear: graduate.graduationYear,
        today: shanghaiDate(now),
      });
      if (problems.length) throw validationFailed(problems);
      const destination = Object.assign(new DestinationEntity(), {
        id: randomUUID(),
        graduateId: graduate.id,
        collegeId: graduate.collegeId,
        categoryCode: input.categoryCode,
        ...fields,
        source,
        recordedByRole: caller.role,
        recordedBy: caller.subject,
        enterpriseId: null,
        demandId: null,
        recordedAt: now,
      });
      await this.destinations.insertDestination(manager, destination);
      const record: DestinationRecord = { destination, audits: [], enterpriseName: null };
      await this.events.recorded(manager, record, { correlationId });
      return record;
    });
  }
}
