import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Caller } from '#auth';
import { Clock } from '../clock.js';
import { destinationActorOf } from '../destination-access.policy.js';
import { DestinationGraduateNotFoundException, DestinationNotFoundException } from '../destination.exception.js';
import { currentOf, type DestinationRecord } from '../destination-state.js';
import { isRegistrationLocked, registrationDeadline } from '../destination-window.js';
import { DestinationsRepository, type DestinationGraduate } from '../destinations.repository.js';

export interface DestinationHistory {
  graduate: DestinationGraduate;
  deadline: string;
  locked: boolean;
  current: DestinationRecord | null;
  /** Newest first. */
  records: DestinationRecord[];
}

/** The graduate and their own college read the history; anyone else gets a 404. */
@Injectable()
export class ReadDestinationsUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly destinations: DestinationsRepository,
    private readonly clock: Clock,
  ) {}

  async history(caller: Caller, graduateId: string): Promise<DestinationHistory> {
    const manager = this.dataSource.manager;
    const graduate = await this.destinations.findGraduate(manager, graduateId);
    if (!graduate || graduate.erasedAt || !destinationActorOf(caller, graduate)) {
      throw new DestinationGraduateNotFoundException(graduateId);
    }
    const records = await this.destinations.historyOf(manager, graduateId);
    return {
      graduate,
      deadline: registrationDeadline(graduate.graduationYear),
      locked: isRegistrationLocked(graduate.graduationYear, this.clock.now()),
      current: currentOf(records),
      records,
    };
  }

  async get(caller: Caller, destinationId: string): Promise<{ record: DestinationRecord; current: boolean }> {
    const manager = this.dataSource.manager;
    const destination = await this.destinations.findDestination(manager, destinationId);
    const graduate = destination ? await this.destinations.findGraduate(manager, destination.graduateId) : null;
    if (!destination || !graduate || graduate.erasedAt || !destinationActorOf(caller, graduate)) {
      throw new DestinationNotFoundException(destinationId);
    }
    const records = await this.destinations.historyOf(manager, graduate.id);
    const record = records.find((r) => r.destination.id === destinationId)!;
    return { record, current: currentOf(records)?.destination.id === destinationId };
  }
}
