import { parseDecimal, parseWholeNumber, parseYesNo, splitList } from './cell-values.js';

describe('cell values', () => {
  it.each([
    ['8000', 8000],
    ['8,000', 8000],
    ['８０００', 8000],
    ['8000.0', 8000],
    [' -5 ', -5],
    ['8000.5', undefined],
    ['8千', undefined],
    ['', undefined],
    ['99999999999999999999', undefined],
  ])('parseWholeNumber(%p) → %p', (text, value) => {
    expect(parseWholeNumber(text)).toBe(value);
  });

  it.each([
    ['85', {}, 85],
    ['85.5', {}, 85.5],
    ['.5', {}, 0.5],
    ['1,234.5', {}, 1234.5],
    ['８５．５', {}, 85.5],
    ['85%', { percent: true }, 85],
    ['85%', {}, undefined],
    ['前10%', { percent: true }, undefined],
    ['1e3', {}, undefined],
    ['', {}, undefined],
  ])('parseDecimal(%p, %p) → %p', (text, options, value) => {
    expect(parseDecimal(text, options)).toBe(value);
  });

  it.each([
    ['是', true],
    ['愿意', true],
    ['Y', true],
    ['TRUE', true],
    ['√', true],
    ['否', false],
    ['不愿意', false],
    ['n', false],
    ['0', false],
    ['看情况', undefined],
    ['', undefined],
  ])('parseYesNo(%p) → %p', (text, value) => {
    expect(parseYesNo(text)).toBe(value);
  });

  it('splits lists on 、 ; , (either width) and line breaks, trimming and dropping empties', () => {
    expect(splitList('Java、 MySQL;Linux；C++,Go，Rust\r\n数据分析;; ')).toEqual([
      'Java',
      'MySQL',
      'Linux',
      'C++',
      'Go',
      'Rust',
      '数据分析',
    ]);
    expect(splitList('Spring Boot、Vue')).toEqual(['Spring Boot', 'Vue']);
    expect(splitList('a|b c', /[|\s]+/)).toEqual(['a', 'b', 'c']);
  });
});
