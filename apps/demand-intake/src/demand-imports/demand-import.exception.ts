import { AppException } from '#runtime';
import {
  DEMAND_IMPORT_FILE_FIELD,
  DEMAND_IMPORT_MAX_FILE_MB,
  DEMAND_IMPORT_MAX_ROWS,
} from './demand-import.constants.js';
import type { HeaderProblem } from './demand-import.columns.js';

/**
 * Problems with a whole upload (not with one row): nothing of the file is written. Each has a
 * stable code; the message says what to change in the file.
 */
export class DemandImportException extends AppException {
  static fileMissing(): DemandImportException {
    return new DemandImportException(
      'import_file_missing',
      400,
      `请以 multipart/form-data 上传文件，文件放在表单字段“${DEMAND_IMPORT_FILE_FIELD}”中（.csv 或 .xlsx）`,
      { field: DEMAND_IMPORT_FILE_FIELD },
    );
  }

  static unexpectedField(field: string | undefined): DemandImportException {
    return new DemandImportException(
      'import_file_field',
      400,
      `只接受一个文件，放在表单字段“${DEMAND_IMPORT_FILE_FIELD}”中${field ? `（收到的字段是“${field}”）` : ''}`,
      { field: DEMAND_IMPORT_FILE_FIELD },
    );
  }

  static uploadInvalid(detail: string): DemandImportException {
    return new DemandImportException('import_upload_invalid', 400, `上传内容无法解析：${detail}`, {
      field: DEMAND_IMPORT_FILE_FIELD,
    });
  }

  static fileTooLarge(): DemandImportException {
    return new DemandImportException(
      'import_file_too_large',
      413,
      `文件超过 ${DEMAND_IMPORT_MAX_FILE_MB} MB 的上限，请拆分为多个文件上传（每个文件最多 ${DEMAND_IMPORT_MAX_ROWS} 行）`,
      { field: DEMAND_IMPORT_FILE_FIELD, maxBytes: DEMAND_IMPORT_MAX_FILE_MB * 1024 * 1024 },
    );
  }

  static unsupportedFormat(filename: string): DemandImportException {
    const xls = /\.xls$/i.test(filename);
    return new DemandImportException(
      'import_format_unsupported',
      415,
      xls
        ? '不支持旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 或“CSV UTF-8（逗号分隔）”后上传'
        : `无法识别文件“${filename}”的格式，只支持 .csv 和 .xlsx`,
      { field: DEMAND_IMPORT_FILE_FIELD, supportedFormats: ['csv', 'xlsx'] },
    );
  }

  static unreadable(message: string, reason: string, row?: number): DemandImportException {
    return new DemandImportException('import_file_unreadable', 400, message, {
      field: DEMAND_IMPORT_FILE_FIELD,
      reason,
      ...(row ? { row } : {}),
    });
  }

  static badHeader(problems: HeaderProblem[], knownColumns: string[]): DemandImportException {
    return new DemandImportException(
      'import_header_invalid',
      400,
      `表头有误：${problems.map((p) => p.message).join('；')}。可用的列：${knownColumns.join('、')}（可下载模板 GET /demands/imports/template）`,
      { headerProblems: problems, knownColumns },
    );
  }

  static tooManyRows(): DemandImportException {
    return new DemandImportException(
      'import_too_many_rows',
      413,
      `一个文件最多导入 ${DEMAND_IMPORT_MAX_ROWS} 行需求，本文件超过了这个数；请拆分为多个文件上传`,
      { maxRows: DEMAND_IMPORT_MAX_ROWS },
    );
  }

  static empty(): DemandImportException {
    return new DemandImportException('import_empty', 400, '文件中只有表头，没有需求数据行', {
      field: DEMAND_IMPORT_FILE_FIELD,
    });
  }
}
