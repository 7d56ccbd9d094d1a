import { AppException, NotFoundAppException } from '#runtime';

/** Error codes of the graduates context besides not_found and validation_failed. */
export type GraduateErrorCode = 'consent_withdrawn_by_graduate' | 'college_not_registered';

export class GraduateException extends AppException {
  constructor(code: GraduateErrorCode, status: number, message: string, details: Record<string, unknown> = {}) {
    super(code, status, message, details);
  }
}

/**
 * Unknown id, an erased graduate, or one the caller may not see (another college's, an enterprise
 * not accepted): always the same 404, so nobody learns who exists.
 */
export class GraduateNotFoundException extends NotFoundAppException {
  constructor(id: string) {
    super('毕业生', id);
  }
}

/** The graduate withdrew consent themself: only they can give it again, not the college. */
export class ConsentWithdrawnByGraduateException extends GraduateException {
  constructor() {
    super(
      'consent_withdrawn_by_graduate',
      409,
      '毕业生本人已撤回推荐授权，院校不能代为重新登记同意；如本人愿意，请由毕业生本人重新授权',
      { field: 'action' },
    );
  }
}

/** A college upserts graduates before registering itself. */
export class CollegeNotRegisteredException extends GraduateException {
  constructor(collegeId: string) {
    super('college_not_registered', 409, '本校尚未注册，请先通过 POST /colleges 注册院校信息', {
      collegeId,
      field: 'collegeId',
    });
  }
}
