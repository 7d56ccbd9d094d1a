import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Caller } from '#auth';
import { listDestinationCategories } from '#reference';
import { NotFoundAppException, validationFailed } from '#runtime';
import { Clock, endOfShanghaiDay, shanghaiDate } from '../../destinations/clock.js';
import type { PlacementReportDto } from '../dto/placement-rates.response.dto.js';
import type { PlacementRatesQueryDto, RegionPlacementRatesQueryDto } from '../dto/placement-rates.query.dto.js';
import { placementScopeOf } from '../placement-rates-access.policy.js';
import { PlacementRatesRepository, type PlacementGroupBy } from '../placement-rates.repository.js';
import { buildReport } from '../placement-report.js';

/** `330000` → `33`, `330100` → `3301`, a district stays itself: the prefix every code inside shares. */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** 去向落实率 reports: a college's own, any college's or all colleges' for organizers, by region. */
@Injectable()
export class ReadPlacementRatesUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rates: PlacementRatesRepository,
    private readonly clock: Clock,
  ) {}

  async forColleges(caller: Caller, query: PlacementRatesQueryDto): Promise<PlacementReportDto> {
    const scope = placementScopeOf(caller, query.collegeId);
    if (!scope) throw new NotFoundAppException('院校', query.collegeId ?? '');
    if (scope.collegeId && !(await this.rates.collegeExists(this.dataSource.manager, scope.collegeId))) {
      throw new NotFoundAppException('院校', scope.collegeId);
    }
    return this.report(query.groupBy ?? 'college', scope.collegeId, null, query);
  }

  async forRegion(query: RegionPlacementRatesQueryDto): Promise<PlacementReportDto> {
    return this.report('college', null, query.region ?? null, query);
  }

  private async report(
    groupBy: PlacementGroupBy,
    collegeId: string | null,
    region: string | null,
    query: { graduationYear?: number; asOf?: string },
  ): Promise<PlacementReportDto> {
    const today = shanghaiDate(this.clock.now());
    const asOf = query.asOf ?? today;
    if (asOf > today) {
      throw validationFailed([
        {
          field: 'asOf',
          problem: `截至日期不能晚于今天（${today}）`,
          constraint: 'notInFuture',
          detail: 'future date',
        },
      ]);
    }
    const categories = listDestinationCategories();
    const counted = await this.rates.count(this.dataSource.manager, {
      groupBy,
      collegeId,
      graduationYear: query.graduationYear ?? null,
      regionPrefix: region ? regionPrefix(region) : null,
      before: endOfShanghaiDay(asOf),
      categories,
    });
    return buildReport(
      { asOf, groupBy, collegeId, region, graduationYear: query.graduationYear ?? null, categories },
      counted,
    );
  }
}
