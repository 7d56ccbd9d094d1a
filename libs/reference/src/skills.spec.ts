import { SKILL_VOCABULARY } from './skill-vocabulary.js';
import { SKILL_LABELS, normaliseSkill, skillLabel } from './skills.js';

describe('normaliseSkill', () => {
  it.each([
    ['JS', 'javascript'],
    ['JavaScript', 'javascript'],
    ['Java Script', 'javascript'],
    ['ts', 'typescript'],
    ['C++', 'c++'],
    ['cpp', 'c++'],
    ['C ++', 'c++'],
    ['C#', 'c#'],
    ['CSharp', 'c#'],
    ['PLC', 'plc'],
    ['PLC编程', 'plc'],
    ['PLC 编程', 'plc'],
    ['可编程逻辑控制器', 'plc'],
    ['CAD', 'autocad'],
    ['AutoCAD', 'autocad'],
    ['Python3', 'python'],
    ['python', 'python'],
    ['Office', 'office'],
    ['办公软件', 'office'],
    ['MS Office', 'office'],
    ['Excel', 'excel'],
    ['K8s', 'kubernetes'],
    ['Kubernetes', 'kubernetes'],
    ['Golang', 'go'],
    ['Go语言', 'go'],
    ['MySQL', 'mysql'],
    ['Postgres', 'postgresql'],
    ['PostgreSQL', 'postgresql'],
    ['Linux', 'linux'],
    ['数控编程', 'cnc编程'],
    ['CNC编程', 'cnc编程'],
    ['CNC', 'cnc编程'],
    ['焊接', '焊接'],
    ['焊工', '焊接'],
    ['电工', '电工'],
    ['SolidWorks', 'solidworks'],
    ['机器学习', '机器学习'],
    ['Machine Learning', '机器学习'],
    ['ML', '机器学习'],
    ['会计电算化', '会计电算化'],
    ['财务分析', '财务分析'],
    ['直播带货', '直播电商'],
    ['心肺复苏', '急救'],
  ])('%j → %j', (raw, id) => {
    expect(normaliseSkill(raw)).toBe(id);
  });

  it('applies NFKC, trims, lower-cases and collapses spaces', () => {
    expect(normaliseSkill('  ＪＳ ')).toBe('javascript');
    expect(normaliseSkill('Ｍａｃｈｉｎｅ\t  Learning')).toBe('机器学习');
    expect(normaliseSkill('  Rust   Programming ')).toBe('rust programming');
  });

  it('leaves unknown skills normalised but otherwise as typed', () => {
    expect(normaliseSkill('Three.js')).toBe('three.js');
    expect(normaliseSkill('茶艺')).toBe('茶艺');
    expect(normaliseSkill('')).toBe('');
  });
});

describe('skill vocabulary', () => {
  const normalised = (spelling: string) => spelling.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

  it('writes every id and alias in normalised form and maps each to one id', () => {
    const owner = new Map<string, string>();
    for (const skill of SKILL_VOCABULARY) {
      for (const spelling of [skill.id, ...skill.aliases]) {
        expect(spelling).toBe(normalised(spelling));
        expect([spelling, owner.get(spelling)]).toEqual([spelling, undefined]);
        owner.set(spelling, skill.id);
      }
    }
    expect(SKILL_VOCABULARY.length).toBeGreaterThanOrEqual(40);
    expect(owner.size).toBeGreaterThanOrEqual(SKILL_VOCABULARY.length * 2);
  });

  it('normalises every id and alias to its id, so normalising is idempotent', () => {
    for (const skill of SKILL_VOCABULARY) {
      for (const spelling of [skill.id, ...skill.aliases]) expect(normaliseSkill(spelling)).toBe(skill.id);
      expect(normaliseSkill(normaliseSkill(skill.label))).toBe(normaliseSkill(skill.label));
    }
  });

  it('labels every canonical id', () => {
    expect(SKILL_LABELS['javascript']).toBe('JavaScript');
    expect(SKILL_LABELS['cnc编程']).toBe('数控（CNC）编程');
    expect(Object.keys(SKILL_LABELS)).toHaveLength(SKILL_VOCABULARY.length);
    expect(Object.isFrozen(SKILL_LABELS)).toBe(true);
    expect(skillLabel('office')).toBe('办公软件');
    expect(skillLabel('three.js')).toBe('three.js');
  });
});
