/**
 * Reading typed values out of cell text as people type them in a spreadsheet: full-width
 * digits and punctuation, thousands separators, `85%`, 是/否. Pure functions; `undefined`
 * means “not a value of this kind” (the caller says what it expected).
 */

/** A whole number: `8000`, `8,000`, `8000.0`, full-width digits. */
export function parseWholeNumber(text: string): number | undefined {
  const t = text.normalize('NFKC').replace(/\s/g, '');
  const plain = /^\d{1,3}(,\d{3})+$/.test(t) ? t.replace(/,/g, '') : t;
  if (!/^[-+]?\d+(\.0+)?$/.test(plain)) return undefined;
  const n = Number(plain);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** A decimal number: `3`, `2.5`, `1,234.5`, full-width digits; with `percent`, a trailing % is allowed. */
export function parseDecimal(text: string, { percent = false } = {}): number | undefined {
  let t = text.normalize('NFKC').replace(/\s/g, '');
  if (percent && t.endsWith('%')) t = t.slice(0, -1);
  const plain = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) ? t.replace(/,/g, '') : t;
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(plain)) return undefined;
  const n = Number(plain);
  return Number.isFinite(n) ? n : undefined;
}

const YES = new Set(['是', '愿意', '接受', '同意', '可以', '有', 'y', 'yes', 'true', '1', '√', '✓']);
const NO = new Set(['否', '不愿意', '不接受', '不同意', '不可以', '无', 'n', 'no', 'false', '0', '×', '✗']);

/** 是/否 and their everyday variants (愿意/不愿意, Y/N, TRUE/FALSE, 1/0, √/×). */
export function parseYesNo(text: string): boolean | undefined {
  const t = text.normalize('NFKC').replace(/\s/g, '').toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}

/** Separators between list items: 、 ; , (either width) and line breaks. */
export const LIST_SEPARATORS = /[、;；,，\r\n]+/;

/** A cell holding several items: split, trimmed, empties dropped. */
export function splitList(text: string, separators: RegExp = LIST_SEPARATORS): string[] {
  return text
    .split(separators)
    .map((s) => s.trim())
    .filter(Boolean);
}
