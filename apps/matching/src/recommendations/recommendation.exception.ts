import { AppException, NotFoundAppException } from '#runtime';
import type { CandidateStatus } from '#contracts';
import { CANDIDATE_STATUS_LABELS, type PipelineAction, type PipelineActor } from './recommendation-lifecycle.js';

export class RecommendationNotFoundException extends NotFoundAppException {
  constructor(id: string) {
    super('推荐记录', id);
  }
}

export class InvalidPipelineMoveException extends AppException {
  constructor(status: CandidateStatus, action: PipelineAction, allowedActions: PipelineAction[]) {
    super(
      'invalid_transition',
      409,
      `当前状态“${CANDIDATE_STATUS_LABELS[status]}”不能执行 ${action}` +
        (allowedActions.length ? `，可执行：${allowedActions.join('、')}` : '，该推荐已结束'),
      { status, action, allowedActions },
    );
  }
}

export class PipelineActorForbiddenException extends AppException {
  constructor(action: PipelineAction, allowedActors: readonly PipelineActor[]) {
    const who = allowedActors.map((a) => ({ enterprise: '企业', graduate: '毕业生', platform: '平台' })[a]).join('、');
    super('role_forbidden', 403, `${action} 只能由${who}执行`, { action, allowedActors });
  }
}

export class AlreadyHiredException extends AppException {
  constructor() {
    super('graduate_already_hired', 409, '该毕业生已被录用，需先撤回原录用才能再次录用');
  }
}
