import { listDestinationCategories } from '#reference';
import { checkDestination, requirementsOf, type DestinationFields } from './destination-rules.js';

const full: DestinationFields = {
  destinationDate: '2027-05-20',
  employerOrSchool: '杭州示例科技有限公司',
  cityCode: '330106',
  evidenceRef: 'HT-2027-001',
};
const none: DestinationFields = { destinationDate: null, employerOrSchool: null, cityCode: null, evidenceRef: null };
const context = { graduationYear: 2027, today: '2027-06-01' };
const fieldsOf = (problems: { field: string }[]) => problems.map((p) => p.field).sort();

describe('destination field rules', () => {
  it('accepts a complete registration for every category', () => {
    for (const category of listDestinationCategories()) {
      expect(checkDestination(category.code, full, context)).toEqual([]);
    }
  });

  it('asks placed categories for proof, contracts and self-employment for employer and city, study for the school', () => {
    expect(fieldsOf(checkDestination('11', none, context))).toEqual([
      'cityCode',
      'destinationDate',
      'employerOrSchool',
      'evidenceRef',
    ]);
    expect(fieldsOf(checkDestination('75', none, context))).toEqual([
      'cityCode',
      'destinationDate',
      'employerOrSchool',
      'evidenceRef',
    ]);
    // A school abroad has no GB/T 2260 city.
    expect(fieldsOf(checkDestination('85', none, context))).toEqual([
      'destinationDate',
      'employerOrSchool',
      'evidenceRef',
    ]);
    expect(fieldsOf(checkDestination('76', none, context))).toEqual(['destinationDate', 'evidenceRef']);
    // 待就业 / 暂不就业 claim nothing, so need nothing.
    for (const code of ['70', '71', '72']) expect(checkDestination(code, none, context)).toEqual([]);
  });

  it('names the category and the missing field in Chinese', () => {
    const [problem] = checkDestination('80', { ...full, employerOrSchool: null }, context);
    expect(problem).toMatchObject({ field: 'employerOrSchool', constraint: 'requiredForCategory' });
    expect(problem!.problem).toBe('去向为“80 境内升学”时必须填写录取院校');
  });

  it('follows the table: a category that counts as placed needs evidence, whatever its code', () => {
    for (const category of listDestinationCategories()) {
      expect(requirementsOf(category).evidenceRef).toBe(category.countsAsPlaced);
    }
  });

  it('refuses dates in the future or before the cohort window', () => {
    expect(checkDestination('11', { ...full, destinationDate: '2027-06-02' }, context)).toEqual([
      expect.objectContaining({ field: 'destinationDate', constraint: 'notInFuture' }),
    ]);
    expect(checkDestination('11', { ...full, destinationDate: '2025-12-31' }, context)).toEqual([
      expect.objectContaining({ field: 'destinationDate', constraint: 'notBeforeCohort' }),
    ]);
    // 秋招: an offer signed in the autumn before graduation counts.
    expect(checkDestination('11', { ...full, destinationDate: '2026-01-01' }, context)).toEqual([]);
  });

  it('refuses a province where a city is meant, and unknown categories', () => {
    expect(checkDestination('11', { ...full, cityCode: '330000' }, context)).toEqual([
      expect.objectContaining({ field: 'cityCode', constraint: 'cityLevel' }),
    ]);
    expect(checkDestination('99', full, context)).toEqual([
      expect.objectContaining({ field: 'categoryCode', constraint: 'isDestinationCategory' }),
    ]);
  });
});
