import { isKnownRegionCode, listRegions, regionByCode } from './regions.js';

describe('isKnownRegionCode', () => {
  it.each(['110000', '110100', '110101', '330000', '330100', '330106', '441900', '419001', '500229'])(
    'accepts %s',
    (code) => {
      expect(isKnownRegionCode(code)).toBe(true);
    },
  );

  it.each([
    ['999999', 'unknown'],
    ['12345', 'wrong length'],
    ['1101010', 'wrong length'],
    ['11', 'a bare province prefix'],
    ['1101', 'a bare city prefix'],
    ['11010a', 'not digits'],
    [' 110101', 'padded'],
    ['330199', 'unknown district in a known city'],
    ['810000', 'Hong Kong, not in the table'],
    ['', 'empty'],
  ])('rejects %s (%s)', (code) => {
    expect(isKnownRegionCode(code)).toBe(false);
  });
});

describe('regionByCode', () => {
  it('describes a province', () => {
    expect(regionByCode('330000')).toEqual({
      code: '330000',
      name: '浙江省',
      level: 'province',
      provinceCode: '330000',
      cityCode: null,
      fullName: '浙江省',
    });
  });

  it('describes a prefecture city', () => {
    expect(regionByCode('330100')).toEqual({
      code: '330100',
      name: '杭州市',
      level: 'city',
      provinceCode: '330000',
      cityCode: '330100',
      fullName: '浙江省杭州市',
    });
  });

  it('describes a district with its full name', () => {
    expect(regionByCode('330106')).toEqual({
      code: '330106',
      name: '西湖区',
      level: 'district',
      provinceCode: '330000',
      cityCode: '330100',
      fullName: '浙江省杭州市西湖区',
    });
  });

  it('uses the municipality name for its 市辖区 row', () => {
    expect(regionByCode('110101')).toMatchObject({ name: '东城区', cityCode: '110100', fullName: '北京市东城区' });
    expect(regionByCode('110100')).toMatchObject({ name: '市辖区', level: 'city', fullName: '北京市' });
    expect(regionByCode('500229')?.fullName).toBe('重庆市城口县');
  });

  it('skips 省直辖县级行政区划 in full names', () => {
    expect(regionByCode('419001')).toMatchObject({ level: 'district', cityCode: '419000', fullName: '河南省济源市' });
  });

  it('treats 不设区的地级市 as cities', () => {
    expect(regionByCode('441900')).toMatchObject({ name: '东莞市', level: 'city', fullName: '广东省东莞市' });
  });

  it('returns undefined for unknown or malformed codes', () => {
    expect(regionByCode('999999')).toBeUndefined();
    expect(regionByCode('12345')).toBeUndefined();
  });
});

describe('listRegions', () => {
  it('holds every row of the three files once', () => {
    const regions = listRegions();
    const count = (level: string) => regions.filter((region) => region.level === level).length;
    expect(count('province')).toBe(31);
    expect(count('city')).toBe(342);
    // 2,978 area rows less the three that are cities themselves.
    expect(count('district')).toBe(2975);
    expect(new Set(regions.map((region) => region.code)).size).toBe(regions.length);
  });
});
