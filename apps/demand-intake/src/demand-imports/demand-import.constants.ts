/** Limits of one upload: a file over them is refused whole, before any row is written. */
export const DEMAND_IMPORT_MAX_ROWS = 5_000;
export const DEMAND_IMPORT_MAX_FILE_BYTES = 10 * 1024 * 1024;
export const DEMAND_IMPORT_MAX_FILE_MB = DEMAND_IMPORT_MAX_FILE_BYTES / 1024 / 1024;

/** The multipart form field that carries the file. */
export const DEMAND_IMPORT_FILE_FIELD = 'file';

export const DEMAND_IMPORT_TEMPLATE_NAME = '需求导入模板';
export const DEMAND_IMPORT_REPORT_NAME = '需求导入错误报告';
