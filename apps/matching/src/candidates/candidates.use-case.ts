import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Caller } from '#auth';
import { AppException, NotFoundAppException } from '#runtime';
import { ReadModelRepository } from '../read-model/read-model.repository.js';
import { anonymousCandidate } from './push-planner.js';
import { MatchingIndexService } from './matching-index.service.js';

const todayInChina = (now = new Date()) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Reads from the ranking index, for the demand's enterprise (anonymous) and for the graduate. */
@Injectable()
export class CandidatesUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: ReadModelRepository,
    private readonly matchingIndex: MatchingIndexService,
  ) {}

  async candidatesFor(caller: Caller, demandId: string, offset: number, limit: number) {
    this.requireReady();
    const demand = await this.store.loadDemand(this.dataSource.manager, demandId);
    const mayRead =
      caller.role === 'organizer' ||
      caller.role === 'platform_admin' ||
      (caller.role === 'enterprise' && demand?.snapshot.enterpriseId === caller.orgId);
    if (!demand || !mayRead) throw new NotFoundAppException('需求', demandId);
    const page = demand.status === 'open' ? this.matchingIndex.index.topK(demandId, limit, offset) : undefined;
    if (!page) return { demandId, status: demand.status, offset, limit, items: [], hasMore: false };
    const snapshots = await this.store.snapshotsOf(
      this.dataSource.manager,
      page.items.map((c) => c.graduateId),
    );
    return {
      demandId,
      status: demand.status,
      offset,
      limit,
      hasMore: page.hasMore,
      // Anonymous: no graduate id, name or contact; the enterprise learns identity only through an accepted invitation.
      items: page.items
        .filter((c) => snapshots.has(c.graduateId))
        .map((c) => ({
          rank: c.rank,
          ...anonymousCandidate(snapshots.get(c.graduateId)!, c),
          factors: c.factors,
          matchedSkills: c.matchedSkills,
          missingSkills: c.missingSkills,
        })),
    };
  }

  async opportunitiesFor(
    caller: Caller,
    graduateId: string,
    options: { offset: number; limit: number; neutral: boolean },
  ) {
    this.requireReady();
    if (caller.role !== 'graduate' || caller.subject !== graduateId)
      throw new NotFoundAppException('毕业生', graduateId);
    const page = this.matchingIndex.index.opportunitiesFor(graduateId, { ...options, today: todayInChina() });
    // Not in the index: no consent (or not imported yet) — nothing is matched for them.
    if (!page) {
      throw new AppException('consent_required', 409, '尚未同意推荐（或档案尚未同步），暂无可匹配的需求');
    }
    return page;
  }

  private requireReady(): void {
    if (!this.matchingIndex.isReady) {
      throw new AppException('index_warming_up', 503, '匹配索引正在加载，请稍后重试');
    }
  }
}
