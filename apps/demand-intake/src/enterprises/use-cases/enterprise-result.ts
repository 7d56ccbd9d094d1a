import type { EnterpriseAudience } from '../enterprise-access.policy.js';
import type { EnterpriseEntity } from '../enterprise.entity.js';

/** What a use case hands back to the edge: the enterprise and how the caller may see it. */
export interface EnterpriseResult {
  enterprise: EnterpriseEntity;
  audience: EnterpriseAudience;
}
