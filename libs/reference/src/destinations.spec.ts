import { destinationCategoryByCode, listDestinationCategories, listDestinationGroups } from './destinations.js';

describe('毕业去向 categories', () => {
  it('reads the 14 categories of the 2021 table, with the groups in report order', () => {
    expect(listDestinationCategories()).toHaveLength(14);
    expect(listDestinationGroups()).toEqual(['协议和合同就业', '灵活就业', '自主创业', '升学', '待就业', '暂不就业']);
  });

  it('counts employment, entrepreneurship and further study as placed, and not 待就业 or 暂不就业', () => {
    expect(destinationCategoryByCode('11')).toEqual({
      code: '11',
      name: '签劳动合同形式就业',
      group: '协议和合同就业',
      countsAsPlaced: true,
    });
    expect(destinationCategoryByCode('80')?.countsAsPlaced).toBe(true);
    expect(destinationCategoryByCode('70')?.countsAsPlaced).toBe(false);
    expect(destinationCategoryByCode('72')?.countsAsPlaced).toBe(false);
    const notPlaced = listDestinationCategories().filter((c) => !c.countsAsPlaced);
    expect(notPlaced.map((c) => c.group).sort()).toEqual(['待就业', '暂不就业', '暂不就业']);
  });

  it('knows no category outside the table', () => {
    expect(destinationCategoryByCode('99')).toBeUndefined();
  });
});
