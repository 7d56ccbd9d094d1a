import type { ServiceDatabaseSpec } from '#runtime';
import { MessagingTables1732320000001 } from './migrations/1732320000001-messaging-tables.js';

/** The graduate-profiles schema: its entities and migrations, listed explicitly. */
export const GraduateProfilesDatabase: ServiceDatabaseSpec = {
  schema: 'graduate-profiles',
  entities: [],
  migrations: [MessagingTables1732320000001],
};
