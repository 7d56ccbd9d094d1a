import {
  industryDivision,
  industryDivisionName,
  industrySection,
  isValidIndustry,
  listIndustrySections,
} from './industries.js';

// The 门类 ranges as GB/T 4754-2017 states them ("本门类包括 13～43 大类").
const RANGES: Record<string, [string, string]> = {
  A: ['01', '05'],
  B: ['06', '12'],
  C: ['13', '43'],
  D: ['44', '46'],
  E: ['47', '50'],
  F: ['51', '52'],
  G: ['53', '60'],
  H: ['61', '62'],
  I: ['63', '65'],
  J: ['66', '69'],
  K: ['70', '70'],
  L: ['71', '72'],
  M: ['73', '75'],
  N: ['76', '79'],
  O: ['80', '82'],
  P: ['83', '83'],
  Q: ['84', '85'],
  R: ['86', '90'],
  S: ['91', '96'],
  T: ['97', '97'],
};

describe('industry sections', () => {
  it('has the 20 门类 A–T with the standard 大类 ranges', () => {
    const sections = listIndustrySections();
    expect(sections.map((section) => section.letter).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    for (const section of sections) {
      expect([section.firstDivision, section.lastDivision]).toEqual(RANGES[section.letter]);
      expect(section.divisions).toHaveLength(Number(section.lastDivision) - Number(section.firstDivision) + 1);
    }
  });

  it('names the sections', () => {
    expect(industrySection('A')?.name).toBe('农、林、牧、渔业');
    expect(industrySection('C')?.name).toBe('制造业');
    expect(industrySection('I')?.name).toBe('信息传输、软件和信息技术服务业');
    expect(industrySection('T')?.name).toBe('国际组织');
  });

  it('returns undefined for anything but an upper-case letter A–T', () => {
    expect(industrySection('U')).toBeUndefined();
    expect(industrySection('c')).toBeUndefined();
    expect(industrySection('')).toBeUndefined();
  });
});

describe('industry divisions', () => {
  it('numbers 01–97 without gaps', () => {
    const codes = listIndustrySections().flatMap((section) => section.divisions.map((division) => division.code));
    expect(codes).toEqual(Array.from({ length: 97 }, (_, index) => String(index + 1).padStart(2, '0')));
  });

  it('names manufacturing and IT divisions', () => {
    expect(industryDivisionName('13')).toBe('农副食品加工业');
    expect(industryDivisionName('36')).toBe('汽车制造业');
    expect(industryDivisionName('39')).toBe('计算机、通信和其他电子设备制造业');
    expect(industryDivisionName('43')).toBe('金属制品、机械和设备修理业');
    expect(industryDivisionName('63')).toBe('电信、广播电视和卫星传输服务');
    expect(industryDivisionName('64')).toBe('互联网和相关服务');
    expect(industryDivisionName('65')).toBe('软件和信息技术服务业');
    expect(industryDivisionName('83')).toBe('教育');
  });

  it('knows the section of a division', () => {
    expect(industryDivision('58')).toEqual({ code: '58', name: '多式联运和运输代理业', section: 'G' });
  });

  it.each(['00', '98', '9', '039', ' 39', 'C39'])('has no division %j', (code) => {
    expect(industryDivisionName(code)).toBeUndefined();
  });
});

describe('isValidIndustry', () => {
  it('accepts a division inside its section range, at both ends', () => {
    expect(isValidIndustry('C', '13')).toBe(true);
    expect(isValidIndustry('C', '39')).toBe(true);
    expect(isValidIndustry('C', '43')).toBe(true);
    expect(isValidIndustry('I', '65')).toBe(true);
    expect(isValidIndustry('K', '70')).toBe(true);
  });

  it('rejects a division from another section or an unknown code', () => {
    expect(isValidIndustry('C', '12')).toBe(false);
    expect(isValidIndustry('C', '44')).toBe(false);
    expect(isValidIndustry('I', '39')).toBe(false);
    expect(isValidIndustry('Z', '39')).toBe(false);
    expect(isValidIndustry('T', '98')).toBe(false);
  });
});
