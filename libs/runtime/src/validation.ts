import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `skills.0.weight`. */
  field: string;
  /** What is wrong, in Chinese, for the person fixing the request. */
  problem: string;
  /** The validator's rule name, for clients that map errors themselves. */
  constraint: string;
  /** The validator's own (English) message. */
  detail: string;
}

const lastNumber = (message: string) => /(-?\d+(\.\d+)?)\D*$/.exec(message)?.[1] ?? '';

/** Chinese wording for the rules our DTOs use; a DTO's own message wins when it sets one. */
const CHINESE: Record<string, (detail: string) => string> = {
  whitelistValidation: () => '不是可接受的字段',
  isDefined: () => '必填',
  isNotEmpty: () => '不能为空',
  isString: () => '必须是字符串',
  isInt: () => '必须是整数',
  isNumber: () => '必须是数字',
  isBoolean: () => '必须是 true 或 false',
  isArray: () => '必须是数组',
  arrayNotEmpty: () => '不能为空数组',
  isUuid: () => '必须是 UUID',
  isEmail: () => '必须是有效的电子邮箱地址',
  isIso8601: () => '必须是 ISO 8601 日期时间',
  isDateString: () => '必须是 ISO 8601 日期',
  matches: () => '格式不正确',
  min: (d) => `不能小于 ${lastNumber(d)}`,
  max: (d) => `不能大于 ${lastNumber(d)}`,
  minLength: (d) => `长度不能少于 ${lastNumber(d)}`,
  maxLength: (d) => `长度不能超过 ${lastNumber(d)}`,
  arrayMinSize: (d) => `至少需要 ${lastNumber(d)} 项`,
  arrayMaxSize: (d) => `最多 ${lastNumber(d)} 项`,
  isIn: (d) => `取值必须是以下之一：${d.split(': ').slice(1).join(': ')}`,
  isEnum: (d) => `取值必须是以下之一：${d.split(': ').slice(1).join(': ')}`,
};

/** A DTO message written in Chinese is used as it is; otherwise the rule's Chinese wording. */
function chineseProblem(constraint: string, detail: string): string {
  if (/[\u4e00-\u9fff]/.test(detail)) return detail;
  return CHINESE[constraint]?.(detail) ?? detail;
}

function collect(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([constraint, detail]) => ({
      field,
      problem: chineseProblem(constraint, detail),
      constraint,
      detail,
    }));
    return [...own, ...collect(e.children ?? [], field)];
  });
}

/** The same 400 body as the validation pipe, for rules checked in a use case. */
export function validationFailed(problems: FieldProblem[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    code: 'validation_failed',
    message: `请求参数有误：${problems.map((p) => `${p.field} ${p.problem}`).join('；')}`,
    errors: problems,
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
    exceptionFactory: (errors) => validationFailed(collect(errors)),
  });
}
