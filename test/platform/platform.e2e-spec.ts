import { SERVICE_NAMES } from '#contracts';
import {
  bearer,
  canaryReceipts,
  expectEventually,
  sendCanaries,
  startPlatform,
  tokenFor,
  type TestPlatform,
} from '#testing';

describe('the platform: four services on real PostgreSQL and Kafka', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startPlatform('platform', [...SERVICE_NAMES]);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it.each(SERVICE_NAMES)('%s reports database, Kafka and its consumer up on /health', async (name) => {
    const res = await platform.service(name).request('/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; details: Record<string, { status: string }> };
    expect(body.status).toBe('ok');
    expect(body.details.database.status).toBe('up');
    expect(body.details.kafka.status).toBe('up');
    expect(body.details.consumer.status).toBe('up');
  });

  it.each(SERVICE_NAMES)('%s serves its OpenAPI document publicly', async (name) => {
    const res = await platform.service(name).request('/docs-json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health', '/platform/canaries']));
  });

  it('migrated each service into its own schema with its own migrations table', async () => {
    const { withClient } = await import('#testing');
    const rows = await withClient(
      platform.db.url,
      async (c) =>
        (await c.query(`SELECT table_schema FROM information_schema.tables WHERE table_name = 'migrations' ORDER BY 1`))
          .rows,
    );
    expect(rows.map((r: { table_schema: string }) => r.table_schema)).toEqual([...SERVICE_NAMES].sort());
  });

  it('rejects a request without a valid token with 401 and a wrong role with 403', async () => {
    const di = platform.service('demand-intake');
    const path = '/platform/canaries/receipts?producer=matching&streamKey=x';

    const none = await di.request(path);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ code: 'token_missing' });

    const forged = await di.request(path, {
      headers: { authorization: `Bearer ${tokenFor('platform_admin').slice(0, -4)}abcd` },
    });
    expect(forged.status).toBe(401);

    const wrongRole = await di.request(path, { headers: bearer('enterprise', 'ent-1') });
    expect(wrongRole.status).toBe(403);
    expect(await wrongRole.json()).toMatchObject({ code: 'role_forbidden' });

    const admin = await di.request(path, { headers: bearer('platform_admin') });
    expect(admin.status).toBe(200);

    // The access log records these requests with the authorization header redacted.
    const { readFileSync } = await import('node:fs');
    await expectEventually(() => {
      const log = readFileSync(di.logFile, 'utf8');
      expect(log).toMatch(/"authorization":"\[redacted\]"/);
      expect(log).not.toMatch(/Bearer ey/);
    });
  });

  it('rejects an invalid body with 400 naming the field', async () => {
    const res = await platform.service('demand-intake').request('/platform/canaries', {
      method: 'POST',
      headers: bearer('platform_admin'),
      json: { streamKey: 'k', fromSequence: 0, count: 1 },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { field: string }[] };
    expect(body.errors.map((e) => e.field)).toContain('fromSequence');
  });

  it('carries an event from one service through its outbox to every other service', async () => {
    const res = await sendCanaries(platform.service('graduate-profiles'), 'round-trip', 1, 5);
    expect(res.status).toBe(202);
    for (const name of SERVICE_NAMES) {
      await expectEventually(async () => {
        const summary = await canaryReceipts(platform.service(name), 'graduate-profiles', 'round-trip');
        expect(summary).toMatchObject({ received: 5, distinctSequences: 5, outOfOrder: 0 });
      });
    }
  });
});
