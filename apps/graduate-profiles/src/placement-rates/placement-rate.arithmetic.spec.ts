import { percent, ratesOf, ratio } from './placement-rate.arithmetic.js';

describe('placement rate arithmetic', () => {
  it('rounds to 4 decimals, half up, with the percentage agreeing', () => {
    expect(ratio(13, 21)).toBe(0.619);
    expect(percent(13, 21)).toBe('61.90%');
    expect(ratio(2, 3)).toBe(0.6667);
    expect(percent(2, 3)).toBe('66.67%');
    expect(ratio(1, 32)).toBe(0.0313); // 0.03125 → half up
    expect(percent(1, 32)).toBe('3.13%');
    expect(ratio(5, 5)).toBe(1);
    expect(percent(5, 5)).toBe('100.00%');
    expect(ratio(0, 7)).toBe(0);
    expect(percent(0, 7)).toBe('0.00%');
  });

  it('gives null for a zero denominator', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(percent(0, 0)).toBeNull();
  });

  it('puts each rate over its own denominator', () => {
    const rates = ratesOf({
      graduates: 21,
      registered: 18,
      placed: 15,
      confirmed: 9,
      placedConfirmed: 8,
      byGroup: {},
      byCategory: {},
    });
    expect(rates).toEqual({
      unregistered: 3,
      placementRate: 0.7143,
      placementRatePercent: '71.43%',
      confirmedShare: 0.5,
      confirmedSharePercent: '50.00%',
      confirmedPlacementRate: 0.381,
      confirmedPlacementRatePercent: '38.10%',
    });
    const empty = ratesOf({
      graduates: 0,
      registered: 0,
      placed: 0,
      confirmed: 0,
      placedConfirmed: 0,
      byGroup: {},
      byCategory: {},
    });
    expect(empty.placementRate).toBeNull();
    expect(empty.confirmedShare).toBeNull();
  });
});
