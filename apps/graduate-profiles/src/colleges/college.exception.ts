import { AppException, NotFoundAppException } from '#runtime';

/** Every error code the colleges context sends to clients (besides not_found and validation_failed). */
export type CollegeErrorCode = 'college_already_registered' | 'school_code_taken' | 'department_in_use';

export class CollegeException extends AppException {
  constructor(code: CollegeErrorCode, status: number, message: string, details: Record<string, unknown> = {}) {
    super(code, status, message, details);
  }
}

/** The college (its org id) is registered already. */
export class CollegeAlreadyRegisteredException extends CollegeException {
  constructor(id: string) {
    super('college_already_registered', 409, '本校已完成注册，如需修改信息请使用更新接口', { id, field: 'id' });
  }
}

/** Another college is registered under this 学校标识码. */
export class SchoolCodeTakenException extends CollegeException {
  constructor(schoolCode: string) {
    super('school_code_taken', 409, `学校标识码 ${schoolCode} 已被其他院校注册`, { field: 'schoolCode' });
  }
}

/** An update drops 院系 that graduate records (placement statistics included) still name. */
export class DepartmentInUseException extends CollegeException {
  constructor(departments: string[]) {
    super('department_in_use', 409, `院系“${departments.join('、')}”下仍有毕业生记录，不能从院系列表中删除`, {
      field: 'departments',
      departmentsInUse: departments,
    });
  }
}

/** Unknown id, or a college the caller may not know exists (tenant isolation): always the same 404. */
export class CollegeNotFoundException extends NotFoundAppException {
  constructor(id: string) {
    super('院校', id);
  }
}
