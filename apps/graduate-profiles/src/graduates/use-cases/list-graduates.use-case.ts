import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Caller } from '#auth';
import { validationFailed } from '#runtime';
import { CollegeNotFoundException } from '../../colleges/index.js';
import type { GraduateEntity } from '../graduate.entity.js';
import { decodeGraduateCursor, encodeGraduateCursor } from '../graduate-cursors.js';
import { GraduatesRepository } from '../graduates.repository.js';
import { DEFAULT_GRADUATE_PAGE_SIZE, type ListGraduatesQueryDto } from '../dto/list-graduates.query.dto.js';

export interface GraduatePage {
  items: GraduateEntity[];
  nextCursor: string | null;
}

/** A college's own graduates (never erased ones), filtered, by student number, keyset-paginated. */
@Injectable()
export class ListGraduatesUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly graduates: GraduatesRepository,
  ) {}

  async execute(caller: Caller, collegeId: string, query: ListGraduatesQueryDto): Promise<GraduatePage> {
    // Only the college itself lists its graduates; another college learns nothing.
    if (caller.role !== 'college' || caller.orgId !== collegeId) throw new CollegeNotFoundException(collegeId);
    let after: string | null = null;
    if (query.cursor !== undefined) {
      after = decodeGraduateCursor(query.cursor);
      if (after === null) {
        const problem = '游标无效，请使用上一页返回的 nextCursor';
        throw validationFailed([{ field: 'cursor', problem, constraint: 'isCursor', detail: problem }]);
      }
    }
    const limit = query.limit ?? DEFAULT_GRADUATE_PAGE_SIZE;
    const rows = await this.graduates.list(
      this.dataSource.manager,
      collegeId,
      {
        graduationYear: query.graduationYear,
        department: query.department || undefined,
        majorCode: query.majorCode,
        consentStatus: query.consentStatus,
        text: query.q || undefined,
      },
      after,
      limit + 1,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeGraduateCursor(last.studentNumber!) : null };
  }
}
