import type { ServiceDatabaseSpec } from '#runtime';
import { MessagingTables1732320000002 } from './migrations/1732320000002-messaging-tables.js';
import { ReadModel1732600000000 } from './migrations/1732600000000-read-model.js';
import { Recommendations1732600001000 } from './migrations/1732600001000-recommendations.js';
import { PendingEvaluations1732600002000 } from './migrations/1732600002000-pending-evaluations.js';

/** The matching schema: its entities and migrations, listed explicitly. */
export const MatchingDatabase: ServiceDatabaseSpec = {
  schema: 'matching',
  entities: [],
  migrations: [
    MessagingTables1732320000002,
    ReadModel1732600000000,
    Recommendations1732600001000,
    PendingEvaluations1732600002000,
  ],
};
