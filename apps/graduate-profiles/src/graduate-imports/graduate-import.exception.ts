import { AppException, NotFoundAppException } from '#runtime';
import type { HeaderProblem } from '#tabular';
import {
  GRADUATE_IMPORT_FILE_FIELD,
  GRADUATE_IMPORT_MAX_FILE_MB,
  GRADUATE_IMPORT_MAX_ROWS,
} from './graduate-import.constants.js';

/** Every error code of the graduate-imports context (besides not_found and validation_failed). */
export type GraduateImportErrorCode =
  | 'import_file_missing'
  | 'import_file_field'
  | 'import_upload_invalid'
  | 'import_file_too_large'
  | 'import_format_unsupported'
  | 'college_not_registered';

/**
 * Problems with an upload request, answered at once (4xx). Problems found while reading the
 * file (header, encoding, too many rows) end the job as `failed` with an ImportJobFailure.
 */
export class GraduateImportException extends AppException {
  constructor(code: GraduateImportErrorCode, status: number, message: string, details: Record<string, unknown> = {}) {
    super(code, status, message, details);
  }

  static fileMissing(): GraduateImportException {
    return new GraduateImportException(
      'import_file_missing',
      400,
      `请以 multipart/form-data 上传文件，文件放在表单字段“${GRADUATE_IMPORT_FILE_FIELD}”中（.csv 或 .xlsx）`,
      { field: GRADUATE_IMPORT_FILE_FIELD },
    );
  }

  static unexpectedField(field: string | undefined): GraduateImportException {
    return new GraduateImportException(
      'import_file_field',
      400,
      `只接受一个文件，放在表单字段“${GRADUATE_IMPORT_FILE_FIELD}”中${field ? `（收到的字段是“${field}”）` : ''}`,
      { field: GRADUATE_IMPORT_FILE_FIELD },
    );
  }

  static uploadInvalid(detail: string): GraduateImportException {
    return new GraduateImportException('import_upload_invalid', 400, `上传内容无法解析：${detail}`, {
      field: GRADUATE_IMPORT_FILE_FIELD,
    });
  }

  static fileTooLarge(): GraduateImportException {
    return new GraduateImportException(
      'import_file_too_large',
      413,
      `文件超过 ${GRADUATE_IMPORT_MAX_FILE_MB} MB 的上限，请拆分为多个文件上传（每个文件最多 ${GRADUATE_IMPORT_MAX_ROWS} 行）`,
      { field: GRADUATE_IMPORT_FILE_FIELD, maxBytes: GRADUATE_IMPORT_MAX_FILE_MB * 1024 * 1024 },
    );
  }

  static unsupportedFormat(filename: string): GraduateImportException {
    const xls = /\.xls$/i.test(filename);
    return new GraduateImportException(
      'import_format_unsupported',
      415,
      xls
        ? '不支持旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 或“CSV UTF-8（逗号分隔）”后上传'
        : `无法识别文件“${filename}”的格式，只支持 .csv 和 .xlsx`,
      { field: GRADUATE_IMPORT_FILE_FIELD, supportedFormats: ['csv', 'xlsx'] },
    );
  }

  /** The caller's own college has not registered (a platform admin naming an unknown college gets 404). */
  static collegeNotRegistered(collegeId: string): GraduateImportException {
    return new GraduateImportException(
      'college_not_registered',
      409,
      '本校尚未注册，请先通过 POST /colleges 注册院校信息',
      { collegeId, field: 'collegeId' },
    );
  }
}

/** Unknown id, or a job of a college the caller may not see: always the same 404. */
export class ImportJobNotFoundException extends NotFoundAppException {
  constructor(id: string) {
    super('导入任务', id);
  }
}

/** Why a job failed as a whole; stored on the job and shown with it. */
export class ImportJobFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  static unreadable(message: string, reason: string, row?: number): ImportJobFailure {
    return new ImportJobFailure('import_file_unreadable', message, { reason, ...(row ? { row } : {}) });
  }

  static badHeader(problems: HeaderProblem[], knownColumns: string[]): ImportJobFailure {
    return new ImportJobFailure(
      'import_header_invalid',
      `表头有误：${problems.map((p) => p.message).join('；')}。可用的列：${knownColumns.join('、')}（可下载模板 GET /graduate-imports/template）`,
      { headerProblems: problems, knownColumns },
    );
  }

  static tooManyRows(): ImportJobFailure {
    return new ImportJobFailure(
      'import_too_many_rows',
      `一个文件最多导入 ${GRADUATE_IMPORT_MAX_ROWS} 行毕业生，本文件超过了这个数，未导入任何行；请拆分为多个文件上传`,
      { maxRows: GRADUATE_IMPORT_MAX_ROWS },
    );
  }

  static empty(): ImportJobFailure {
    return new ImportJobFailure('import_empty', '文件中只有表头，没有毕业生数据行');
  }

  static fileLost(): ImportJobFailure {
    return new ImportJobFailure(
      'import_file_lost',
      '上传的文件已不在服务器上（服务重启或存储目录被清理），已导入的行保留；请重新上传同一文件，已导入的行不会重复',
    );
  }

  static collegeGone(): ImportJobFailure {
    return new ImportJobFailure('college_not_registered', '院校信息不存在，未继续导入');
  }

  static interrupted(attempts: number): ImportJobFailure {
    return new ImportJobFailure(
      'import_interrupted',
      `导入已中断 ${attempts} 次，未再继续；已导入的行保留，请重新上传同一文件（已导入的行不会重复）`,
      { attempts },
    );
  }

  static internal(): ImportJobFailure {
    return new ImportJobFailure(
      'import_internal_error',
      '服务内部错误，导入未完成；已导入的行保留，请稍后重新上传同一文件（已导入的行不会重复）',
    );
  }
}
