import { loadOnce, readCsvRows } from './reference-data-files.js';

// GB/T 2260 codes as published in 国家统计局 统计用区划代码 2023 (see ../data/README.md).

export type RegionLevel = 'province' | 'city' | 'district';

export interface Region {
  /** Six-digit code: province XX0000, prefecture city XXXX00, county/district XXXXXX. */
  readonly code: string;
  /** Official name of this row; grouping rows keep their statistical names (e.g. 市辖区). */
  readonly name: string;
  readonly level: RegionLevel;
  /** Six-digit code of the province (XX0000). */
  readonly provinceCode: string;
  /** Six-digit code of the prefecture city (XXXX00); the region itself for a city, null for a province. */
  readonly cityCode: string | null;
  /** Display name from the province down, e.g. 浙江省杭州市西湖区 or 北京市东城区. */
  readonly fullName: string;
}

// City-level rows that group counties rather than name a city: left out of display names.
const GROUPING_CITY_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const SIX_DIGITS = /^\d{6}$/;

const regions = loadOnce((): ReadonlyMap<string, Region> => {
  const byCode = new Map<string, Region>();
  const provinceNames = new Map<string, string>();
  const cityDisplayNames = new Map<string, string>();

  for (const row of readCsvRows('provinces.csv', ['code', 'name'])) {
    const code = `${row.code}0000`;
    provinceNames.set(row.code, row.name);
    byCode.set(code, {
      code,
      name: row.name,
      level: 'province',
      provinceCode: code,
      cityCode: null,
      fullName: row.name,
    });
  }
  for (const row of readCsvRows('cities.csv', ['code', 'name', 'provinceCode'])) {
    const code = `${row.code}00`;
    const provinceName = requireParent(provinceNames, row.provinceCode, code);
    const fullName = GROUPING_CITY_NAMES.has(row.name) ? provinceName : provinceName + row.name;
    cityDisplayNames.set(row.code, fullName);
    byCode.set(code, {
      code,
      name: row.name,
      level: 'city',
      provinceCode: `${row.provinceCode}0000`,
      cityCode: code,
      fullName,
    });
  }
  for (const row of readCsvRows('areas.csv', ['code', 'name', 'cityCode', 'provinceCode'])) {
    // 不设区的地级市 (东莞 441900, 中山 442000, 儋州 460400) also appear as areas; the city row wins.
    if (byCode.has(row.code)) continue;
    byCode.set(row.code, {
      code: row.code,
      name: row.name,
      level: 'district',
      provinceCode: `${row.provinceCode}0000`,
      cityCode: `${row.cityCode}00`,
      fullName: requireParent(cityDisplayNames, row.cityCode, row.code) + row.name,
    });
  }
  return byCode;
});

function requireParent(names: ReadonlyMap<string, string>, parentCode: string, code: string): string {
  const name = names.get(parentCode);
  if (name === undefined) throw new Error(`reference data: region ${code} names unknown parent ${parentCode}`);
  return name;
}

/** True for a six-digit province, prefecture-city or county/district code in the 2023 table. */
export function isKnownRegionCode(code: string): boolean {
  return SIX_DIGITS.test(code) && regions().has(code);
}

export function regionByCode(code: string): Region | undefined {
  return SIX_DIGITS.test(code) ? regions().get(code) : undefined;
}

/** Every region, provinces first, for seeding and pickers. */
export function listRegions(): Region[] {
  return [...regions().values()];
}
