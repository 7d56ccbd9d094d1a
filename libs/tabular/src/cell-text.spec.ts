import { cellText } from './cell-text.js';

describe('cellText', () => {
  it.each([
    [null, ''],
    ['  文本 ', '  文本 '],
    [42, '42'],
    [13800138000, '13800138000'],
    [0.1 + 0.2, '0.3'],
    [1.5, '1.5'],
    [false, 'FALSE'],
    [new Date(Date.UTC(2027, 0, 2)), '2027-01-02'],
    [new Date(Date.UTC(2027, 0, 2, 9, 30)), '2027-01-02 09:30:00'],
    [{ richText: [{ text: 'a' }, { text: 'b' }] }, 'ab'],
    [{ formula: 'A1', result: new Date(Date.UTC(2027, 5, 30)) }, '2027-06-30'],
    [{ formula: 'A1' }, ''],
    [{ text: { richText: [{ text: '链接' }] }, hyperlink: 'https://x' }, '链接'],
    [{ error: '#N/A' }, '#N/A'],
  ])('%p → %p', (value, text) => {
    expect(cellText(value)).toBe(text);
  });
});
