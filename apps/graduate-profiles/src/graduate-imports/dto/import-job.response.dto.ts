import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TABLE_FORMATS, type TableFormat } from '#tabular';
import { GRADUATE_IMPORT_MAX_ROWS } from '../graduate-import.constants.js';
import { IMPORT_JOB_STATUSES, type ImportJobStatus } from '../import-job.entity.js';

export class ImportJobFailureDto {
  @ApiProperty({
    description:
      '失败原因代码：import_header_invalid（表头有误）、import_file_unreadable（无法读取）、import_too_many_rows（超过行数上限）、' +
      'import_empty（没有数据行）、import_file_lost（上传文件丢失）、import_interrupted（多次中断）、import_internal_error',
    example: 'import_header_invalid',
  })
  code!: string;

  @ApiProperty({ description: '失败说明', example: '表头有误：缺少必需的列“学号”。可用的列：…' })
  message!: string;

  @ApiProperty({ description: '补充信息（如表头问题列表、行数上限）', type: 'object', additionalProperties: true })
  details!: Record<string, unknown>;
}

export class ImportJobLinksDto {
  @ApiProperty({ example: '/graduate-imports/0b7c…' })
  self!: string;

  @ApiProperty({ description: '进度事件流（SSE）', example: '/graduate-imports/0b7c…/events' })
  events!: string;

  @ApiProperty({ description: '错误报告（CSV；JSON 加 ?format=json）', example: '/graduate-imports/0b7c…/errors' })
  errors!: string;
}

/** One cohort import job and its progress. */
export class ImportJobResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: '院校 ID' })
  collegeId!: string;

  @ApiProperty({
    enum: IMPORT_JOB_STATUSES,
    description:
      'queued 排队中；running 导入中；completed 已完成（不合格的行见错误报告）；failed 整个文件未能导入（见 error）',
  })
  status!: ImportJobStatus;

  @ApiProperty({ description: '上传的文件名', example: '2027届毕业生.xlsx' })
  fileName!: string;

  @ApiProperty({ enum: TABLE_FORMATS })
  fileFormat!: TableFormat;

  @ApiProperty({ description: '文件大小（字节）' })
  fileSize!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: `文件中的数据行数（不含表头和空行，最多 ${GRADUATE_IMPORT_MAX_ROWS}）；清点完成前为 null`,
  })
  totalRows!: number | null;

  @ApiProperty({ description: '已处理（已提交）的行数 = accepted + rejected' })
  processedRows!: number;

  @ApiProperty({ description: '进度百分比 0–100（processedRows ÷ totalRows）；已完成为 100', example: 42.5 })
  progress!: number;

  @ApiProperty({ description: '已接受的行 = created + updated + unchanged' })
  accepted!: number;

  @ApiProperty({ description: '新建的毕业生档案' })
  created!: number;

  @ApiProperty({ description: '有变化而更新的档案' })
  updated!: number;

  @ApiProperty({ description: '与已存档案相同、未改动的行（不改版本、不发事件）' })
  unchanged!: number;

  @ApiProperty({ description: '不合格、未写入的行（每行在错误报告中至少有一条）' })
  rejected!: number;

  @ApiProperty({ description: '错误报告的条数（一行可有多条）' })
  errorCount!: number;

  @ApiProperty({ description: '写入的 GraduateProfileUpsertedV1 事件数（仅已授权推荐且匹配相关字段有变化的毕业生）' })
  eventsWritten!: number;

  @ApiProperty({ description: '开始处理的次数（大于 1：服务重启后从上次提交处继续）' })
  attempts!: number;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty({ type: String, nullable: true })
  startedAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  finishedAt!: string | null;

  @ApiProperty({ type: ImportJobFailureDto, nullable: true, description: 'status 为 failed 时的原因' })
  error!: ImportJobFailureDto | null;

  @ApiProperty({ type: ImportJobLinksDto })
  links!: ImportJobLinksDto;
}

export class ImportJobPageDto {
  @ApiProperty({ type: [ImportJobResponseDto] })
  items!: ImportJobResponseDto[];

  @ApiPropertyOptional({ type: String, nullable: true, description: '下一页游标；没有更多时为 null' })
  nextCursor!: string | null;
}

export class ImportErrorDto {
  @ApiProperty({ description: '文件中的行号（表头为第 1 行）', example: 37 })
  row!: number;

  @ApiProperty({ description: '列名（与文件中的表头一致）；与某一列无关时为空', example: '手机号' })
  column!: string;

  @ApiProperty({ description: '对应的档案字段', example: 'phone' })
  field!: string;

  @ApiProperty({ description: '上传的单元格内容（手机号、电子邮箱已脱敏）', example: '138****567' })
  value!: string;

  @ApiProperty({ description: '错误说明', example: '手机号须为 11 位大陆手机号，如 13812345678' })
  message!: string;
}

export class ImportErrorPageDto {
  @ApiProperty({ format: 'uuid' })
  jobId!: string;

  @ApiProperty({ enum: IMPORT_JOB_STATUSES, description: '任务状态（未完成时报告只含已处理的行）' })
  status!: ImportJobStatus;

  @ApiProperty({ description: '错误总条数' })
  total!: number;

  @ApiProperty({ type: [ImportErrorDto], description: '按行号排序' })
  items!: ImportErrorDto[];

  @ApiPropertyOptional({ type: String, nullable: true, description: '下一页游标；没有更多时为 null' })
  nextCursor!: string | null;
}
