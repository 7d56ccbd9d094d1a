import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

export interface FieldProblem {
  field: string;
  problem: string;
}

function collect(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((problem) => ({ field, problem }));
    return [...own, ...collect(e.children ?? [], field)];
  });
}

/**
 * Request validation for every route: unknown fields are refused, and the 400 body names each
 * field with its problem so a person can fix the request.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const problems = collect(errors);
      return new BadRequestException({
        statusCode: 400,
        code: 'validation_failed',
        message: `请求参数有误：${problems.map((p) => `${p.field} ${p.problem}`).join('；')}`,
        errors: problems,
      });
    },
  });
}
