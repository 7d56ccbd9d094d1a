export const TABLE_FORMATS = ['csv', 'xlsx'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export const TABLE_MIME_TYPES: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (head: Uint8Array, magic: number[]) => magic.every((b, i) => head[i] === b);

/**
 * The table format of an upload, from its content when the first bytes are given (an .xlsx is a
 * zip; an old binary .xls is an OLE file and not supported), then its file name, then its MIME
 * type. Browsers on Windows send `application/vnd.ms-excel` for .csv files, so the extension
 * wins over the MIME type. `null`: not a format we read (e.g. .xls, .numbers, .txt of unknown kind).
 */
export function detectFormat(
  filename?: string | null,
  mimetype?: string | null,
  head?: Uint8Array,
): TableFormat | null {
  if (head && head.length >= 4) {
    if (startsWith(head, ZIP_MAGIC)) return 'xlsx';
    if (startsWith(head, OLE_MAGIC)) return null;
  }
  const ext = /\.([a-z0-9]+)$/i.exec(filename?.trim() ?? '')?.[1]?.toLowerCase();
  if (ext === 'csv') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  if (ext) return null;
  const mime = (mimetype ?? '').split(';')[0]!.trim().toLowerCase();
  if (mime === 'text/csv' || mime === 'application/csv' || mime === 'text/comma-separated-values') return 'csv';
  if (mime === TABLE_MIME_TYPES.xlsx) return 'xlsx';
  return null;
}
