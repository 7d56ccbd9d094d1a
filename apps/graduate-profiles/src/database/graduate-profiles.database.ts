import type { ServiceDatabaseSpec } from '#runtime';
import { COLLEGE_ENTITIES } from '../colleges/colleges.entities.js';
import { DESTINATION_ENTITIES } from '../destinations/destinations.entities.js';
import { GRADUATE_IMPORT_ENTITIES } from '../graduate-imports/graduate-imports.entities.js';
import { GRADUATE_ENTITIES } from '../graduates/graduates.entities.js';
import { MessagingTables1732320000001 } from './migrations/1732320000001-messaging-tables.js';
import { CollegesAndGraduates1732500000000 } from './migrations/1732500000000-colleges-and-graduates.js';
import { Destinations1732500001000 } from './migrations/1732500001000-destinations.js';
import { GraduateImports1732500002000 } from './migrations/1732500002000-graduate-imports.js';
import { ErasedStudentNumbers1732500004000 } from './migrations/1732500004000-erased-student-numbers.js';

/** The graduate-profiles schema: its entities and migrations, listed explicitly. */
export const GraduateProfilesDatabase: ServiceDatabaseSpec = {
  schema: 'graduate-profiles',
  entities: [...COLLEGE_ENTITIES, ...GRADUATE_ENTITIES, ...GRADUATE_IMPORT_ENTITIES, ...DESTINATION_ENTITIES],
  migrations: [
    MessagingTables1732320000001,
    CollegesAndGraduates1732500000000,
    Destinations1732500001000,
    GraduateImports1732500002000,
    ErasedStudentNumbers1732500004000,
  ],
};
