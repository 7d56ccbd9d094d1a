import { maskContact, maskEmail, maskPersonName, maskPhone } from './contact-masking.js';

describe('contact masking', () => {
  it.each([
    ['张三', '张*'],
    ['张三丰', '张**'],
    ['欧阳娜娜', '欧阳**'],
    ['欧阳娜', '欧阳*'],
    ['诸葛亮', '诸葛*'],
    ['王', '*'],
    ['欧阳', '欧*'],
    ['  李四 ', '李*'],
    ['Alice', 'A****'],
    ['', ''],
  ])('name %p → %p', (name, masked) => {
    expect(maskPersonName(name)).toBe(masked);
  });

  it.each([
    ['13812341234', '138****1234'],
    ['19900001111', '199****1111'],
    ['0571-88123456', '0571-****3456'],
    ['010-1234567', '010-****4567'],
    ['057188123456', '057****3456'],
    ['12345', '*****'],
  ])('phone %p → %p', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it.each([
    ['zhangsan@example.com', 'z***@example.com'],
    ['z@example.com', 'z***@example.com'],
    ['张三@例子.中国', '张***@例子.中国'],
    ['a.b+tag@sub.example.org', 'a***@sub.example.org'],
    ['not-an-email', '***'],
  ])('email %p → %p', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });

  it('masks every field of a contact and keeps none of the original digits but the last four', () => {
    const masked = maskContact({ name: '张三', phone: '13812341234', email: 'zhangsan@example.com' });
    expect(masked).toEqual({ name: '张*', phone: '138****1234', email: 'z***@example.com' });
    expect(JSON.stringify(masked)).not.toMatch(/zhangsan|张三|13812341234/);
  });
});
