import type { EntityManager } from 'typeorm';
import {
  EnterpriseLifecycleHooks,
  type EnterpriseLifecycleChange,
  type EnterpriseLifecycleListener,
} from './enterprise-lifecycle.hooks.js';

const manager = {} as EntityManager;
const change: EnterpriseLifecycleChange = {
  kind: 'suspended',
  enterprise: {
    enterpriseId: 'ent-1',
    name: '示例科技有限公司',
    creditCode: '91330106MA2B3C4D5E',
    industrySection: 'I',
    industryDivision: '65',
    regionCode: '330106',
    size: 'small',
    integrationCertified: false,
    status: 'suspended',
    version: 3,
  },
  reason: '资质过期',
  correlationId: 'c-1',
};

function recorder(log: string[], name: string, fail = false): EnterpriseLifecycleListener {
  return {
    onEnterpriseChanged: async (m, c) => {
      log.push(`${name}:${c.kind}:${m === manager}`);
      if (fail) throw new Error(`${name} failed`);
    },
  };
}

describe('EnterpriseLifecycleHooks', () => {
  it('calls listeners in order with the transaction manager, once each', async () => {
    const hooks = new EnterpriseLifecycleHooks();
    const log: string[] = [];
    const a = recorder(log, 'a');
    hooks.register(a);
    hooks.register(recorder(log, 'b'));
    hooks.register(a);
    await hooks.notify(manager, change);
    expect(log).toEqual(['a:suspended:true', 'b:suspended:true']);
  });

  it('propagates a listener failure so the transaction rolls back', async () => {
    const hooks = new EnterpriseLifecycleHooks();
    const log: string[] = [];
    hooks.register(recorder(log, 'a', true));
    hooks.register(recorder(log, 'b'));
    await expect(hooks.notify(manager, change)).rejects.toThrow('a failed');
    expect(log).toEqual(['a:suspended:true']);
  });

  it('stops calling a listener once it is removed', async () => {
    const hooks = new EnterpriseLifecycleHooks();
    const log: string[] = [];
    const remove = hooks.register(recorder(log, 'a'));
    remove();
    await hooks.notify(manager, change);
    expect(log).toEqual([]);
  });
});
