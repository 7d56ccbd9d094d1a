/**
 * Whether two GB/T 2260 codes name overlapping places: equal codes, or one contains the other — a
 * province `330000` contains every `33xxxx`, a prefecture city `330100` its districts `3301xx`. So a
 * graduate who wants Hangzhou (`330100`) accepts a demand in 西湖区 (`330106`) and the other way round.
 */
export function regionsOverlap(a: number, b: number): boolean {
  if (a === b) return true;
  const provinceA = a - (a % 10000);
  // Different provinces never overlap: the common case, decided with two remainders.
  if (provinceA !== b - (b % 10000)) return false;
  if (a === provinceA || b === provinceA) return true;
  const cityA = a - (a % 100);
  return cityA === b - (b % 100) && (a === cityA || b === cityA);
}
