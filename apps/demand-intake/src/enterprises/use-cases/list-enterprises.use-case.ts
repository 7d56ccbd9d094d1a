import { Injectable } from '@nestjs/common';
import type { Caller } from '#auth';
import { EnterpriseFieldException } from '../enterprise.exception.js';
import { listAudienceOf, type EnterpriseAudience } from '../enterprise-access.policy.js';
import type { EnterpriseEntity } from '../enterprise.entity.js';
import { decodeListCursor, encodeListCursor } from '../enterprise-list-cursor.js';
import { EnterprisesRepository } from '../enterprises.repository.js';
import { DEFAULT_PAGE_SIZE, type ListEnterprisesQueryDto } from '../dto/list-enterprises.query.dto.js';

export interface ListEnterprisesQuery {
  /** organizer or platform_admin. */
  caller: Caller;
  filter: ListEnterprisesQueryDto;
}

export interface EnterprisePage {
  items: EnterpriseEntity[];
  nextCursor: string | null;
  audience: EnterpriseAudience;
}

/**
 * A six-digit province (330000) or city (330100) code means everything under it; the prefix
 * forms ('33', '3301') already do.
 */
export function regionPrefixOf(code: string): string {
  if (code.length !== 6) return code;
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** 企业列表 for staff: filters, newest first, keyset pagination. */
@Injectable()
export class ListEnterprisesUseCase {
  constructor(private readonly enterprises: EnterprisesRepository) {}

  async execute({ caller, filter }: ListEnterprisesQuery): Promise<EnterprisePage> {
    const limit = filter.limit ?? DEFAULT_PAGE_SIZE;
    let after = null;
    if (filter.cursor !== undefined) {
      after = decodeListCursor(filter.cursor);
      if (!after) throw new EnterpriseFieldException('cursor', '游标无效，请使用上一页返回的 nextCursor', 'isCursor');
    }
    const rows = await this.enterprises.list(
      {
        status: filter.status,
        regionPrefix: filter.regionCode ? regionPrefixOf(filter.regionCode) : undefined,
        industrySection: filter.industrySection,
        nameContains: filter.q || undefined,
      },
      after,
      limit + 1,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const nextCursor =
      rows.length > limit && last ? encodeListCursor({ createdAt: last.createdAt, id: last.id }) : null;
    return { items, nextCursor, audience: listAudienceOf(caller) };
  }
}
