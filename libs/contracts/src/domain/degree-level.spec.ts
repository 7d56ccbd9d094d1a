import { DEGREE_LEVEL_LABELS, DEGREE_LEVELS, meetsDegree } from './degree-level.js';

describe('meetsDegree', () => {
  it('is true for the same level', () => {
    for (const level of DEGREE_LEVELS) expect(meetsDegree(level, level)).toBe(true);
  });

  it('is true for a higher level and false for a lower one', () => {
    expect(meetsDegree('master', 'bachelor')).toBe(true);
    expect(meetsDegree('doctor', 'secondary_vocational')).toBe(true);
    expect(meetsDegree('associate', 'bachelor')).toBe(false);
    expect(meetsDegree('bachelor', 'master')).toBe(false);
    expect(meetsDegree('secondary_vocational', 'associate')).toBe(false);
  });

  it('follows the order of DEGREE_LEVELS for every pair', () => {
    DEGREE_LEVELS.forEach((actual, i) => {
      DEGREE_LEVELS.forEach((minimum, j) => {
        expect(meetsDegree(actual, minimum)).toBe(i >= j);
      });
    });
  });

  it('labels every level', () => {
    for (const level of DEGREE_LEVELS) expect(DEGREE_LEVEL_LABELS[level]).toBeTruthy();
    expect(DEGREE_LEVEL_LABELS.bachelor).toBe('本科');
  });
});
