import { AppException, NotFoundAppException } from '#runtime';
import type { DestinationStatus } from '#contracts';

export type DestinationErrorCode =
  'destination_registration_locked' | 'destination_superseded' | 'destination_already_decided';

/** Errors of the destinations context besides not_found and validation_failed. */
export class DestinationException extends AppException {
  constructor(code: DestinationErrorCode, status: number, message: string, details: Record<string, unknown> = {}) {
    super(code, status, message, details);
  }

  static locked(graduationYear: number, deadline: string): DestinationException {
    return new DestinationException(
      'destination_registration_locked',
      409,
      `${graduationYear} 届毕业去向登记已于 ${deadline}（北京时间）截止，不能再登记或审核`,
      { graduationYear, deadline },
    );
  }

  static superseded(destinationId: string, currentId: string): DestinationException {
    return new DestinationException('destination_superseded', 409, '该毕业生已有更新的去向登记，请审核最新的一条', {
      destinationId,
      currentDestinationId: currentId,
    });
  }

  static alreadyDecided(status: DestinationStatus): DestinationException {
    return new DestinationException(
      'destination_already_decided',
      409,
      status === 'returned'
        ? '该登记已被退回，需由毕业生或院校重新登记'
        : '该登记已审核确认；如有问题可退回（须填写理由）',
      { status, field: 'decision' },
    );
  }
}

/** Unknown id, an erased graduate's, or another college's: the same 404. */
export class DestinationNotFoundException extends NotFoundAppException {
  constructor(id: string) {
    super('毕业去向登记', id);
  }
}

export class DestinationGraduateNotFoundException extends NotFoundAppException {
  constructor(id: string) {
    super('毕业生', id);
  }
}
