export { isKnownRegionCode, listRegions, regionByCode } from './regions.js';
export type { Region, RegionLevel } from './regions.js';
export { UNDERGRAD_CATALOGUE_YEAR, listMajors, majorAccepts, majorByCode, majorCatalogueYears } from './majors.js';
export type { Major, MajorLevel } from './majors.js';
export { isKnownOccupationCode, listOccupations, occupationByCode } from './occupations.js';
export type { Occupation } from './occupations.js';
export {
  industryDivision,
  industryDivisionName,
  industrySection,
  isValidIndustry,
  listIndustrySections,
} from './industries.js';
export type { IndustryDivision, IndustrySection } from './industries.js';
export { creditCodeProblem, isValidCreditCode, normaliseCreditCode } from './credit-code.js';
export { SKILL_LABELS, normaliseSkill, skillLabel } from './skills.js';
export { SKILL_VOCABULARY } from './skill-vocabulary.js';
export type { SkillEntry } from './skill-vocabulary.js';
export { destinationCategoryByCode, listDestinationCategories, listDestinationGroups } from './destinations.js';
export type { DestinationCategory } from './destinations.js';
export { IsIndustrySection, IsKnownRegionCode } from './validators.js';
