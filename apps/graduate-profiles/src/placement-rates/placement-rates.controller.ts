import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { BEARER_AUTH_NAME, CurrentCaller, Roles, type Caller } from '#auth';
import { TABLE_MIME_TYPES } from '#tabular';
import { PlacementRatesQueryDto, RegionPlacementRatesQueryDto } from './dto/placement-rates.query.dto.js';
import { PlacementReportDto } from './dto/placement-rates.response.dto.js';
import { PLACEMENT_RATE_DEFINITION } from './placement-rate.arithmetic.js';
import { reportCsv } from './placement-report.js';
import { ReadPlacementRatesUseCase } from './use-cases/read-placement-rates.use-case.js';

const FORMAT_NOTE = 'format=csv 时返回 UTF-8 带 BOM 的 CSV（中文表头，末行为合计）。';

@ApiTags('placement-rates 去向落实率')
@ApiBearerAuth(BEARER_AUTH_NAME)
@Controller('placement-rates')
export class PlacementRatesController {
  constructor(private readonly read: ReadPlacementRatesUseCase) {}

  @Get()
  @Roles('college', 'organizer', 'platform_admin')
  @ApiOperation({
    summary: '毕业去向落实率（按院校、院系、专业、学历层次或届别）',
    description: `院校只能查本校；组织方和平台管理员可查任一院校（collegeId）或全部院校。${FORMAT_NOTE}口径：${PLACEMENT_RATE_DEFINITION}`,
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: PlacementReportDto })
  @ApiResponse({ status: 404, description: '院校不存在或无权查看' })
  async placementRates(
    @CurrentCaller() caller: Caller,
    @Query() query: PlacementRatesQueryDto,
  ): Promise<PlacementReportDto | StreamableFile> {
    const report = await this.read.forColleges(caller, query);
    return query.format === 'csv' ? csvFile(report) : report;
  }

  @Get('region')
  @Roles('organizer', 'platform_admin')
  @ApiOperation({
    summary: '区域毕业去向落实率（每所院校一行）',
    description: `可按省、市或区县筛选院校所在地。${FORMAT_NOTE}口径：${PLACEMENT_RATE_DEFINITION}`,
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: PlacementReportDto })
  async regionPlacementRates(
    @Query() query: RegionPlacementRatesQueryDto,
  ): Promise<PlacementReportDto | StreamableFile> {
    const report = await this.read.forRegion(query);
    return query.format === 'csv' ? csvFile(report) : report;
  }
}

function csvFile(report: PlacementReportDto): StreamableFile {
  const name = `毕业去向落实率-${report.asOf}.csv`;
  return new StreamableFile(reportCsv(report), {
    type: TABLE_MIME_TYPES.csv,
    disposition: `attachment; filename="placement-rates-${report.asOf}.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
  });
}
