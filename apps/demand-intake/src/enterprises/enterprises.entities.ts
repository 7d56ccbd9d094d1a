import { EnterpriseEntity } from './enterprise.entity.js';

/** Entities of the enterprises context, for the data source's explicit list. */
export const ENTERPRISE_ENTITIES: Function[] = [EnterpriseEntity];
