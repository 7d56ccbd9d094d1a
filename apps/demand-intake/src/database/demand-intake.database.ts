import type { ServiceDatabaseSpec } from '#runtime';
import { ENTERPRISE_ENTITIES } from '../enterprises/enterprises.entities.js';
import { DEMAND_ENTITIES } from '../demands/demands.entities.js';
import { MessagingTables1732320000000 } from './migrations/1732320000000-messaging-tables.js';
import { Enterprises1732400000000 } from './migrations/1732400000000-enterprises.js';
import { Demands1732400001000 } from './migrations/1732400001000-demands.js';
import { IdempotencyKeys1732400002000 } from './migrations/1732400002000-idempotency-keys.js';
import { PostingReports1732400003000 } from './migrations/1732400003000-posting-reports.js';
import { PostingReportEntity } from '../posting-reports/posting-report.entity.js';

/** The demand-intake schema: its entities and migrations, listed explicitly. */
export const DemandIntakeDatabase: ServiceDatabaseSpec = {
  schema: 'demand-intake',
  entities: [...ENTERPRISE_ENTITIES, ...DEMAND_ENTITIES, PostingReportEntity],
  migrations: [
    MessagingTables1732320000000,
    Enterprises1732400000000,
    Demands1732400001000,
    IdempotencyKeys1732400002000,
    PostingReports1732400003000,
  ],
};
