import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { PublishContext } from '#messaging';
import { GraduateEntity } from '../graduate.entity.js';
import { GraduateEvents } from '../graduate-events.js';
import { normalisePreferences, type NormalisedGraduateInput } from '../graduate-profile.rules.js';
import { contentHashOf, matchingHashOf } from '../graduate-snapshot.js';
import { GraduateWriterRepository } from '../graduate-writer.repository.js';

/** `erased`: the graduate asked to be erased; the row is skipped, whatever the upload says. */
export type UpsertOutcome = 'created' | 'updated' | 'unchanged' | 'erased';

export interface UpsertedGraduate {
  studentNumber: string;
  graduateId: string;
  outcome: UpsertOutcome;
  /** Whether something matching uses changed (an event went out if the graduate consents). */
  matchingChanged: boolean;
  /** Null for an erased graduate. */
  graduate: GraduateEntity | null;
}

export interface UpsertSummary {
  results: UpsertedGraduate[];
  created: number;
  updated: number;
  unchanged: number;
  erased: number;
  eventsWritten: number;
}

/** The stored profile with the submission laid over it; left-out optional fields keep their value. */
function merged(collegeId: string, input: NormalisedGraduateInput, stored: GraduateEntity | undefined): GraduateEntity {
  const base = stored ?? newProfile(collegeId);
  const next: GraduateEntity = Object.assign(new GraduateEntity(), base, {
    studentNumber: input.studentNumber,
    name: input.name,
    department: input.department,
    majorCode: input.majorCode,
    majorName: input.majorName,
    majorCatalogueYear: input.majorCatalogueYear,
    degree: input.degree,
    graduationYear: input.graduationYear,
    skills: input.skills ?? base.skills,
    certificates: input.certificates ?? base.certificates,
    internships: input.internships ?? base.internships,
    gpaPercentile: input.gpaPercentile === undefined ? base.gpaPercentile : input.gpaPercentile,
    preferences: input.preferences ?? base.preferences,
    phone: input.phone === undefined ? base.phone : input.phone,
    email: input.email === undefined ? base.email : input.email,
  });
  next.matchingHash = matchingHashOf(next);
  next.contentHash = contentHashOf(next);
  return next;
}

function newProfile(collegeId: string): GraduateEntity {
  return Object.assign(new GraduateEntity(), {
    id: randomUUID(),
    collegeId,
    skills: [],
    certificates: [],
    internships: [],
    gpaPercentile: null,
    preferences: normalisePreferences({}),
    phone: null,
    email: null,
    personalisedRanking: true,
    consentStatus: 'none',
    consentChangedAt: null,
    erasedAt: null,
    contentHash: '',
    matchingHash: '',
    version: 0,
  });
}

/**
 * Creates or updates graduate profiles by (college, student number), in batches. A row identical to
 * what is stored is not written at all (no version bump, no event), so re-uploading a cohort is a
 * no-op; GraduateProfileUpsertedV1 goes out only when something matching uses changed.
 */
@Injectable()
export class UpsertGraduatesUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: GraduateWriterRepository,
    private readonly events: GraduateEvents,
  ) {}

  /** One transaction for the batch: every row of it is written, or none. */
  async execute(
    collegeId: string,
    inputs: readonly NormalisedGraduateInput[],
    context: PublishContext = { correlationId: randomUUID() },
  ): Promise<UpsertSummary> {
    return this.dataSource.transaction((manager) => this.executeIn(manager, collegeId, inputs, context));
  }

  /** The same, inside the caller's transaction (the caller has checked the college exists). */
  async executeIn(
    manager: EntityManager,
    collegeId: string,
    inputs: readonly NormalisedGraduateInput[],
    context: PublishContext,
  ): Promise<UpsertSummary> {
    const numbers = inputs.map((i) => i.studentNumber);
    if (new Set(numbers).size !== numbers.length) {
      throw new Error('UpsertGraduatesUseCase: a batch must not repeat a student number');
    }
    await this.writer.lockCollegeCohort(manager, collegeId);
    const stored = new Map(
      (await this.writer.findByStudentNumbers(manager, collegeId, numbers)).map((g) => [g.studentNumber!, g]),
    );
    const suppressed = await this.writer.suppressedAmong(manager, collegeId, numbers);
    const now = new Date();
    const inserts: GraduateEntity[] = [];
    const updates: GraduateEntity[] = [];
    const changedForMatching: GraduateEntity[] = [];
    const results: UpsertedGraduate[] = inputs.map((input) => {
      if (suppressed.has(input.studentNumber)) {
        return {
          studentNumber: input.studentNumber,
          graduateId: '',
          outcome: 'erased',
          matchingChanged: false,
          graduate: null,
        };
      }
      const before = stored.get(input.studentNumber);
      const next = merged(collegeId, input, before);
      if (before && before.contentHash === next.contentHash) {
        return {
          studentNumber: input.studentNumber,
          graduateId: before.id,
          outcome: 'unchanged',
          matchingChanged: false,
          graduate: before,
        };
      }
      next.version = (before?.version ?? 0) + 1;
      next.updatedAt = now;
      (before ? updates : inserts).push(next);
      const matchingChanged = !before || before.matchingHash !== next.matchingHash;
      if (matchingChanged) changedForMatching.push(next);
      return {
        studentNumber: input.studentNumber,
        graduateId: next.id,
        outcome: before ? 'updated' : 'created',
        matchingChanged,
        graduate: next,
      };
    });
    await this.writer.insertMany(manager, inserts);
    await this.writer.updateMany(manager, updates);
    const eventsWritten = await this.events.profilesUpserted(manager, changedForMatching, context);
    return {
      results,
      created: inserts.length,
      updated: updates.length,
      unchanged: results.filter((r) => r.outcome === 'unchanged').length,
      erased: suppressed.size,
      eventsWritten,
    };
  }
}
