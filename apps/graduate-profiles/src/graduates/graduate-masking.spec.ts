import { discloseIdentity, maskEmail, maskPersonName, maskPhone, maskStudentNumber } from './graduate-masking.js';

describe('graduate masking', () => {
  it('keeps the surname of a name, two characters for a compound surname', () => {
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName('王小明')).toBe('王**');
    expect(maskPersonName('欧阳娜娜')).toBe('欧阳**');
    expect(maskPersonName('欧阳')).toBe('欧*');
    expect(maskPersonName('李')).toBe('*');
  });

  it('keeps the prefix and last four digits of a mobile number', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });

  it('keeps the first character and the domain of an e-mail address', () => {
    expect(maskEmail('zhang.san@example.com')).toBe('z***@example.com');
    expect(maskEmail('z@example.com')).toBe('z***@example.com');
    expect(maskEmail('no-at-sign')).toBe('***');
  });

  it('hides at least half of a student number', () => {
    expect(maskStudentNumber('2023010101')).toBe('20******01');
    expect(maskStudentNumber('20230101')).toBe('20****01');
    expect(maskStudentNumber('R3001')).toBe('***01');
    expect(maskStudentNumber('A123')).toBe('***3');
  });

  it('masks only what the disclosure withholds and leaves nulls null', () => {
    const identity = { name: '王小明', studentNumber: '2023010101', phone: '13812341234', email: null };
    expect(discloseIdentity(identity, { name: true, studentNumber: true, contacts: false })).toEqual({
      name: '王小明',
      studentNumber: '2023010101',
      phone: '138****1234',
      email: null,
    });
    expect(discloseIdentity(identity, { name: true, studentNumber: false, contacts: true })).toEqual({
      name: '王小明',
      studentNumber: '20******01',
      phone: '13812341234',
      email: null,
    });
  });
});
