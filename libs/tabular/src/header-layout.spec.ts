import { normaliseHeader, resolveHeaderLayout, type TemplateColumn } from './header-layout.js';

const TEMPLATE: TemplateColumn<'number' | 'name' | 'salary' | 'phone'>[] = [
  { key: 'number', header: '学号', aliases: ['学生学号'], required: true },
  { key: 'name', header: '姓名', required: true },
  { key: 'salary', header: '最低期望月薪（元）', aliases: ['期望月薪'] },
  { key: 'phone', header: '手机号' },
];

describe('resolveHeaderLayout', () => {
  it('matches headers and aliases the way people retype them (width, spaces, *, case)', () => {
    expect(normaliseHeader(' *最低期望月薪(元) ')).toBe(normaliseHeader('最低期望月薪（元）'));
    const layout = resolveHeaderLayout(['学生学号', '* 姓名', '最低期望月薪(元)'], TEMPLATE);
    expect(layout.problems).toEqual([]);
    expect([...layout.columns]).toEqual([
      ['number', '学生学号'],
      ['name', '* 姓名'],
      ['salary', '最低期望月薪(元)'],
    ]);
  });

  it('names an unknown header with the closest template header as a hint, and a missing required one', () => {
    const layout = resolveHeaderLayout(['学号', '手机好', '爱好'], TEMPLATE);
    expect(layout.problems).toEqual([
      { header: '手机好', message: '无法识别的列“手机好”，是否应为“手机号”？' },
      { header: '爱好', message: '无法识别的列“爱好”' },
      { header: '姓名', message: '缺少必需的列“姓名”' },
    ]);
  });

  it('refuses one column given twice under two spellings', () => {
    const layout = resolveHeaderLayout(['学号', '姓名', '期望月薪', '最低期望月薪（元）'], TEMPLATE);
    expect(layout.problems).toEqual([
      {
        header: '最低期望月薪（元）',
        message: '列“最低期望月薪（元）”与列“期望月薪”是同一列（最低期望月薪（元）），请只保留一列',
      },
    ]);
  });

  it('ignores the headers it is told to, and refuses others with their own message', () => {
    const layout = resolveHeaderLayout(['序号', '学号', '姓名', '身份证号'], TEMPLATE, {
      ignore: ['序号'],
      refuse: { 身份证号: '不收集身份证号' },
    });
    expect(layout.ignored).toEqual(['序号']);
    expect(layout.problems).toEqual([{ header: '身份证号', message: '不收集身份证号' }]);
    expect([...layout.columns.keys()]).toEqual(['number', 'name']);
  });
});
