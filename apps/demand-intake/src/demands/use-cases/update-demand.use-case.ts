import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Caller } from '#auth';
import { StaleVersionException, validationFailed } from '#runtime';
import { isEditable } from '../demand-lifecycle.js';
import { DemandEvents, visibleToMatching } from '../demand-events.js';
import { checkDemandContent, type DemandContent } from '../demand-rules.js';
import type { DemandEntity } from '../demand.entity.js';
import { DemandException } from '../demand.exception.js';
import { DemandsRepository } from '../demands.repository.js';
import type { UpdateDemandDto } from '../dto/demand-input.dto.js';
import { DemandLoader } from './demand-context.js';

/** Partial update under optimistic concurrency: a stale version changes nothing (412). */
@Injectable()
export class UpdateDemandUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly demands: DemandsRepository,
    private readonly loader: DemandLoader,
    private readonly events: DemandEvents,
  ) {}

  async execute(caller: Caller, id: string, expectedVersion: number, patch: UpdateDemandDto): Promise<DemandEntity> {
    if (patch.kind !== undefined) throw DemandException.immutableField('kind');
    if (patch.enterpriseId !== undefined) throw DemandException.immutableField('enterpriseId');
    return this.dataSource.transaction(async (manager) => {
      const { demand, enterprise } = await this.loader.lockForChange(manager, caller, id);
      if (demand.version !== expectedVersion) throw new StaleVersionException(demand.version);
      if (!isEditable(demand.status)) throw DemandException.notEditable(demand.status);

      const merged: DemandContent = { ...contentOf(demand), ...stripUndefined(patch) };
      const deadlineChanged = patch.deadline !== undefined;
      const { demand: next, problems } = checkDemandContent(merged, { requireFutureDeadline: deadlineChanged });
      if (problems.length) throw validationFailed(problems);

      Object.assign(demand, next, { version: demand.version + 1 });
      const saved = await this.demands.save(manager, demand);
      if (visibleToMatching(saved, enterprise)) {
        await this.events.updated(manager, saved, enterprise, { correlationId: randomUUID() });
      }
      return saved;
    });
  }
}

/** The stored demand in the shape of an input, so a patch can be merged and re-checked whole. */
function contentOf(d: DemandEntity): DemandContent {
  return {
    kind: d.kind,
    title: d.title,
    description: d.description,
    occupationCode: d.occupationCode ?? undefined,
    headcount: d.headcount,
    majors: d.majors,
    minDegree: d.minDegree,
    // Stored skills are already normalised ids; re-normalising an id leaves it unchanged.
    skills: d.skills.map((s) => ({ name: s.skillId, weight: s.weight, required: s.required })),
    certificates: d.certificates,
    cities: d.cities,
    salaryMin: d.salaryMin,
    salaryMax: d.salaryMax,
    graduationYears: d.graduationYears,
    deadline: d.deadline,
    internship: d.kindDetails.internship,
    apprenticeship: d.kindDetails.apprenticeship
      ? {
          durationMonths: d.kindDetails.apprenticeship.durationMonths,
          trainingProvider: d.kindDetails.apprenticeship.trainingProvider ?? undefined,
        }
      : undefined,
    orderTraining: d.kindDetails.orderTraining,
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
