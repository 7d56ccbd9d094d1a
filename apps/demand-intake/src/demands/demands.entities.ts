import { DemandEntity, DemandHireEntity } from './demand.entity.js';

/** Entities of the demands context, for the data source's explicit list. */
export const DEMAND_ENTITIES: Function[] = [DemandEntity, DemandHireEntity];
