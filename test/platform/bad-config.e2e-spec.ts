import { createTestDatabase, ServiceProcess, uniqueTopicPrefix, type TestDatabase } from '#testing';
import { readFileSync } from 'node:fs';

describe('start-up configuration', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('badconfig');
  });

  afterAll(async () => {
    await db?.drop();
  });

  it.each([
    ['KAFKA_BROKERS', 'not a broker list', /KAFKA_BROKERS: must be a comma-separated list of host:port/],
    ['PORT', 'eighty', /PORT: .*integer/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL: must be a postgres:\/\/ connection URL/],
    ['KAFKA_PRODUCER_ACKS', '1', /KAFKA_PRODUCER_ACKS: must be "all"/],
    ['KAFKA_PRODUCER_IDEMPOTENT', 'false', /Kafka producer must be idempotent \(KAFKA_PRODUCER_IDEMPOTENT=true\)/],
    [
      'KAFKA_CONSUMER_GROUP',
      'talent-bridge.notifications',
      /shared with service "notifications"|must name its service/,
    ],
  ])('refuses to start with a bad %s and names it', async (variable, value, message) => {
    const proc = new ServiceProcess({
      service: 'matching',
      databaseUrl: db.url,
      topicPrefix: uniqueTopicPrefix('badcfg'),
    });
    await proc.start({ [variable]: value }, { waitHealthy: false });
    const code = await proc.exited();
    await proc.stop();
    expect(code).toBe(1);
    expect(readFileSync(proc.logFile, 'utf8')).toMatch(message);
  });
});
