import { ImportJobEntity, ImportJobErrorEntity } from './import-job.entity.js';

/** Entities of this context, for the data source's explicit list. */
export const GRADUATE_IMPORT_ENTITIES: Function[] = [ImportJobEntity, ImportJobErrorEntity];
