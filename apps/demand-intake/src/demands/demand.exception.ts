import { AppException } from '#runtime';
import { DEMAND_ACTION_LABELS, type DemandAction } from './demand-lifecycle.js';
import type { DemandStatus } from '#contracts';

/** Errors of the demands context, each with a stable code. */
export class DemandException extends AppException {
  static invalidTransition(from: DemandStatus, action: DemandAction, allowed: DemandAction[]): DemandException {
    const list = allowed.length ? allowed.map((a) => `${a}（${DEMAND_ACTION_LABELS[a]}）`).join('、') : '无';
    return new DemandException(
      'invalid_demand_transition',
      409,
      `状态为 ${from} 的需求不能执行“${DEMAND_ACTION_LABELS[action]}”；当前可执行：${list}`,
      { status: from, action, allowedTransitions: allowed },
    );
  }

  static notEditable(status: DemandStatus): DemandException {
    return new DemandException(
      'demand_not_editable',
      409,
      `需求已${status === 'filled' ? '招满' : '关闭'}，不能再修改`,
      {
        status,
      },
    );
  }

  static enterpriseNotRegistered(enterpriseId: string): DemandException {
    return new DemandException('enterprise_not_registered', 409, '企业尚未注册，不能发布需求', {
      field: 'enterpriseId',
      enterpriseId,
    });
  }

  static enterpriseBlocked(status: 'rejected' | 'suspended'): DemandException {
    return new DemandException(
      'enterprise_not_allowed',
      409,
      status === 'suspended' ? '企业已被暂停，不能发布或恢复需求' : '企业认证未通过，不能发布需求',
      { enterpriseStatus: status },
    );
  }

  static deadlinePassed(deadline: string): DemandException {
    return new DemandException('demand_deadline_passed', 409, `报名截止日期 ${deadline} 已过，请先修改截止日期`, {
      field: 'deadline',
    });
  }

  static immutableField(field: 'kind' | 'enterpriseId'): DemandException {
    return new DemandException('field_immutable', 400, `${field} 创建后不能修改`, {
      errors: [{ field, problem: '创建后不能修改', constraint: 'immutable', detail: 'immutable' }],
    });
  }
}
