import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Caller } from '#auth';
import type { CandidateStatus } from '#contracts';
import { AppException, NotFoundAppException } from '#runtime';
import { ReadModelRepository } from '../read-model/read-model.repository.js';
import { RecommendationNotFoundException } from './recommendation.exception.js';
import { RecommendationsRepository, type Recommendation } from './recommendations.repository.js';

const encodeCursor = (r: Recommendation) => Buffer.from(`${r.rank}:${r.id}`).toString('base64url');

function decodeCursor(cursor: string): { rank: number; id: string } {
  const match = /^(\d+):([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match)
    throw new AppException('cursor_invalid', 400, 'cursor 无效，请使用上一页返回的 nextCursor', { field: 'cursor' });
  return { rank: Number(match[1]), id: match[2]! };
}

/** Who may read which recommendations: the demand's enterprise, the graduate, organizers and admins. */
@Injectable()
export class ReadRecommendationsUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recommendations: RecommendationsRepository,
    private readonly readModel: ReadModelRepository,
  ) {}

  async listForDemand(
    caller: Caller,
    demandId: string,
    query: { status?: CandidateStatus; cursor?: string; limit?: number },
  ): Promise<{ items: Recommendation[]; nextCursor: string | null }> {
    const demand = await this.readModel.loadDemand(this.dataSource.manager, demandId);
    const mayRead =
      caller.role === 'organizer' ||
      caller.role === 'platform_admin' ||
      (caller.role === 'enterprise' && demand?.snapshot.enterpriseId === caller.orgId);
    if (!demand || !mayRead) throw new NotFoundAppException('需求', demandId);
    const limit = query.limit ?? 20;
    const items = await this.recommendations.listForDemand(this.dataSource.manager, demandId, {
      limit: limit + 1,
      statuses: query.status ? [query.status] : undefined,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
    });
    const page = items.slice(0, limit);
    return { items: page, nextCursor: items.length > limit ? encodeCursor(page[page.length - 1]!) : null };
  }

  async get(caller: Caller, id: string): Promise<Recommendation> {
    const r = await this.recommendations.findById(this.dataSource.manager, id);
    const visible =
      r &&
      ((caller.role === 'enterprise' && caller.orgId === r.enterpriseId && r.pushedAt !== null) ||
        (caller.role === 'graduate' && caller.subject === r.graduateId) ||
        caller.role === 'organizer' ||
        caller.role === 'platform_admin');
    if (!visible) throw new RecommendationNotFoundException(id);
    return r;
  }

  /** Every invitation the graduate received, whatever became of it (no application into a void). */
  async invitationsOf(caller: Caller, graduateId: string): Promise<Recommendation[]> {
    if (caller.role !== 'graduate' || caller.subject !== graduateId) {
      throw new NotFoundAppException('毕业生', graduateId);
    }
    return this.recommendations.invitationsOf(this.dataSource.manager, graduateId);
  }
}
