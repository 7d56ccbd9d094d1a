import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PostingReportEntity, type ReportStatus } from './posting-report.entity.js';

@Injectable()
export class PostingReportsRepository {
  async insert(manager: EntityManager, report: PostingReportEntity): Promise<PostingReportEntity> {
    return manager.getRepository(PostingReportEntity).save(report);
  }

  async hasOpenReport(manager: EntityManager, demandId: string, reporterSubject: string): Promise<boolean> {
    return manager.getRepository(PostingReportEntity).exists({ where: { demandId, reporterSubject, status: 'open' } });
  }

  async lockById(manager: EntityManager, id: string): Promise<PostingReportEntity | null> {
    return manager
      .getRepository(PostingReportEntity)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
  }

  async save(manager: EntityManager, report: PostingReportEntity): Promise<PostingReportEntity> {
    return manager.getRepository(PostingReportEntity).save(report);
  }

  async list(
    manager: EntityManager,
    filter: { status?: ReportStatus; enterpriseId?: string; demandId?: string; limit: number },
  ): Promise<{ items: PostingReportEntity[]; openByEnterprise: { enterpriseId: string; open: number }[] }> {
    const qb = manager.getRepository(PostingReportEntity).createQueryBuilder('r');
    if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
    if (filter.enterpriseId) qb.andWhere('r.enterprise_id = :enterpriseId', { enterpriseId: filter.enterpriseId });
    if (filter.demandId) qb.andWhere('r.demand_id = :demandId', { demandId: filter.demandId });
    const items = await qb.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC').limit(filter.limit).getMany();
    const openByEnterprise = (await manager.query(
      `SELECT enterprise_id AS "enterpriseId", count(*)::int AS open
         FROM "demand-intake".posting_reports WHERE status = 'open'
        GROUP BY enterprise_id ORDER BY open DESC, enterprise_id LIMIT 20`,
    )) as { enterpriseId: string; open: number }[];
    return { items, openByEnterprise };
  }
}
