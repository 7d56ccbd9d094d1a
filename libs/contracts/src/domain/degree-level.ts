/** Education levels, lowest first; the array order is the comparison order. */
export const DEGREE_LEVELS = ['secondary_vocational', 'associate', 'bachelor', 'master', 'doctor'] as const;
export type DegreeLevel = (typeof DEGREE_LEVELS)[number];

export const DEGREE_LEVEL_LABELS: Record<DegreeLevel, string> = {
  secondary_vocational: '中职',
  associate: '高职专科',
  bachelor: '本科',
  master: '硕士',
  doctor: '博士',
};

/** True when `actual` is at least `minimum`. */
export function meetsDegree(actual: DegreeLevel, minimum: DegreeLevel): boolean {
  return DEGREE_LEVELS.indexOf(actual) >= DEGREE_LEVELS.indexOf(minimum);
}
