/** What the other contexts of demand-intake may use from the enterprises context. */
export { EnterprisesModule } from './enterprises.module.js';
export { EnterprisesRepository } from './enterprises.repository.js';
export { EnterpriseEntity } from './enterprise.entity.js';
export {
  EnterpriseLifecycleHooks,
  type EnterpriseLifecycleChange,
  type EnterpriseLifecycleListener,
} from './enterprise-lifecycle.hooks.js';
export { toSnapshot } from './enterprise.mapper.js';
export { EnterpriseNotFoundException } from './enterprise.exception.js';
