/** A valid demand body (a Java developer job in Hangzhou); override what a test is about. */
export function makeDemandInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const deadline = new Date(Date.now() + 90 * 86400_000).toISOString().slice(0, 10);
  return {
    kind: 'job',
    title: 'Java 开发工程师',
    description: '参与智能制造 MES 系统开发',
    occupationCode: '2-02-10-03',
    headcount: 3,
    majors: [
      { code: '080901', catalogueYear: 2025 },
      { code: '0807', catalogueYear: 2025 },
    ],
    minDegree: 'bachelor',
    skills: [
      { name: 'Java', weight: 5, required: true },
      { name: 'MySQL', weight: 3, required: false },
    ],
    certificates: ['1+X Web 前端开发职业技能等级证书'],
    cities: ['330100'],
    salaryMin: 8000,
    salaryMax: 12000,
    graduationYears: [2026, 2027],
    deadline,
    ...overrides,
  };
}
