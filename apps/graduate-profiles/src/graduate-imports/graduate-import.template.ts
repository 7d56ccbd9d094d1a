import { writeCsv, writeXlsx, type CellValue, type TableFormat } from '#tabular';
import { CLEAR_WORD, GRADUATE_COLUMNS, type GraduateColumnKey } from './graduate-import.columns.js';
import { GRADUATE_IMPORT_MAX_FILE_MB, GRADUATE_IMPORT_MAX_ROWS } from './graduate-import.constants.js';

const HEADERS = GRADUATE_COLUMNS.map((c) => c.header);

/** Two filled-in graduates (a 本科 and a 高职专科 one) for the 示例 sheet: never on the data sheet. */
export const EXAMPLE_ROWS: readonly Partial<Record<GraduateColumnKey, string>>[] = [
  {
    studentNumber: '2023010101',
    name: '王小明',
    department: '计算机学院',
    majorCode: '080901',
    degree: '本科',
    graduationYear: '2027',
    skills: 'Java、MySQL、Linux',
    certificates: '全国计算机等级考试二级',
    internships: '杭州某智能制造有限公司|C|3|测试工程师助理; 某软件公司|I|2|',
    gpaPercentile: '85',
    cities: '330100、330200',
    industries: 'C;I',
    demandKinds: '全职岗位、实习',
    minMonthlySalary: '6000',
    willingToRelocate: '是',
    phone: '13812345678',
    email: 'wangxm@example.com',
  },
  {
    studentNumber: 'GZ2024-0007',
    name: '李娜',
    department: '智能制造学院',
    majorCode: '460103',
    majorName: '数控技术',
    catalogueYear: '2021',
    degree: '高职专科',
    graduationYear: '2027届',
    skills: '数控编程、CAD',
    certificates: '数控车铣加工职业技能等级证书（中级）',
    internships: '宁波某精密机械有限公司|制造业|6|数控操作工',
    cities: '宁波市',
    demandKinds: '新型学徒制',
    willingToRelocate: '否',
    phone: CLEAR_WORD,
  },
];

const exampleRow = (example: Partial<Record<GraduateColumnKey, string>>): Record<string, CellValue> =>
  Object.fromEntries(GRADUATE_COLUMNS.map((c) => [c.header, example[c.key] ?? '']));

/** Rules that are about the file, not one column: the first lines of 填写说明. */
const FILE_NOTES: readonly string[] = [
  `一个文件最多 ${GRADUATE_IMPORT_MAX_ROWS} 行、${GRADUATE_IMPORT_MAX_FILE_MB} MB；只读取第一个工作表，“示例”工作表不会被导入。`,
  'CSV 可为 UTF-8（建议“CSV UTF-8（逗号分隔）”）或 GB18030/GBK 编码。',
  '按“学号”新建或更新：重复上传同一文件不会产生任何变化；修改后的文件只更新有变化的毕业生。',
  '合格的行各自写入；不合格的行不写入任何内容，并在错误报告中列出行号、列、值和错误说明。',
  `选填列留空表示保留已有内容（新建时为空）；填“${CLEAR_WORD}”表示清空。`,
  '意向城市、意向行业、意向类型、最低期望月薪、是否愿意异地为一组：一行中任一列有内容时，该毕业生的求职意向整组以本行为准。',
  '平台按最小必要原则不收集身份证号、民族和照片：文件中不要有这些列。可以保留“序号”“备注”列，它们不会被读取。',
];

/** The upload template: the data sheet with headers only; the .xlsx adds 填写说明 and 示例 sheets. */
export async function buildTemplate(format: TableFormat): Promise<Buffer> {
  if (format === 'csv') return writeCsv([], HEADERS);
  const textColumns = GRADUATE_COLUMNS.filter((c) => c.text).map((c) => c.header);
  const widths = { 学号: 14, 院系: 16, 技能: 24, 证书: 28, 实习经历: 44, 意向城市: 16, 电子邮箱: 24, 手机号: 14 };
  return writeXlsx([
    { name: '毕业生', headers: HEADERS, rows: [], textColumns, widths },
    {
      name: '填写说明',
      headers: ['列名', '是否必填', '可用的其他列名', '说明'],
      rows: [
        ...FILE_NOTES.map((note, i) => ({
          列名: i === 0 ? '（整个文件）' : '',
          是否必填: '',
          可用的其他列名: '',
          说明: note,
        })),
        ...GRADUATE_COLUMNS.map((c) => ({
          列名: c.header,
          是否必填: c.required ? '必填' : '选填',
          可用的其他列名: (c.aliases ?? []).join('、'),
          说明: c.help,
        })),
      ],
      widths: { 列名: 16, 是否必填: 10, 可用的其他列名: 30, 说明: 110 },
    },
    { name: '示例', headers: HEADERS, rows: EXAMPLE_ROWS.map(exampleRow), textColumns, widths },
  ]);
}
