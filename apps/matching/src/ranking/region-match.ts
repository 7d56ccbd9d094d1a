/**
 * Whether two GB/T 2260 codes name overlapping places: equal codes, or one contains the other — a
 * province `330000` contains every `33xxxx`, a prefecture city `330100` its districts `3301xx`. So a
 * graduate who wants Hangzhou (`330100`) accepts a demand in 西湖区 (`330106`) and the other way round.
 */
export function regionsOverlap(a: number, b: number): boolean {
  return a === b || contains(a, b) || contains(b, a);
}

function contains(outer: number, inner: number): boolean {
  if (outer % 10000 === 0) return Math.floor(outer / 10000) === Math.floor(inner / 10000);
  if (outer % 100 === 0) return Math.floor(outer / 100) === Math.floor(inner / 100);
  return false;
}
