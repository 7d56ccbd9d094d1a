import { createHash, randomBytes } from 'node:crypto';

/** GB 32100-2015 character set and weights (3^i mod 31), for building valid test codes. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character the first 17 characters of a 统一社会信用代码 call for. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += CREDIT_CODE_CHARSET.indexOf(first17[i]) * CREDIT_CODE_WEIGHTS[i];
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/**
 * A valid 统一社会信用代码 (企业, 工商登记, 杭州西湖区): the same seed gives the same code; without a
 * seed every call gives a fresh one, so suites can register as many enterprises as they like.
 */
export function makeCreditCode(seed: string | number = randomBytes(12).toString('hex')): string {
  const digest = createHash('sha256').update(String(seed)).digest();
  let body = '';
  for (let i = 0; i < 9; i += 1) body += CREDIT_CODE_CHARSET[digest[i] % CREDIT_CODE_CHARSET.length];
  const first17 = `91330106${body}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** The same code with a wrong check character. */
export function withWrongCheckCharacter(code: string): string {
  const right = CREDIT_CODE_CHARSET.indexOf(code[17]);
  return code.slice(0, 17) + CREDIT_CODE_CHARSET[(right + 1) % CREDIT_CODE_CHARSET.length];
}

/** A valid registration body (a manufacturer in Hangzhou) with a fresh credit code; override what a test is about. */
export function makeEnterpriseInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '杭州示例智能制造有限公司',
    creditCode: makeCreditCode(),
    industrySection: 'C',
    industryDivision: '39',
    regionCode: '330106',
    size: 'medium',
    integrationCertified: true,
    contact: { name: '张三', phone: '13812341234', email: 'zhangsan@example.com' },
    ...overrides,
  };
}
