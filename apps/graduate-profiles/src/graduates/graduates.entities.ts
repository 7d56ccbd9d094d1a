import { GraduateEntity } from './graduate.entity.js';

/** Entities of the graduates context, for the data source's explicit list. */
export const GRADUATE_ENTITIES: Function[] = [GraduateEntity];
