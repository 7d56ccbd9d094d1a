import { createHash, randomBytes } from 'node:crypto';

/**
 * A 学校标识码 (ten digits, 41 + province 33 + six digits): the same seed gives the same code;
 * without a seed every call gives a fresh one, so suites can register as many colleges as they like.
 */
export function makeSchoolCode(seed: string | number = randomBytes(12).toString('hex')): string {
  const digest = createHash('sha256').update(String(seed)).digest();
  let tail = '';
  for (let i = 0; i < 6; i += 1) tail += String(digest[i] % 10);
  return `4133${tail}`;
}

/** A valid college registration body (an undergraduate university in Hangzhou); override what a test is about. */
export function makeCollegeInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '浙江示例大学',
    schoolCode: makeSchoolCode(),
    type: 'undergraduate',
    regionCode: '330106',
    departments: ['计算机学院', '机械工程学院'],
    ...overrides,
  };
}

/**
 * A valid graduate profile as a college submits it to PUT /colleges/{id}/graduates/{studentNumber}
 * (the student number is in the path): a 2027 computer science bachelor of 计算机学院.
 */
export function makeGraduateInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '王小明',
    department: '计算机学院',
    major: { code: '080901', catalogueYear: 2025 },
    degree: 'bachelor',
    graduationYear: 2027,
    skills: ['Java', 'MySQL'],
    certificates: ['全国计算机等级考试二级'],
    internships: [{ enterprise: '杭州某智能制造有限公司', industrySection: 'C', months: 3, role: '测试工程师助理' }],
    gpaPercentile: 85,
    preferences: {
      cities: ['330100'],
      industries: ['I'],
      demandKinds: ['job'],
      minMonthlySalary: 6000,
      willingToRelocate: false,
    },
    phone: '13812345678',
    email: 'wangxm@example.com',
    ...overrides,
  };
}
