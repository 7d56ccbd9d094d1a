import { detectFormat } from './table-format.js';

describe('detectFormat', () => {
  it.each([
    ['需求.csv', 'text/csv', undefined, 'csv'],
    // Windows browsers label .csv as an Excel type; the extension wins.
    ['需求.CSV', 'application/vnd.ms-excel', undefined, 'csv'],
    ['需求.xlsx', 'application/octet-stream', undefined, 'xlsx'],
    ['blob', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', undefined, 'xlsx'],
    ['blob', 'text/csv; charset=utf-8', undefined, 'csv'],
    ['需求.xls', 'application/vnd.ms-excel', undefined, null],
    ['需求.numbers', 'application/octet-stream', undefined, null],
    ['blob', 'application/json', undefined, null],
    // Content wins: a zip is an .xlsx whatever its name, an OLE file is an old .xls.
    ['需求.csv', 'text/csv', Buffer.from('PK\u0003\u0004rest'), 'xlsx'],
    ['需求.xlsx', 'application/octet-stream', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), null],
    ['需求.csv', 'text/csv', Buffer.from('a,b\n'), 'csv'],
  ])('%s (%s) → %s', (name, mime, head, expected) => {
    expect(detectFormat(name, mime, head)).toBe(expected);
  });
});
