/**
 * Matching an uploaded file's header row to an import template: Chinese headers with aliases,
 * compared the way people retype them (full/half width, spaces, the `*` of required columns).
 * Generic: each import lists its own columns.
 */

export interface TemplateColumn<K extends string = string> {
  key: K;
  /** The header in the template and in error reports. */
  header: string;
  /** Other spellings accepted on upload (compared after normaliseHeader). */
  aliases?: readonly string[];
  /** The column must be in the file. */
  required?: boolean;
}

export interface HeaderProblem {
  header: string;
  message: string;
}

export interface HeaderLayout<K extends string = string> {
  /** The file's header text for each template column it has. */
  columns: Map<K, string>;
  /** Headers that were recognised as deliberately ignored (e.g. 序号). */
  ignored: string[];
  problems: HeaderProblem[];
}

export interface HeaderLayoutOptions {
  /** Headers a file may carry that are read as nothing (e.g. 序号, 备注). */
  ignore?: readonly string[];
  /**
   * Headers refused with a message of their own instead of “unknown column”, e.g. data the
   * platform must not collect: { 身份证号: '平台不收集身份证号，请删除该列' }.
   */
  refuse?: Readonly<Record<string, string>>;
}

/**
 * How headers are compared: full-width and half-width forms are the same (（月） = (月)), spaces
 * and the `*` that marks required columns in many templates do not count, letters ignore case.
 */
export function normaliseHeader(text: string): string {
  return text.normalize('NFKC').replace(/[\s*]/g, '').toLowerCase();
}

/**
 * A file's headers against the template: an unknown header (with the closest known one as a
 * hint), a column given twice under two spellings, or a required column missing is a problem
 * with the whole file, to refuse before any row is looked at.
 */
export function resolveHeaderLayout<K extends string>(
  headers: readonly string[],
  template: readonly TemplateColumn<K>[],
  options: HeaderLayoutOptions = {},
): HeaderLayout<K> {
  const index = new Map<string, TemplateColumn<K>>();
  for (const column of template) {
    for (const spelling of [column.header, ...(column.aliases ?? [])]) index.set(normaliseHeader(spelling), column);
  }
  const ignore = new Set((options.ignore ?? []).map(normaliseHeader));
  const refuse = new Map(Object.entries(options.refuse ?? {}).map(([h, m]) => [normaliseHeader(h), m]));

  const columns = new Map<K, string>();
  const ignored: string[] = [];
  const problems: HeaderProblem[] = [];
  for (const header of headers) {
    const key = normaliseHeader(header);
    const column = index.get(key);
    if (!column) {
      const refusal = refuse.get(key);
      if (refusal !== undefined) problems.push({ header, message: refusal });
      else if (ignore.has(key)) ignored.push(header);
      else {
        const hint = closestHeader(header, template);
        problems.push({ header, message: `无法识别的列“${header}”${hint ? `，是否应为“${hint}”？` : ''}` });
      }
      continue;
    }
    const earlier = columns.get(column.key);
    if (earlier !== undefined) {
      problems.push({ header, message: `列“${header}”与列“${earlier}”是同一列（${column.header}），请只保留一列` });
      continue;
    }
    columns.set(column.key, header);
  }
  for (const column of template) {
    if (column.required && !columns.has(column.key)) {
      problems.push({ header: column.header, message: `缺少必需的列“${column.header}”` });
    }
  }
  return { columns, ignored, problems };
}

function closestHeader(header: string, template: readonly TemplateColumn[]): string | undefined {
  const target = normaliseHeader(header);
  let best: { header: string; distance: number } | undefined;
  for (const column of template) {
    const distance = editDistance(target, normaliseHeader(column.header));
    if (!best || distance < best.distance) best = { header: column.header, distance };
  }
  // Within two edits, and not a different word altogether.
  return best && best.distance <= Math.min(2, Math.floor(best.header.length / 2)) ? best.header : undefined;
}

function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length]!;
}
