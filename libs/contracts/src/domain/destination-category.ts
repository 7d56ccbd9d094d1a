/**
 * 毕业去向 categories (教学厅函〔2021〕19号). Whether a category counts toward 毕业去向落实率 is data:
 * a rule change is a change of this table, not of code.
 */
export interface DestinationCategory {
  code: string;
  name: string;
  group: '协议和合同就业' | '灵活就业' | '自主创业' | '升学' | '待就业' | '暂不就业';
  countsAsPlaced: boolean;
}

export const DESTINATION_CATEGORIES: readonly DestinationCategory[] = [
  { code: '10', name: '签就业协议形式就业', group: '协议和合同就业', countsAsPlaced: true },
  { code: '11', name: '签劳动合同形式就业', group: '协议和合同就业', countsAsPlaced: true },
  { code: '27', name: '科研助理、管理助理', group: '协议和合同就业', countsAsPlaced: true },
  { code: '46', name: '应征义务兵', group: '协议和合同就业', countsAsPlaced: true },
  { code: '50', name: '国家基层项目', group: '协议和合同就业', countsAsPlaced: true },
  { code: '51', name: '地方基层项目', group: '协议和合同就业', countsAsPlaced: true },
  { code: '12', name: '其他录用形式就业', group: '灵活就业', countsAsPlaced: true },
  { code: '76', name: '自由职业', group: '灵活就业', countsAsPlaced: true },
  { code: '75', name: '自主创业', group: '自主创业', countsAsPlaced: true },
  { code: '80', name: '境内升学', group: '升学', countsAsPlaced: true },
  { code: '85', name: '境外留学', group: '升学', countsAsPlaced: true },
  { code: '70', name: '待就业', group: '待就业', countsAsPlaced: false },
  { code: '71', name: '不就业拟升学', group: '暂不就业', countsAsPlaced: false },
  { code: '72', name: '其他暂不就业', group: '暂不就业', countsAsPlaced: false },
];

export const DESTINATION_CODES: readonly string[] = DESTINATION_CATEGORIES.map((c) => c.code);
