// 统一社会信用代码 (GB 32100-2015): 18 characters — 登记管理部门码, 机构类别码, six-digit 行政区划码,
// nine-character 主体标识码 (组织机构代码), and a check character over the first 17.

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// 3^i mod 31 for positions 1–17.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ALLOWED = /^[0-9A-HJ-NP-RTUWXY]{18}$/;
const REGION_DIGITS = /^\d{6}$/;

/** The check character the first 17 characters call for. */
function checkCharacterFor(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += CHARSET.indexOf(first17[index]) * WEIGHTS[index];
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** Why `code` is not a well-formed 统一社会信用代码, in words for the user; null when it is. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return '长度必须为 18 位';
  if (!ALLOWED.test(code)) return '含有不允许的字符';
  if (!REGION_DIGITS.test(code.slice(2, 8))) return '第 3–8 位（登记管理机关行政区划码）必须为数字';
  if (checkCharacterFor(code) !== code[17]) return '校验码不正确';
  return null;
}

/** Strict check of an upper-case 18-character code; run user input through normaliseCreditCode first. */
export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

/** Full-width to half-width, spaces and hyphens removed, upper-cased: the form isValidCreditCode expects. */
export function normaliseCreditCode(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s-]+/g, '')
    .toUpperCase();
}
