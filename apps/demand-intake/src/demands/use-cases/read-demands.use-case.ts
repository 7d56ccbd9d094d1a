import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Caller } from '#auth';
import type { DemandStatus } from '#contracts';
import { AppException, NotFoundAppException } from '#runtime';
import { canReadDemand } from '../demand-access.js';
import type { DemandEntity } from '../demand.entity.js';
import { DemandsRepository, type DemandListFilter } from '../demands.repository.js';
import type { ListDemandsQueryDto } from '../dto/list-demands.dto.js';
import { DemandLoader } from './demand-context.js';

export interface DemandPage {
  items: DemandEntity[];
  nextCursor: string | null;
}

@Injectable()
export class ReadDemandsUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly demands: DemandsRepository,
    private readonly loader: DemandLoader,
  ) {}

  async get(caller: Caller, id: string): Promise<DemandEntity> {
    const manager = this.dataSource.manager;
    const demand = await this.demands.findById(manager, id);
    const enterprise = demand ? await this.loader.enterprise(manager, demand.enterpriseId) : null;
    if (!demand || !enterprise || !canReadDemand(caller, demand, enterprise.status)) {
      throw new NotFoundAppException('需求', id);
    }
    return demand;
  }

  async list(caller: Caller, query: ListDemandsQueryDto): Promise<DemandPage> {
    const limit = query.limit ?? 20;
    const filter: DemandListFilter = {
      kind: query.kind,
      major: query.major,
      region: query.region,
      industry: query.industry,
      text: query.q,
      enterpriseId: query.enterpriseId,
      statuses: query.status ? [query.status] : undefined,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit: limit + 1,
    };
    // Each role sees its own slice; a filter can only narrow it.
    if (caller.role === 'enterprise') filter.enterpriseId = caller.orgId!;
    if (caller.role === 'enterprise' && query.enterpriseId && query.enterpriseId !== caller.orgId) {
      return { items: [], nextCursor: null };
    }
    if (caller.role === 'college')
      filter.statuses = narrow(filter.statuses, ['published', 'paused', 'closed', 'filled']);
    if (caller.role === 'graduate') {
      filter.statuses = narrow(filter.statuses, ['published']);
      filter.verifiedEnterprisesOnly = true;
    }
    if (filter.statuses && !filter.statuses.length) return { items: [], nextCursor: null };
    const rows = await this.demands.list(this.dataSource.manager, filter);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
  }
}

function narrow(requested: DemandStatus[] | undefined, allowed: DemandStatus[]): DemandStatus[] {
  return requested ? requested.filter((s) => allowed.includes(s)) : allowed;
}

/** Opaque cursor: the last row's (created_at, id), so pages stay stable while rows are added. */
export function encodeCursor(d: Pick<DemandEntity, 'createdAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([d.createdAt.toISOString(), d.id])).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (typeof createdAt !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(createdAt)))
      throw new Error();
    return { createdAt, id };
  } catch {
    throw new AppException('validation_failed', 400, '请求参数有误：cursor 无效', {
      errors: [{ field: 'cursor', problem: '无效的分页游标', constraint: 'cursor', detail: 'invalid cursor' }],
    });
  }
}
