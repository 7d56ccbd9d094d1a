import {
  destinationCategoryByCode,
  listDestinationCategories,
  regionByCode,
  type DestinationCategory,
} from '#reference';
import type { FieldProblem } from '#runtime';

/**
 * What the registration form asks for, per category. Which categories exist and which count as
 * placed is reference data; this only says which proof a claim needs:
 * - every category that counts as placed needs an evidence reference and a 落实日期 (a placed
 *   claim without proof is what inflates a rate);
 * - employment under contract and self-employment name the employer and its city;
 * - further study names the school (a school abroad has no GB/T 2260 city).
 * A report group unknown here (a future table) asks only for evidence and date.
 */
const GROUP_FORM_RULES: Readonly<Record<string, { employerOrSchool: boolean; cityCode: boolean }>> = {
  协议和合同就业: { employerOrSchool: true, cityCode: true },
  自主创业: { employerOrSchool: true, cityCode: true },
  升学: { employerOrSchool: true, cityCode: false },
};

export interface CategoryRequirements {
  destinationDate: boolean;
  employerOrSchool: boolean;
  cityCode: boolean;
  evidenceRef: boolean;
}

export function requirementsOf(category: DestinationCategory): CategoryRequirements {
  const placed = category.countsAsPlaced;
  const form = GROUP_FORM_RULES[category.group];
  return {
    destinationDate: placed,
    employerOrSchool: placed && (form?.employerOrSchool ?? false),
    cityCode: placed && (form?.cityCode ?? false),
    evidenceRef: placed,
  };
}

/** 升学 names a school, everything else an employer or project. */
export function employerLabelOf(category: DestinationCategory): string {
  return category.group === '升学' ? '录取院校' : '单位（项目）名称';
}

const FIELD_LABELS = {
  destinationDate: '落实日期',
  cityCode: '所在城市代码',
  evidenceRef: '证明材料编号',
} as const;

export function categoryCodesText(): string {
  return listDestinationCategories()
    .map((c) => `${c.code} ${c.name}`)
    .join('、');
}

export function unknownCategoryProblem(field: string, code: string): FieldProblem {
  return {
    field,
    problem: `${code} 不是现行毕业去向代码；可选：${categoryCodesText()}`,
    constraint: 'isDestinationCategory',
    detail: 'unknown destination category',
  };
}

export interface DestinationFields {
  destinationDate: string | null;
  employerOrSchool: string | null;
  cityCode: string | null;
  evidenceRef: string | null;
}

export interface DestinationCheckContext {
  graduationYear: number;
  /** Today in Asia/Shanghai, YYYY-MM-DD. */
  today: string;
  /** Field name the category was given in (`categoryCode`), for the messages. */
  categoryField?: string;
}

/**
 * The cross-field rules of a registration (the DTO already checked each field's format).
 * Returns every problem at once, each naming its field, so one 400 tells the whole story.
 */
export function checkDestination(
  categoryCode: string,
  fields: DestinationFields,
  context: DestinationCheckContext,
): FieldProblem[] {
  const category = destinationCategoryByCode(categoryCode);
  if (!category) return [unknownCategoryProblem(context.categoryField ?? 'categoryCode', categoryCode)];
  const problems: FieldProblem[] = [];
  const required = requirementsOf(category);
  const missing = (field: keyof DestinationFields, label: string) =>
    problems.push({
      field,
      problem: `去向为“${category.code} ${category.name}”时必须填写${label}`,
      constraint: 'requiredForCategory',
      detail: `required for category ${category.code}`,
    });
  if (required.destinationDate && fields.destinationDate === null)
    missing('destinationDate', FIELD_LABELS.destinationDate);
  if (required.employerOrSchool && fields.employerOrSchool === null)
    missing('employerOrSchool', employerLabelOf(category));
  if (required.cityCode && fields.cityCode === null) missing('cityCode', FIELD_LABELS.cityCode);
  if (required.evidenceRef && fields.evidenceRef === null) missing('evidenceRef', FIELD_LABELS.evidenceRef);

  if (fields.destinationDate !== null) {
    // Offers from the autumn before graduation (秋招) count; the future does not.
    const earliest = `${context.graduationYear - 1}-01-01`;
    if (fields.destinationDate > context.today) {
      problems.push({
        field: 'destinationDate',
        problem: `落实日期不能晚于今天（${context.today}）`,
        constraint: 'notInFuture',
        detail: 'date in the future',
      });
    } else if (fields.destinationDate < earliest) {
      problems.push({
        field: 'destinationDate',
        problem: `${context.graduationYear} 届毕业生的落实日期不能早于 ${earliest}`,
        constraint: 'notBeforeCohort',
        detail: 'date before the cohort window',
      });
    }
  }
  if (fields.cityCode !== null && regionByCode(fields.cityCode)?.level === 'province') {
    problems.push({
      field: 'cityCode',
      problem: `${fields.cityCode} 是省级代码，请填写地级市或区县代码`,
      constraint: 'cityLevel',
      detail: 'province code where a city is expected',
    });
  }
  return problems;
}
