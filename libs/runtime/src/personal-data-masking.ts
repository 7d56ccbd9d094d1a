/**
 * Masking of personal data (PIPL) for readers who may know a person exists but not who they are or
 * how to reach them. Pure functions, no I/O; shared by every service that shows people.
 */

/** 复姓 that keep two characters visible (欧阳娜娜 → 欧阳**). */
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '钟离',
  '闾丘',
  '端木',
  '南宫',
  '西门',
  '独孤',
  '澹台',
  '百里',
  '呼延',
  '东郭',
  '万俟',
  '赫连',
  '申屠',
  '太叔',
  '公冶',
  '濮阳',
  '淳于',
  '单于',
  '拓跋',
  '司空',
  '左丘',
  '漆雕',
  '乐正',
  '公良',
  '谷梁',
  '宰父',
  '仲孙',
  '第五',
  '羊舌',
  '微生',
  '梁丘',
  '公西',
  '巫马',
  '司寇',
  '子车',
  '颛孙',
  '亓官',
  '鲜于',
  '闻人',
  '段干',
  '太史',
]);

const MASK = '*';

/** 张三 → 张*, 张三丰 → 张**, 欧阳娜娜 → 欧阳**; a one-character name becomes *. */
export function maskPersonName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  const surname = COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  const visible = Math.min(surname, chars.length - 1);
  return chars.slice(0, visible).join('') + MASK.repeat(chars.length - visible);
}

/**
 * Mobile 13812341234 → 138****1234; landline 0571-88123456 → 0571-****3456,
 * 057188123456 → 057****3456. Only the last four digits and the prefix stay visible.
 */
export function maskPhone(phone: string): string {
  const value = phone.trim();
  const dash = value.indexOf('-');
  if (dash > 0) {
    const local = value.slice(dash + 1);
    return `${value.slice(0, dash + 1)}${MASK.repeat(4)}${local.slice(-4)}`;
  }
  if (value.length <= 7) return MASK.repeat(value.length);
  return `${value.slice(0, 3)}${MASK.repeat(4)}${value.slice(-4)}`;
}

/** zhang.san@example.com → z***@example.com (the local part's length is not revealed). */
export function maskEmail(email: string): string {
  const value = email.trim();
  const at = value.lastIndexOf('@');
  if (at <= 0) return MASK.repeat(3);
  const first = Array.from(value.slice(0, at))[0];
  return `${first}${MASK.repeat(3)}${value.slice(at)}`;
}
