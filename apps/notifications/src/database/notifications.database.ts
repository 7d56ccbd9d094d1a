import type { ServiceDatabaseSpec } from '#runtime';
import { MessagingTables1732320000003 } from './migrations/1732320000003-messaging-tables.js';

/** The notifications schema: its entities and migrations, listed explicitly. */
export const NotificationsDatabase: ServiceDatabaseSpec = {
  schema: 'notifications',
  entities: [],
  migrations: [MessagingTables1732320000003],
};
