import type { ServiceDatabaseSpec } from '#runtime';
import { MessagingTables1732320000000 } from './migrations/1732320000000-messaging-tables.js';

/** The demand-intake schema: its entities and migrations, listed explicitly. */
export const DemandIntakeDatabase: ServiceDatabaseSpec = {
  schema: 'demand-intake',
  entities: [],
  migrations: [MessagingTables1732320000000],
};
