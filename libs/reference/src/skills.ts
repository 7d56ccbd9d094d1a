import { SKILL_VOCABULARY } from './skill-vocabulary.js';

/** NFKC (full-width to half-width), trimmed, lower-case, runs of whitespace as one space. */
function normaliseSpelling(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

const canonicalBySpelling: ReadonlyMap<string, string> = new Map(
  SKILL_VOCABULARY.flatMap((skill) => [skill.id, ...skill.aliases].map((spelling) => [spelling, skill.id])),
);

/** Canonical skill id → display label, for the skills in the shared vocabulary. */
export const SKILL_LABELS: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(SKILL_VOCABULARY.map((skill) => [skill.id, skill.label])),
);

/**
 * The one id demands and graduate profiles store for a skill: the canonical id when the spelling is a
 * known alias ('JS', 'Java Script' → 'javascript'), otherwise the normalised spelling itself.
 */
export function normaliseSkill(raw: string): string {
  const spelling = normaliseSpelling(raw);
  // Second try without spaces, so 'PLC 编程' and 'C ++' find 'plc编程' and 'c++'.
  return canonicalBySpelling.get(spelling) ?? canonicalBySpelling.get(spelling.replace(/ /g, '')) ?? spelling;
}

/** The display label of a skill id; the id itself for skills outside the vocabulary. */
export function skillLabel(id: string): string {
  return SKILL_LABELS[id] ?? id;
}
