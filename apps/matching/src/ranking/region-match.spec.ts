import { describe, expect, it } from '@jest/globals';
import { regionsOverlap } from './region-match.js';

describe('regionsOverlap', () => {
  it.each([
    [330106, 330106, true],
    [330100, 330106, true], // a city covers its districts
    [330106, 330100, true],
    [330000, 330106, true], // a province covers everything in it
    [330100, 330000, true],
    [110000, 110105, true], // 直辖市
    [330106, 330108, false], // two districts of one city
    [330100, 330200, false], // two cities of one province
    [330000, 320000, false],
    [441900, 441900, true], // 东莞, a city without districts
    [330100, 331000, false],
  ])('%i and %i → %s', (a, b, expected) => {
    expect(regionsOverlap(a, b)).toBe(expected);
  });
});
