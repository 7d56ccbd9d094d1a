import type { ServiceName } from '#contracts';
import { createTestDatabase, type TestDatabase } from './database.js';
import { uniqueTopicPrefix } from './kafka.js';
import { bearer } from './keys.js';
import { ServiceProcess } from './service-process.js';
import { testEnvironment } from './test-environment.js';

export interface TestPlatform {
  db: TestDatabase;
  topicPrefix: string;
  services: Partial<Record<ServiceName, ServiceProcess>>;
  service(name: ServiceName): ServiceProcess;
  stop(): Promise<void>;
}

/**
 * Starts the named services as processes on one fresh database and one topic prefix,
 * as they would run together, and tears them down after the test file.
 */
export async function startPlatform(
  label: string,
  names: ServiceName[],
  env: Partial<Record<ServiceName, Record<string, string>>> = {},
): Promise<TestPlatform> {
  const db = await createTestDatabase(label);
  const topicPrefix = uniqueTopicPrefix(label);
  const services: Partial<Record<ServiceName, ServiceProcess>> = {};
  for (const name of names) {
    services[name] = new ServiceProcess({ service: name, databaseUrl: db.url, topicPrefix, env: env[name] });
  }
  try {
    // Sequential start: each service creates the topics and its schema; no race to prove here.
    for (const name of names) await services[name]!.start();
  } catch (err) {
    for (const s of Object.values(services)) await s.stop();
    await db.drop();
    throw err;
  }
  return {
    db,
    topicPrefix,
    services,
    service(name) {
      const s = services[name];
      if (!s) throw new Error(`${name} is not part of this test platform`);
      return s;
    },
    async stop() {
      await Promise.all(Object.values(services).map((s) => s.stop()));
      // TEST_KEEP_DB=1 keeps the database for a look after a failure.
      if (testEnvironment.TEST_KEEP_DB) process.stderr.write(`kept test database ${db.name}\n`);
      else await db.drop();
    },
  };
}

export interface CanarySummary {
  received: number;
  distinctSequences: number;
  minSequence: number | null;
  maxSequence: number | null;
  outOfOrder: number;
}

/** Writes canaries through a service's outbox (one transaction per call). */
export async function sendCanaries(
  from: ServiceProcess,
  streamKey: string,
  fromSequence: number,
  count: number,
): Promise<Response> {
  return from.request('/platform/canaries', {
    method: 'POST',
    headers: bearer('platform_admin'),
    json: { streamKey, fromSequence, count },
  });
}

export async function canaryReceipts(
  at: ServiceProcess,
  producer: ServiceName,
  streamKey: string,
): Promise<CanarySummary> {
  const res = await at.request(
    `/platform/canaries/receipts?producer=${producer}&streamKey=${encodeURIComponent(streamKey)}`,
    { headers: bearer('platform_admin') },
  );
  if (res.status !== 200) throw new Error(`receipts: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as CanarySummary;
}
