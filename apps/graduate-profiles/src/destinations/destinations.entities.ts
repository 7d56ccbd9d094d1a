import { DestinationAuditEntity, DestinationEntity, EnterpriseNameEntity } from './destination.entity.js';

/** Entities of this context, for the data source's explicit list. */
export const DESTINATION_ENTITIES: Function[] = [DestinationEntity, DestinationAuditEntity, EnterpriseNameEntity];
