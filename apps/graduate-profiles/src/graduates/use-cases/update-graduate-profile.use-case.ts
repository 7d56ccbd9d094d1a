import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Caller } from '#auth';
import { StaleVersionException } from '#runtime';
import { isTheGraduate } from '../graduate-access.policy.js';
import { GraduateEntity, type GraduatePreferences } from '../graduate.entity.js';
import { GraduateEvents } from '../graduate-events.js';
import { GraduateNotFoundException } from '../graduate.exception.js';
import { normalisePreferences, normaliseSkills } from '../graduate-profile.rules.js';
import { contentHashOf, matchingHashOf } from '../graduate-snapshot.js';
import { GraduateWriterRepository } from '../graduate-writer.repository.js';
import { GraduatesRepository } from '../graduates.repository.js';
import type { UpdateGraduateProfileDto } from '../dto/update-graduate-profile.dto.js';

export interface UpdateGraduateProfileCommand {
  caller: Caller;
  id: string;
  changes: UpdateGraduateProfileDto;
  /** From If-Match. */
  expectedVersion: number;
  correlationId: string;
}

/** Trimmed, without empties and repeats, first spelling kept. */
function distinctTrimmed(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
}

/** Only the keys the request set (a DTO instance may carry its declared fields as undefined). */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The graduate edits what is theirs: preferences, skills, certificates, contacts and the
 * personalised-ranking switch. The same rule as a college's upsert: identical content changes
 * nothing (no version, no event); GraduateProfileUpsertedV1 goes out only when something matching
 * uses changed, and only while the graduate consents (GraduateEvents decides that).
 */
@Injectable()
export class UpdateGraduateProfileUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly graduates: GraduatesRepository,
    private readonly writer: GraduateWriterRepository,
    private readonly events: GraduateEvents,
  ) {}

  async execute({
    caller,
    id,
    changes,
    expectedVersion,
    correlationId,
  }: UpdateGraduateProfileCommand): Promise<GraduateEntity> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.graduates.findByIdForUpdate(manager, id);
      if (!current || current.erasedAt || !isTheGraduate(caller, current)) throw new GraduateNotFoundException(id);
      if (current.version !== expectedVersion) throw new StaleVersionException(current.version);

      const next = Object.assign(new GraduateEntity(), current, {
        skills: changes.skills ? normaliseSkills(changes.skills) : current.skills,
        certificates: changes.certificates ? distinctTrimmed(changes.certificates) : current.certificates,
        preferences: changes.preferences
          ? normalisePreferences({
              ...current.preferences,
              ...definedOnly<Partial<GraduatePreferences>>(changes.preferences),
            })
          : current.preferences,
        phone: changes.phone === undefined ? current.phone : changes.phone,
        email: changes.email === undefined ? current.email : (changes.email?.toLowerCase() ?? null),
        personalisedRanking: changes.personalisedRanking ?? current.personalisedRanking,
      });
      next.matchingHash = matchingHashOf(next);
      next.contentHash = contentHashOf(next);
      if (next.contentHash === current.contentHash) return current;

      next.version = current.version + 1;
      next.updatedAt = new Date();
      await this.writer.updateMany(manager, [next]);
      if (next.matchingHash !== current.matchingHash) {
        await this.events.profilesUpserted(manager, [next], { correlationId });
      }
      return next;
    });
  }
}
