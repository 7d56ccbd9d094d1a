import { BadRequestException } from '@nestjs/common';
import { createValidationPipe } from '#runtime';
import { makeCreditCode, makeEnterpriseInput, withWrongCheckCharacter } from '#testing';
import { DecideVerificationDto } from './decide-verification.dto.js';
import { ListEnterprisesQueryDto } from './list-enterprises.query.dto.js';
import { RegisterEnterpriseDto } from './register-enterprise.dto.js';
import { SuspendEnterpriseDto } from './suspend-enterprise.dto.js';
import { UpdateEnterpriseDto } from './update-enterprise.dto.js';

interface Problem {
  field: string;
  problem: string;
  constraint: string;
}

async function validate<T>(metatype: new () => T, body: unknown, type: 'body' | 'query' = 'body'): Promise<T> {
  return (await createValidationPipe().transform(body, { type, metatype })) as T;
}

async function problemsOf(metatype: new () => unknown, body: unknown, type: 'body' | 'query' = 'body') {
  try {
    await validate(metatype, body, type);
  } catch (err) {
    expect(err).toBeInstanceOf(BadRequestException);
    return ((err as BadRequestException).getResponse() as { errors: Problem[] }).errors;
  }
  throw new Error('expected a validation error');
}

describe('RegisterEnterpriseDto', () => {
  it('accepts a valid body, normalising the credit code and the section letter', async () => {
    const code = makeCreditCode('dto-1');
    const dto = await validate(
      RegisterEnterpriseDto,
      makeEnterpriseInput({ creditCode: ` ${code.slice(0, 9).toLowerCase()}-${code.slice(9)} `, industrySection: 'c' }),
    );
    expect(dto.creditCode).toBe(code);
    expect(dto.industrySection).toBe('C');
  });

  it.each([
    ['a wrong check character', (c: string) => withWrongCheckCharacter(c), '校验码不正确'],
    ['a wrong length', (c: string) => c.slice(0, 17), '长度必须为 18 位'],
    ['a letter not in the set', (c: string) => `${c.slice(0, 10)}I${c.slice(11)}`, '含有不允许的字符'],
    ['letters in the region part', (c: string) => `91AB${c.slice(4)}`, '第 3–8 位'],
  ])('refuses a credit code with %s, naming creditCode and the reason', async (_name, spoil, reason) => {
    const problems = await problemsOf(
      RegisterEnterpriseDto,
      makeEnterpriseInput({ creditCode: spoil(makeCreditCode('x')) }),
    );
    expect(problems).toEqual([expect.objectContaining({ field: 'creditCode', constraint: 'isCreditCode' })]);
    expect(problems[0].problem).toContain(reason);
    expect(problems[0].problem).toMatch(/^统一社会信用代码/);
  });

  it.each([
    ['regionCode', { regionCode: '999999' }, /不在现行行政区划代码表中/],
    ['regionCode', { regionCode: '3301' }, /6 位数字/],
    [
      'industryDivision',
      { industrySection: 'I', industryDivision: '39' },
      /大类 39 不属于门类 I（信息传输、软件和信息技术服务业，大类 63–65）/,
    ],
    ['industryDivision', { industryDivision: '3' }, /2 位数字/],
    ['industrySection', { industrySection: 'Z' }, /A–T/],
    ['size', { size: 'huge' }, /large（大型）/],
    ['name', { name: undefined }, /企业名称不能为空|必须是字符串/],
    ['name', { name: '   ' }, /企业名称不能为空/],
    ['name', { name: '企'.repeat(101) }, /长度不能超过 100/],
    ['contact.phone', { contact: { name: '张三', phone: '12345', email: 'a@b.cn' } }, /手机号/],
    ['contact.email', { contact: { name: '张三', phone: '13812341234', email: 'nope' } }, /电子邮箱格式不正确/],
    ['contact.name', { contact: { name: '', phone: '13812341234', email: 'a@example.com' } }, /联系人姓名不能为空/],
    ['contact', { contact: undefined }, /联系人必填/],
    ['integrationCertified', { integrationCertified: 'yes' }, /true 或 false/],
    ['status', { status: 'verified' }, /不是可接受的字段/],
  ])('names %s for %j', async (field, overrides, problem) => {
    const problems = await problemsOf(RegisterEnterpriseDto, makeEnterpriseInput(overrides));
    const mine = problems.filter((p) => p.field === field);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.map((p) => p.problem).join(' ')).toMatch(problem);
  });

  it('reports only the section when the section itself is unknown', async () => {
    const problems = await problemsOf(
      RegisterEnterpriseDto,
      makeEnterpriseInput({ industrySection: 'Z', industryDivision: '39' }),
    );
    expect(problems.map((p) => p.field)).toEqual(['industrySection']);
  });

  it('accepts landlines', async () => {
    for (const phone of ['0571-88123456', '01088123456', '010-1234567']) {
      await expect(
        validate(
          RegisterEnterpriseDto,
          makeEnterpriseInput({ contact: { name: '张三', phone, email: 'a@example.com' } }),
        ),
      ).resolves.toBeInstanceOf(RegisterEnterpriseDto);
    }
  });
});

describe('UpdateEnterpriseDto', () => {
  it('accepts an empty or partial body', async () => {
    await expect(validate(UpdateEnterpriseDto, {})).resolves.toBeInstanceOf(UpdateEnterpriseDto);
    const dto = await validate(UpdateEnterpriseDto, { contact: { phone: '0571-88123456' } });
    expect(dto.contact?.phone).toBe('0571-88123456');
  });

  it('refuses a credit code with its own message', async () => {
    const problems = await problemsOf(UpdateEnterpriseDto, { creditCode: makeCreditCode('y') });
    expect(problems).toEqual([expect.objectContaining({ field: 'creditCode', constraint: 'immutable' })]);
    expect(problems[0].problem).toMatch(/注册后不可修改/);
  });

  it('refuses null for a required field instead of ignoring it', async () => {
    const problems = await problemsOf(UpdateEnterpriseDto, { name: null });
    expect(problems.map((p) => p.field)).toContain('name');
  });

  it('checks a section and division sent together', async () => {
    const problems = await problemsOf(UpdateEnterpriseDto, { industrySection: 'A', industryDivision: '65' });
    expect(problems.map((p) => p.field)).toEqual(['industryDivision']);
  });
});

describe('DecideVerificationDto and SuspendEnterpriseDto', () => {
  it('requires a reason to reject but not to verify', async () => {
    await expect(validate(DecideVerificationDto, { decision: 'verified' })).resolves.toBeDefined();
    const problems = await problemsOf(DecideVerificationDto, { decision: 'rejected' });
    expect(problems.map((p) => p.field)).toContain('reason');
    expect(problems.map((p) => p.problem).join()).toMatch(/驳回时必须填写原因/);
  });

  it('refuses an unknown decision', async () => {
    const problems = await problemsOf(DecideVerificationDto, { decision: 'maybe' });
    expect(problems).toEqual([expect.objectContaining({ field: 'decision' })]);
  });

  it('requires a suspension reason', async () => {
    const problems = await problemsOf(SuspendEnterpriseDto, { reason: ' ' });
    expect(problems).toEqual([expect.objectContaining({ field: 'reason', problem: '暂停时必须填写原因' })]);
  });
});

describe('ListEnterprisesQueryDto', () => {
  it('converts limit and accepts region prefixes', async () => {
    const dto = await validate(
      ListEnterprisesQueryDto,
      { limit: '5', regionCode: '3301', industrySection: 'c' },
      'query',
    );
    expect(dto).toMatchObject({ limit: 5, regionCode: '3301', industrySection: 'C' });
  });

  it.each([
    ['limit', { limit: '0' }],
    ['limit', { limit: '101' }],
    ['limit', { limit: 'ten' }],
    ['regionCode', { regionCode: '330' }],
    ['status', { status: 'deleted' }],
  ])('names %s for %j', async (field, query) => {
    const problems = await problemsOf(ListEnterprisesQueryDto, query, 'query');
    expect(problems.map((p) => p.field)).toContain(field);
  });
});
