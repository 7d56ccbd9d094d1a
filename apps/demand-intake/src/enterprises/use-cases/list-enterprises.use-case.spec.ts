import { regionPrefixOf } from './list-enterprises.use-case.js';

describe('regionPrefixOf', () => {
  it.each([
    ['33', '33'],
    ['3301', '3301'],
    ['330000', '33'],
    ['330100', '3301'],
    ['330106', '330106'],
    ['110101', '110101'],
  ])('%s → %s', (code, prefix) => {
    expect(regionPrefixOf(code)).toBe(prefix);
  });
});
