/** What the other contexts of graduate-profiles may use from the colleges context. */
export { CollegesModule } from './colleges.module.js';
export { CollegesRepository } from './colleges.repository.js';
export { CollegeEntity } from './college.entity.js';
export { CollegeNotFoundException } from './college.exception.js';
