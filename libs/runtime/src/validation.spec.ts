import { BadRequestException } from '@nestjs/common';
import { IsInt, IsString, Max, Min } from 'class-validator';
import { createValidationPipe } from './validation.js';

class SampleDto {
  @IsInt()
  @Min(1)
  @Max(1000)
  count!: number;

  @IsString({ message: '流标识必须是字符串' })
  streamKey!: string;
}

async function problemsFor(body: unknown) {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: SampleDto });
  } catch (err) {
    expect(err).toBeInstanceOf(BadRequestException);
    return (err as BadRequestException).getResponse() as {
      code: string;
      message: string;
      errors: { field: string; problem: string; constraint: string }[];
    };
  }
  throw new Error('expected a validation error');
}

describe('createValidationPipe', () => {
  it('names each bad field with a Chinese problem and the rule', async () => {
    const res = await problemsFor({ count: 0, streamKey: 5 });
    expect(res.code).toBe('validation_failed');
    expect(res.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'count', constraint: 'min', problem: '不能小于 1' }),
        expect.objectContaining({ field: 'streamKey', problem: '流标识必须是字符串' }),
      ]),
    );
    expect(res.message).toMatch(/^请求参数有误：/);
  });

  it('refuses fields the DTO does not declare', async () => {
    const res = await problemsFor({ count: 5, streamKey: 'k', extra: true });
    expect(res.errors).toEqual([
      expect.objectContaining({ field: 'extra', constraint: 'whitelistValidation', problem: '不是可接受的字段' }),
    ]);
  });

  it('converts and passes a valid body', async () => {
    const value = (await createValidationPipe().transform(
      { count: 3, streamKey: 'k' },
      { type: 'body', metatype: SampleDto },
    )) as SampleDto;
    expect(value).toBeInstanceOf(SampleDto);
    expect(value.count).toBe(3);
  });
});
