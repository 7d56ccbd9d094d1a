import { ENTERPRISE_STATUS_LABELS, type EnterpriseStatus } from '#contracts';
import { AppException, NotFoundAppException } from '#runtime';
import {
  ENTERPRISE_ACTION_LABELS,
  type EnterpriseAction,
  type EnterpriseTransition,
} from './enterprise-transitions.js';

/** Every error code the enterprises context sends to clients. */
export type EnterpriseErrorCode =
  'enterprise_already_registered' | 'credit_code_taken' | 'invalid_enterprise_transition' | 'validation_failed';

/** Base of the enterprises context's errors: a stable string code mapped to an HTTP status. */
export class EnterpriseException extends AppException {
  constructor(code: EnterpriseErrorCode, status: number, message: string, details: Record<string, unknown> = {}) {
    super(code, status, message, details);
  }
}

/** An enterprise user registers its organisation a second time. */
export class EnterpriseAlreadyRegisteredException extends EnterpriseException {
  constructor(id: string) {
    super('enterprise_already_registered', 409, '本企业已完成注册，如需修改信息请使用更新接口', { id });
  }
}

/** Another enterprise is registered under this 统一社会信用代码. */
export class CreditCodeTakenException extends EnterpriseException {
  constructor(creditCode: string) {
    super('credit_code_taken', 409, `统一社会信用代码 ${creditCode} 已被其他企业注册`, { field: 'creditCode' });
  }
}

/** The requested status change is not open from the current status. */
export class InvalidEnterpriseTransitionException extends EnterpriseException {
  constructor(current: EnterpriseStatus, action: EnterpriseAction, allowed: EnterpriseTransition[]) {
    const open = allowed.map((t) => ENTERPRISE_ACTION_LABELS[t.action]).join('、') || '无';
    super(
      'invalid_enterprise_transition',
      409,
      `企业当前状态为「${ENTERPRISE_STATUS_LABELS[current]}」，不能${ENTERPRISE_ACTION_LABELS[action]}；当前可执行：${open}`,
      { field: 'status', currentStatus: current, requestedAction: action, allowedTransitions: allowed },
    );
  }
}

/**
 * A field rule that needs the stored enterprise (e.g. a new 大类 against the stored 门类): the same
 * 400 body as the validation pipe, so clients read one format.
 */
export class EnterpriseFieldException extends EnterpriseException {
  constructor(field: string, problem: string, constraint: string) {
    super('validation_failed', 400, `请求参数有误：${field} ${problem}`, {
      errors: [{ field, problem, constraint, detail: problem }],
    });
  }
}

/** Unknown id, or an id the caller may not know exists (tenant isolation): always the same 404. */
export class EnterpriseNotFoundException extends NotFoundAppException {
  constructor(id: string) {
    super('企业', id);
  }
}
