import { listDestinationCategories } from '#reference';
import { buildReport, reportCsv } from './placement-report.js';

const categories = listDestinationCategories();
const counts = (graduates: number, registered: number, placed: number, confirmed: number, placedConfirmed: number) => ({
  graduates,
  registered,
  placed,
  confirmed,
  placedConfirmed,
  byGroup: { 协议和合同就业: placed },
  byCategory: { '11': placed },
});

describe('placement report', () => {
  const report = buildReport(
    { asOf: '2027-08-31', groupBy: 'department', collegeId: 'col-a', region: null, graduationYear: 2027, categories },
    {
      rows: [
        {
          key: { collegeId: 'col-a', collegeName: '浙江示例大学', department: '计算机学院' },
          ...counts(4, 3, 2, 1, 1),
        },
        { key: { collegeId: 'col-a', collegeName: '浙江示例大学', department: '=机械学院' }, ...counts(0, 0, 0, 0, 0) },
      ],
      total: counts(4, 3, 2, 1, 1),
    },
  );

  it('puts counts and rates side by side, with the definition and the table used', () => {
    expect(report.rows[0]).toMatchObject({
      department: '计算机学院',
      graduates: 4,
      registered: 3,
      unregistered: 1,
      placed: 2,
      placementRate: 0.5,
      confirmedShare: 0.3333,
      confirmedPlacementRate: 0.25,
    });
    expect(report.rows[1]!.placementRate).toBeNull();
    expect(report.reportGroups).toEqual(['协议和合同就业', '灵活就业', '自主创业', '升学', '待就业', '暂不就业']);
    expect(report.categories).toHaveLength(categories.length);
    expect(report.definition).toContain('毕业去向落实率 = 已落实人数 ÷ 毕业生总数');
  });

  it('exports UTF-8 CSV with a BOM, Chinese headers, a 合计 line and no runnable formula', () => {
    const csv = reportCsv(report);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    const header = lines[0]!.split(',');
    expect(header.slice(0, 11)).toEqual([
      '院校名称',
      '院系',
      '毕业生数',
      '已登记',
      '未登记',
      '已落实',
      '已审核确认',
      '已落实且已审核',
      '毕业去向落实率',
      '审核确认占比',
      '已审核口径落实率',
    ]);
    expect(header).toContain('分组：协议和合同就业');
    expect(header).toContain('11 签劳动合同形式就业');
    expect(header.at(-1)).toBe('数据截至');
    expect(lines[1]!.split(',').slice(0, 11)).toEqual([
      '浙江示例大学',
      '计算机学院',
      '4',
      '3',
      '1',
      '2',
      '1',
      '1',
      '50.00%',
      '33.33%',
      '25.00%',
    ]);
    expect(lines[2]!.split(',')[1]).toBe("'=机械学院");
    expect(lines[3]!.split(',').slice(0, 3)).toEqual(['合计', '', '4']);
    expect(lines[3]!.split(',').at(-1)).toBe('2027-08-31');
  });
});
