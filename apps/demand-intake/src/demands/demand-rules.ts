import type { DemandKind } from '#contracts';
import { isKnownOccupationCode, isKnownRegionCode, majorByCode, normaliseSkill } from '#reference';
import type { FieldProblem } from '#runtime';
import type { DemandKindDetails, DemandMajor, DemandSkill } from './demand.entity.js';
import type { CreateDemandDto } from './dto/demand-input.dto.js';

/** A demand's content after merging an update onto what is stored. */
export type DemandContent = Omit<CreateDemandDto, 'enterpriseId' | 'skills'> & {
  skills: { name: string; weight: number; required: boolean }[];
};

export interface NormalisedDemand {
  kind: DemandKind;
  title: string;
  description: string;
  occupationCode: string | null;
  headcount: number;
  majors: DemandMajor[];
  minDegree: CreateDemandDto['minDegree'];
  skills: DemandSkill[];
  certificates: string[];
  cities: string[];
  salaryMin: number;
  salaryMax: number;
  graduationYears: number[];
  deadline: string;
  kindDetails: DemandKindDetails;
}

const problem = (field: string, text: string, constraint = 'rule'): FieldProblem => ({
  field,
  problem: text,
  constraint,
  detail: text,
});

/** Today's date in China Standard Time, YYYY-MM-DD: deadlines are local dates. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The rules class-validator cannot express: codes that must exist in the official catalogues,
 * cross-field checks and kind-specific details. Returns the normalised demand and every problem.
 */
export function checkDemandContent(
  input: DemandContent,
  options: { requireFutureDeadline: boolean; now?: Date },
): { demand: NormalisedDemand; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];

  input.majors.forEach((m, i) => {
    const major = majorByCode(m.code, m.catalogueYear);
    if (!major) {
      problems.push(
        problem(`majors.${i}.code`, `专业代码 ${m.code} 不在 ${m.catalogueYear} 年版专业目录中`, 'knownMajor'),
      );
    }
  });
  input.cities.forEach((c, i) => {
    if (!isKnownRegionCode(c)) problems.push(problem(`cities.${i}`, `行政区划代码 ${c} 不存在`, 'knownRegion'));
  });
  if (input.occupationCode && !isKnownOccupationCode(input.occupationCode)) {
    problems.push(
      problem('occupationCode', `职业编码 ${input.occupationCode} 不在职业分类大典（2022）中`, 'knownOccupation'),
    );
  }
  if (input.salaryMin > input.salaryMax) {
    problems.push(problem('salaryMin', '月薪下限不能高于上限', 'salaryRange'));
  }
  if (options.requireFutureDeadline && input.deadline < todayInChina(options.now)) {
    problems.push(problem('deadline', '报名截止日期不能早于今天', 'futureDeadline'));
  }

  const kindDetails: DemandKindDetails = {};
  const detailFields = {
    internship: 'internship',
    apprenticeship: 'apprenticeship',
    order_training: 'orderTraining',
  } as const;
  for (const [kind, field] of Object.entries(detailFields)) {
    const given = input[field] !== undefined && input[field] !== null;
    if (input.kind === kind && !given) problems.push(problem(field, `${field} 为该类型需求的必填项`, 'kindDetails'));
    if (input.kind !== kind && given)
      problems.push(problem(field, `只有 ${kind} 类型的需求可以填写 ${field}`, 'kindDetails'));
  }
  if (input.kind === 'internship' && input.internship) kindDetails.internship = { ...input.internship };
  if (input.kind === 'apprenticeship' && input.apprenticeship) {
    kindDetails.apprenticeship = {
      durationMonths: input.apprenticeship.durationMonths,
      trainingProvider: input.apprenticeship.trainingProvider ?? null,
    };
  }
  if (input.kind === 'order_training' && input.orderTraining) kindDetails.orderTraining = { ...input.orderTraining };

  // Skills are normalised (aliases → one id); the same skill twice is a mistake worth naming.
  const skills: DemandSkill[] = [];
  input.skills.forEach((s, i) => {
    const skillId = normaliseSkill(s.name);
    if (!skillId) return problems.push(problem(`skills.${i}.name`, '技能名称不能为空', 'skill'));
    if (skills.some((k) => k.skillId === skillId)) {
      return problems.push(
        problem(`skills.${i}.name`, `技能“${s.name}”与前面的技能重复（归一化为 ${skillId}）`, 'uniqueSkill'),
      );
    }
    skills.push({ skillId, weight: s.weight, required: s.required });
  });

  const majors = dedupe(
    input.majors.map((m) => ({
      code: majorByCode(m.code, m.catalogueYear)?.code ?? m.code,
      catalogueYear: m.catalogueYear,
    })),
    (m) => `${m.code}@${m.catalogueYear}`,
  );
  return {
    demand: {
      kind: input.kind,
      title: input.title.trim(),
      description: (input.description ?? '').trim(),
      occupationCode: input.occupationCode ?? null,
      headcount: input.headcount,
      majors,
      minDegree: input.minDegree,
      skills,
      certificates: dedupe((input.certificates ?? []).map((c) => c.trim()).filter(Boolean), (c) => c),
      cities: dedupe(input.cities, (c) => c),
      salaryMin: input.salaryMin,
      salaryMax: input.salaryMax,
      graduationYears: dedupe(input.graduationYears, (y) => String(y)).sort(),
      deadline: input.deadline,
      kindDetails,
    },
    problems,
  };
}

function dedupe<T>(items: T[], keyOf: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = keyOf(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
