import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SERVICE_NAMES } from '#contracts';
import { freePort, repoRoot, TEST_PG_ADMIN_URL, withClient } from '#testing';

const run = promisify(execFile);

describe('npm start (deploy/start.sh)', () => {
  const dbName = `tb_test_start_${Date.now()}`;
  const runDir = mkdtempSync(join(tmpdir(), 'tb-start-'));
  let portBase = 0;
  const env = () => ({
    ...process.env,
    TB_PORT_BASE: String(portBase),
    TB_DB_NAME: dbName,
    TB_RUN_DIR: runDir,
    CI: 'true',
  });

  beforeAll(async () => {
    // Four free ports in a row above a free one.
    portBase = (await freePort()) - 1;
  });

  afterAll(async () => {
    await run('bash', [join(repoRoot(), 'deploy/stop.sh'), '--services-only'], { env: env() }).catch(() => undefined);
    await withClient(TEST_PG_ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
  });

  it('brings up Kafka, the database and all four services, each healthy, and prints a token per role', async () => {
    const { stdout } = await run('bash', [join(repoRoot(), 'deploy/start.sh'), '--detach'], {
      env: env(),
      timeout: 240_000,
      maxBuffer: 10 * 1024 * 1024,
    });
    for (const role of ['platform_admin', 'organizer', 'enterprise', 'college', 'graduate']) {
      expect(stdout).toMatch(new RegExp(`${role}\\s+eyJ`));
    }
    for (const [i, name] of SERVICE_NAMES.entries()) {
      const res = await fetch(`http://127.0.0.1:${portBase + 1 + i}/health`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { status: string; details: Record<string, { status: string }> };
      expect({ name, status: body.status, db: body.details.database.status, kafka: body.details.kafka.status }).toEqual(
        {
          name,
          status: 'ok',
          db: 'up',
          kafka: 'up',
        },
      );
    }
    // Running it again starts nothing twice.
    const again = await run('bash', [join(repoRoot(), 'deploy/start.sh'), '--detach'], {
      env: env(),
      timeout: 240_000,
      maxBuffer: 10 * 1024 * 1024,
    });
    expect(again.stderr).toMatch(/already running/);
  });
});
