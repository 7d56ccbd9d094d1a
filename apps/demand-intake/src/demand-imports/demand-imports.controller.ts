import {
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { BEARER_AUTH_NAME, CurrentCaller, Roles, type Caller } from '#auth';
import { validationFailed } from '#runtime';
import { TABLE_MIME_TYPES } from '#tabular';
import {
  DEMAND_IMPORT_FILE_FIELD,
  DEMAND_IMPORT_MAX_FILE_BYTES,
  DEMAND_IMPORT_MAX_FILE_MB,
  DEMAND_IMPORT_MAX_ROWS,
  DEMAND_IMPORT_REPORT_NAME,
  DEMAND_IMPORT_TEMPLATE_NAME,
} from './demand-import.constants.js';
import { DemandImportException } from './demand-import.exception.js';
import { buildTemplate, errorReportCsv } from './demand-import.template.js';
import { DemandImportUploadErrorsInterceptor } from './demand-import-upload.interceptor.js';
import {
  DemandImportResultDto,
  DemandImportTemplateQueryDto,
  ImportDemandsFormDto,
  ImportDemandsQueryDto,
} from './dto/import-demands.dto.js';
import { ImportDemandsUseCase } from './use-cases/import-demands.use-case.js';

/** What multer's memory storage hands over (typed here: the app does not depend on multer's types). */
interface UploadedSpreadsheet {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

const upload = FileInterceptor(DEMAND_IMPORT_FILE_FIELD, {
  // Memory storage (multer's default): the file is at most DEMAND_IMPORT_MAX_FILE_BYTES.
  limits: { fileSize: DEMAND_IMPORT_MAX_FILE_BYTES, files: 1, fields: 10, parts: 11, fieldSize: 1024 },
  // Chinese file names arrive as UTF-8.
  defParamCharset: 'utf8',
});

@ApiTags('demands 人才需求')
@ApiBearerAuth(BEARER_AUTH_NAME)
@Controller('demands/imports')
export class DemandImportsController {
  constructor(private readonly importDemands: ImportDemandsUseCase) {}

  @Post()
  @HttpCode(200)
  @Roles('enterprise', 'organizer', 'platform_admin')
  @UseInterceptors(DemandImportUploadErrorsInterceptor, upload)
  @ApiOperation({
    summary: '批量导入需求（CSV / XLSX）',
    description:
      `上传按模板填写的 .csv（UTF-8 或 GB18030/GBK）或 .xlsx（读第一个工作表），每行一个需求。` +
      `每行按与 POST /demands 相同的规则检查；合格的行各自在一个事务中创建为草稿，不合格的行不写入任何内容，并在 errors 中列出行号、列、字段、值和错误说明。` +
      `文件本身有问题（格式、表头、超过 ${DEMAND_IMPORT_MAX_ROWS} 行或 ${DEMAND_IMPORT_MAX_FILE_MB} MB）时整个文件被拒绝，不写入任何行。` +
      `默认返回 JSON；?report=csv 时返回错误报告 CSV（行号, 列, 字段, 值, 错误说明；UTF-8 带 BOM），汇总数在响应头 X-Import-Total-Rows / X-Import-Created / X-Import-Rejected 中。`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [DEMAND_IMPORT_FILE_FIELD],
      properties: {
        [DEMAND_IMPORT_FILE_FIELD]: {
          type: 'string',
          format: 'binary',
          description: `.csv 或 .xlsx，最大 ${DEMAND_IMPORT_MAX_FILE_MB} MB`,
        },
        enterpriseId: { type: 'string', description: '代企业导入时的企业 ID（组织方/平台管理员必填）' },
      },
    },
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: DemandImportResultDto, description: '导入结果（report=csv 时为错误报告 CSV）' })
  @ApiResponse({
    status: 400,
    description: '文件缺失、无法读取、表头有误或没有数据行（import_*），或缺少 enterpriseId',
  })
  @ApiResponse({ status: 403, description: '企业用户为其他企业导入' })
  @ApiResponse({ status: 409, description: '企业未注册或认证被驳回，未写入任何行' })
  @ApiResponse({
    status: 413,
    description: `超过 ${DEMAND_IMPORT_MAX_ROWS} 行（import_too_many_rows）或 ${DEMAND_IMPORT_MAX_FILE_MB} MB（import_file_too_large）`,
  })
  @ApiResponse({ status: 415, description: '不是 .csv 或 .xlsx（import_format_unsupported）' })
  async importDemandsFromFile(
    @CurrentCaller() caller: Caller,
    @UploadedFile() file: UploadedSpreadsheet | undefined,
    @Query() query: ImportDemandsQueryDto,
    @Body() form: ImportDemandsFormDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DemandImportResultDto | StreamableFile> {
    if (!file) throw DemandImportException.fileMissing();
    if (query.enterpriseId && form.enterpriseId && query.enterpriseId !== form.enterpriseId) {
      throw validationFailed([
        {
          field: 'enterpriseId',
          problem: '查询参数与表单字段中的企业 ID 不一致',
          constraint: 'consistent',
          detail: 'conflict',
        },
      ]);
    }
    const result = await this.importDemands.execute({
      caller,
      file: { buffer: file.buffer, originalName: file.originalname, mimeType: file.mimetype },
      enterpriseId: query.enterpriseId ?? form.enterpriseId,
      dryRun: query.dryRun,
    });
    if (query.report !== 'csv') return result;
    res.setHeader('X-Import-Total-Rows', String(result.totalRows));
    res.setHeader('X-Import-Created', String(result.created));
    res.setHeader('X-Import-Rejected', String(result.rejected));
    return new StreamableFile(errorReportCsv(result.errors), {
      type: TABLE_MIME_TYPES.csv,
      disposition: attachment(`${DEMAND_IMPORT_REPORT_NAME}.csv`, 'demand-import-errors.csv'),
    });
  }

  @Get('template')
  @Roles('enterprise', 'organizer', 'platform_admin')
  @ApiOperation({
    summary: '下载需求导入模板',
    description: '中文表头加一行示例；xlsx 另含“填写说明”工作表，CSV 为 UTF-8 带 BOM',
  })
  @ApiProduces(TABLE_MIME_TYPES.xlsx, 'text/csv')
  @ApiOkResponse({ description: `${DEMAND_IMPORT_TEMPLATE_NAME}.xlsx 或 .csv（附件）` })
  async downloadTemplate(@Query() query: DemandImportTemplateQueryDto): Promise<StreamableFile> {
    const format = query.format ?? 'xlsx';
    return new StreamableFile(await buildTemplate(format), {
      type: TABLE_MIME_TYPES[format],
      disposition: attachment(`${DEMAND_IMPORT_TEMPLATE_NAME}.${format}`, `demand-import-template.${format}`),
    });
  }
}

/** Content-Disposition with the Chinese name (RFC 5987) and an ASCII name for old clients. */
function attachment(filename: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
