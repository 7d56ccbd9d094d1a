import {
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  Sse,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
  type MessageEvent,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { BEARER_AUTH_NAME, CurrentCaller, Roles, type Caller } from '#auth';
import { CorrelationId } from '#runtime';
import { csvStream, TABLE_MIME_TYPES } from '#tabular';
import { ImportErrorPageDto, ImportJobPageDto, ImportJobResponseDto } from './dto/import-job.response.dto.js';
import { ImportErrorsQueryDto, ImportTemplateQueryDto, ListImportJobsQueryDto } from './dto/import-queries.dto.js';
import {
  ERROR_REPORT_HEADERS,
  GRADUATE_IMPORT_FILE_FIELD,
  GRADUATE_IMPORT_MAX_FILE_BYTES,
  GRADUATE_IMPORT_MAX_FILE_MB,
  GRADUATE_IMPORT_MAX_ROWS,
  GRADUATE_IMPORT_REPORT_NAME,
  GRADUATE_IMPORT_TEMPLATE_NAME,
} from './graduate-import.constants.js';
import { toImportJobResponse } from './graduate-import.mapper.js';
import { buildTemplate } from './graduate-import.template.js';
import { ImportTenantInterceptor, ImportUploadErrorsInterceptor } from './graduate-import-upload.interceptors.js';
import type { StoredUpload } from './import-file.storage.js';
import { ReadImportJobsUseCase } from './use-cases/read-import-jobs.use-case.js';
import { StartGraduateImportUseCase } from './use-cases/start-graduate-import.use-case.js';

// The storage engine (disk, GRADUATE_IMPORT_DIR) comes from the module's MulterModule options.
const upload = FileInterceptor(GRADUATE_IMPORT_FILE_FIELD, {
  limits: { fileSize: GRADUATE_IMPORT_MAX_FILE_BYTES, files: 1, fields: 10, parts: 11, fieldSize: 1024 },
  // Chinese file names arrive as UTF-8.
  defParamCharset: 'utf8',
});

const JOB_DESCRIPTION =
  '任务状态 queued → running → completed（不合格的行见错误报告）或 failed（整个文件未能导入，原因见 error）。' +
  'progress 为 processedRows ÷ totalRows 的百分比；accepted = created + updated + unchanged。';

/** Content-Disposition with the Chinese name (RFC 5987) and an ASCII name for old clients. */
function attachment(filename: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

@ApiTags('graduate-imports 毕业生批量导入')
@ApiBearerAuth(BEARER_AUTH_NAME)
@Controller('colleges/:collegeId/graduate-imports')
export class CollegeGraduateImportsController {
  constructor(
    private readonly startImport: StartGraduateImportUseCase,
    private readonly readJobs: ReadImportJobsUseCase,
  ) {}

  @Post()
  @HttpCode(202)
  @Roles('college', 'platform_admin')
  @UseInterceptors(ImportTenantInterceptor, ImportUploadErrorsInterceptor, upload)
  @ApiOperation({
    summary: '上传毕业生名单（CSV / XLSX），创建导入任务',
    description:
      `上传按模板填写的 .csv（UTF-8 或 GB18030/GBK）或 .xlsx（读第一个工作表），每行一名毕业生，最多 ${GRADUATE_IMPORT_MAX_ROWS} 行、${GRADUATE_IMPORT_MAX_FILE_MB} MB。` +
      '立即返回 202 和导入任务；任务在后台按批处理，进度见 GET /graduate-imports/{jobId} 或其 /events（SSE）。' +
      '按（院校, 学号）新建或更新：与已存档案相同的行不改动、不发事件，重复上传同一文件不产生任何变化。' +
      '每行按与 PUT /colleges/{collegeId}/graduates/{studentNumber} 相同的规则检查：合格的行写入，不合格的行不写入任何内容并记入错误报告；' +
      '文件中重复的学号，第二次及以后出现的行不导入。表头有误、文件无法读取或超过行数上限时任务失败（failed），不写入任何行。' +
      '院校只能为本校导入；平台管理员可为任一院校导入。',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [GRADUATE_IMPORT_FILE_FIELD],
      properties: {
        [GRADUATE_IMPORT_FILE_FIELD]: {
          type: 'string',
          format: 'binary',
          description: `.csv 或 .xlsx，最大 ${GRADUATE_IMPORT_MAX_FILE_MB} MB`,
        },
      },
    },
  })
  @ApiAcceptedResponse({ type: ImportJobResponseDto, description: `导入任务（status=queued）。${JOB_DESCRIPTION}` })
  @ApiResponse({ status: 400, description: '没有文件（import_file_missing）或表单字段有误（import_file_field）' })
  @ApiNotFoundResponse({ description: '院校不存在，或无权为该院校导入' })
  @ApiResponse({ status: 409, description: '本校尚未注册（college_not_registered）' })
  @ApiResponse({ status: 413, description: `超过 ${GRADUATE_IMPORT_MAX_FILE_MB} MB（import_file_too_large）` })
  @ApiResponse({ status: 415, description: '不是 .csv 或 .xlsx（import_format_unsupported）' })
  async upload(
    @Param('collegeId') collegeId: string,
    @UploadedFile() file: StoredUpload | undefined,
    @CurrentCaller() caller: Caller,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportJobResponseDto> {
    const job = await this.startImport.execute({ caller, collegeId, upload: file, correlationId });
    res.setHeader('Location', `/graduate-imports/${job.id}`);
    return toImportJobResponse(job);
  }

  @Get()
  @Roles('college', 'platform_admin')
  @ApiOperation({ summary: '本校的导入任务列表', description: '最新的在前，游标分页。' })
  @ApiOkResponse({ type: ImportJobPageDto })
  @ApiNotFoundResponse({ description: '院校不存在，或无权查看' })
  list(
    @Param('collegeId') collegeId: string,
    @Query() query: ListImportJobsQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ImportJobPageDto> {
    return this.readJobs.list(caller, collegeId, query.limit, query.cursor);
  }
}

@ApiTags('graduate-imports 毕业生批量导入')
@ApiBearerAuth(BEARER_AUTH_NAME)
@Controller('graduate-imports')
export class GraduateImportsController {
  constructor(private readonly readJobs: ReadImportJobsUseCase) {}

  // Before :jobId, so “template” is not taken for a job id.
  @Get('template')
  @Roles('college', 'platform_admin')
  @ApiOperation({
    summary: '下载毕业生导入模板',
    description:
      'xlsx：“毕业生”工作表（表头，学号、专业代码、手机号等列为文本格式）、“填写说明”和“示例”工作表；csv：只有表头（UTF-8 带 BOM）',
  })
  @ApiProduces(TABLE_MIME_TYPES.xlsx, 'text/csv')
  @ApiOkResponse({ description: `${GRADUATE_IMPORT_TEMPLATE_NAME}.xlsx 或 .csv（附件）` })
  async template(@Query() query: ImportTemplateQueryDto): Promise<StreamableFile> {
    const format = query.format ?? 'xlsx';
    return new StreamableFile(await buildTemplate(format), {
      type: TABLE_MIME_TYPES[format],
      disposition: attachment(`${GRADUATE_IMPORT_TEMPLATE_NAME}.${format}`, `graduate-import-template.${format}`),
    });
  }

  @Get(':jobId')
  @Roles('college', 'platform_admin')
  @ApiOperation({ summary: '查看导入任务与进度', description: JOB_DESCRIPTION })
  @ApiOkResponse({ type: ImportJobResponseDto })
  @ApiNotFoundResponse({ description: '任务不存在，或属于其他院校' })
  async get(@Param('jobId') jobId: string, @CurrentCaller() caller: Caller): Promise<ImportJobResponseDto> {
    return toImportJobResponse(await this.readJobs.get(caller, jobId));
  }

  @Sse(':jobId/events')
  @Roles('college', 'platform_admin')
  @ApiOperation({
    summary: '导入进度事件流（SSE）',
    description:
      'text/event-stream：先发送当前状态，之后每次进度变化发送一条 event: progress，data 为与 GET /graduate-imports/{jobId} 相同的 JSON；' +
      '任务结束（completed 或 failed）时发送最后一条并关闭。收到结束状态后客户端应关闭连接，不要自动重连。',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'event: progress，data: 导入任务 JSON' })
  @ApiNotFoundResponse({ description: '任务不存在，或属于其他院校' })
  async events(@Param('jobId') jobId: string, @CurrentCaller() caller: Caller): Promise<Observable<MessageEvent>> {
    const job = await this.readJobs.get(caller, jobId);
    return this.readJobs
      .progress(job)
      .pipe(map((body) => ({ type: 'progress', id: String(body.processedRows), data: body }) satisfies MessageEvent));
  }

  @Get(':jobId/errors')
  @Roles('college', 'platform_admin')
  @ApiOperation({
    summary: '下载导入错误报告',
    description:
      'CSV（默认）：行号, 列, 值, 错误说明，UTF-8 带 BOM，按行号排序，整份报告；手机号和电子邮箱已脱敏。' +
      '?format=json 或 Accept: application/json 时返回分页 JSON（含字段名）。任务未结束时只含已处理的行。',
  })
  @ApiProduces('text/csv', 'application/json')
  @ApiOkResponse({ type: ImportErrorPageDto, description: 'JSON 分页；CSV 为附件' })
  @ApiNotFoundResponse({ description: '任务不存在，或属于其他院校' })
  async errors(
    @Param('jobId') jobId: string,
    @Query() query: ImportErrorsQueryDto,
    @Headers('accept') accept: string | undefined,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportErrorPageDto | StreamableFile> {
    const job = await this.readJobs.get(caller, jobId);
    if ((query.format ?? formatFromAccept(accept)) === 'json') {
      return this.readJobs.errorsPage(job, query.limit, query.cursor);
    }
    res.setHeader('X-Import-Status', job.status);
    res.setHeader('X-Import-Error-Count', String(job.errorCount));
    return new StreamableFile(csvStream(this.readJobs.errorReportRows(job), ERROR_REPORT_HEADERS), {
      type: TABLE_MIME_TYPES.csv,
      disposition: attachment(`${GRADUATE_IMPORT_REPORT_NAME}-${job.id.slice(0, 8)}.csv`, `graduate-import-errors.csv`),
    });
  }
}

/** JSON only when the client asks for it and not for CSV; a browser's download gets the CSV. */
function formatFromAccept(accept: string | undefined): 'csv' | 'json' {
  const value = (accept ?? '').toLowerCase();
  return value.includes('application/json') && !value.includes('text/csv') ? 'json' : 'csv';
}
