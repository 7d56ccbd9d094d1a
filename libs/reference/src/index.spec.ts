import * as reference from '#reference';

describe('#reference', () => {
  it('exposes the public API through the package import', () => {
    expect(Object.keys(reference).sort()).toEqual([
      'IsIndustrySection',
      'IsKnownRegionCode',
      'SKILL_LABELS',
      'SKILL_VOCABULARY',
      'UNDERGRAD_CATALOGUE_YEAR',
      'creditCodeProblem',
      'destinationCategoryByCode',
      'industryDivision',
      'industryDivisionName',
      'industrySection',
      'isKnownOccupationCode',
      'isKnownRegionCode',
      'isValidCreditCode',
      'isValidIndustry',
      'listDestinationCategories',
      'listDestinationGroups',
      'listIndustrySections',
      'listMajors',
      'listOccupations',
      'listRegions',
      'majorAccepts',
      'majorByCode',
      'majorCatalogueYears',
      'normaliseCreditCode',
      'normaliseSkill',
      'occupationByCode',
      'regionByCode',
      'skillLabel',
    ]);
    expect(reference.isKnownRegionCode('330100')).toBe(true);
  });
});
