import { CollegeEntity } from './college.entity.js';

/** Entities of the colleges context, for the data source's explicit list. */
export const COLLEGE_ENTITIES: Function[] = [CollegeEntity];
