import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadOnce, readCsvRows, referenceDataDir } from './reference-data-files.js';

describe('referenceDataDir', () => {
  it('finds libs/reference/data in the talent-bridge checkout', () => {
    const dir = referenceDataDir();
    expect(dir.endsWith(join('libs', 'reference', 'data'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(dir, '..', '..', '..', 'package.json'), 'utf8')) as { name: string };
    expect(manifest.name).toBe('talent-bridge');
    expect(existsSync(join(dir, 'README.md'))).toBe(true);
  });
});

describe('readCsvRows', () => {
  it('reads quoted fields without their quotes', () => {
    expect(readCsvRows('cities.csv', ['code', 'name', 'provinceCode'])[0]).toEqual({
      code: '1101',
      name: '市辖区',
      provinceCode: '11',
    });
  });

  it('refuses a file that lacks a column the caller relies on', () => {
    expect(() => readCsvRows('provinces.csv', ['code', 'population'])).toThrow(/lacks column\(s\) population/);
  });
});

describe('loadOnce', () => {
  it('loads on first use only', () => {
    let loads = 0;
    const value = loadOnce(() => {
      loads += 1;
      return { loads };
    });
    expect(loads).toBe(0);
    expect(value()).toBe(value());
    expect(loads).toBe(1);
  });
});
