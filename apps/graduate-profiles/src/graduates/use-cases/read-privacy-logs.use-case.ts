import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Caller } from '#auth';
import { validationFailed } from '#runtime';
import { ConsentRecordsRepository, type ConsentRecord } from '../consent-records.repository.js';
import { ContactRevealsRepository, type ContactReveal } from '../contact-reveals.repository.js';
import { privacyActorOf } from '../graduate-access.policy.js';
import type { GraduateEntity } from '../graduate.entity.js';
import { decodeRevealCursor, encodeRevealCursor } from '../graduate-cursors.js';
import { GraduateNotFoundException } from '../graduate.exception.js';
import { GraduatesRepository } from '../graduates.repository.js';

export const DEFAULT_REVEAL_PAGE_SIZE = 50;

/**
 * The graduate's privacy logs — consent history and the audit of contact reveals — for the graduate
 * and the own college. Erased graduates are gone here too (404).
 */
@Injectable()
export class ReadPrivacyLogsUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly graduates: GraduatesRepository,
    private readonly consents: ConsentRecordsRepository,
    private readonly reveals: ContactRevealsRepository,
  ) {}

  async consentHistory(caller: Caller, id: string): Promise<{ graduate: GraduateEntity; records: ConsentRecord[] }> {
    const manager = this.dataSource.manager;
    const graduate = await this.readable(caller, id);
    return { graduate, records: await this.consents.history(manager, graduate.id) };
  }

  async contactReveals(
    caller: Caller,
    id: string,
    page: { limit?: number; cursor?: string },
  ): Promise<{ items: ContactReveal[]; nextCursor: string | null }> {
    const graduate = await this.readable(caller, id);
    let before: string | null = null;
    if (page.cursor !== undefined) {
      before = decodeRevealCursor(page.cursor);
      if (before === null) {
        const problem = '游标无效，请使用上一页返回的 nextCursor';
        throw validationFailed([{ field: 'cursor', problem, constraint: 'isCursor', detail: problem }]);
      }
    }
    const limit = page.limit ?? DEFAULT_REVEAL_PAGE_SIZE;
    const rows = await this.reveals.page(this.dataSource.manager, graduate.id, before, limit + 1);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeRevealCursor(last.id) : null };
  }

  private async readable(caller: Caller, id: string): Promise<GraduateEntity> {
    const graduate = await this.graduates.findById(this.dataSource.manager, id);
    if (!graduate || graduate.erasedAt || !privacyActorOf(caller, graduate)) throw new GraduateNotFoundException(id);
    return graduate;
  }
}
