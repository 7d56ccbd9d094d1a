import { normaliseSkill, majorByCode } from '#reference';
import type { FieldProblem } from '#runtime';
import type { CollegeEntity } from '../colleges/college.entity.js';
import type { GraduatePreferences, Internship } from './graduate.entity.js';
import type { GraduateProfileInputDto } from './dto/graduate-profile-input.dto.js';

/**
 * A graduate as the college submitted it, normalised. Optional fields the submission left out are
 * `undefined`: they keep what is stored (a re-upload without a preferences column must not wipe
 * what the graduate set), and take the defaults on a new profile.
 */
export interface NormalisedGraduateInput {
  studentNumber: string;
  name: string;
  department: string;
  majorCode: string;
  majorName: string;
  majorCatalogueYear: number;
  degree: GraduateProfileInputDto['degree'];
  graduationYear: number;
  skills?: string[];
  certificates?: string[];
  internships?: Internship[];
  gpaPercentile?: number | null;
  preferences?: GraduatePreferences;
  phone?: string | null;
  email?: string | null;
}

const problem = (field: string, text: string, constraint = 'rule'): FieldProblem => ({
  field,
  problem: text,
  constraint,
  detail: text,
});

/** Trimmed, without empties and repeats, first spelling kept. */
function distinct(values: readonly string[], key: (v: string) => string = (v) => v): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of values) {
    const value = key(raw.trim());
    if (value && !seen.has(value)) {
      seen.add(value);
      out.push(value);
    }
  }
  return out;
}

/** Skills as stored and matched: canonical ids, each once. */
export function normaliseSkills(raw: readonly string[]): string[] {
  return distinct(raw, normaliseSkill);
}

export function normalisePreferences(raw: Partial<GraduatePreferences>): GraduatePreferences {
  return {
    cities: distinct(raw.cities ?? []),
    industries: distinct(raw.industries ?? []),
    demandKinds: [...new Set(raw.demandKinds ?? [])],
    minMonthlySalary: raw.minMonthlySalary ?? null,
    willingToRelocate: raw.willingToRelocate ?? false,
  };
}

/**
 * The rules class-validator cannot express: the major against the official catalogue (本科 majors
 * must exist in the 本科专业目录 of the named year; vocational ones, whose catalogue we do not
 * have, need a code and a name), and the department against the college's registered 院系.
 */
export function checkGraduateContent(
  input: GraduateProfileInputDto,
  college: Pick<CollegeEntity, 'departments'>,
): { graduate: NormalisedGraduateInput; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  let majorName = input.major.name ?? '';

  if (input.degree === 'bachelor') {
    const major = majorByCode(input.major.code, input.major.catalogueYear);
    if (!major || major.level !== 'major') {
      problems.push(
        problem(
          'major.code',
          `专业代码 ${input.major.code} 不在 ${input.major.catalogueYear} 年版本科专业目录中`,
          'knownMajor',
        ),
      );
    } else if (input.major.name && input.major.name !== major.name) {
      problems.push(
        problem('major.name', `专业名称与目录不一致：${major.code} 为“${major.name}”`, 'catalogueMajorName'),
      );
    } else {
      majorName = major.name;
    }
  } else if (!input.major.name) {
    problems.push(problem('major.name', '非本科专业须填写专业名称（暂无该层次的专业目录可查）', 'isDefined'));
  }

  if (college.departments.length > 0 && !college.departments.includes(input.department)) {
    problems.push(
      problem(
        'department',
        `院系“${input.department}”不是本校登记的院系（${college.departments.join('、')}）`,
        'knownDepartment',
      ),
    );
  }

  const graduate: NormalisedGraduateInput = {
    studentNumber: input.studentNumber,
    name: input.name,
    department: input.department,
    majorCode: input.major.code,
    majorName,
    majorCatalogueYear: input.major.catalogueYear,
    degree: input.degree,
    graduationYear: input.graduationYear,
    skills: input.skills && normaliseSkills(input.skills),
    certificates: input.certificates && distinct(input.certificates),
    internships: input.internships?.map((i) => ({
      enterprise: i.enterprise,
      industrySection: i.industrySection ?? null,
      months: i.months,
      role: i.role ?? null,
    })),
    gpaPercentile: input.gpaPercentile,
    preferences: input.preferences && normalisePreferences(input.preferences),
    phone: input.phone,
    // null clears the address; undefined (left out) keeps it.
    email: input.email === null ? null : input.email?.toLowerCase(),
  };
  return { graduate, problems };
}
