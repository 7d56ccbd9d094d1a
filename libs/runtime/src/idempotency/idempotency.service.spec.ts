import { Logger } from '@nestjs/common';
import type {
  IdempotencyRecord,
  IdempotencyRepository,
  IdempotentRequest,
  StoredResponse,
} from './idempotency.repository.js';
import { IdempotencyService, isReplayableFailure } from './idempotency.service.js';

interface Row {
  fingerprint: string;
  status: 'in_flight' | 'completed';
  leaseToken: string;
  response: StoredResponse | null;
  leaseExpired: boolean;
  expired: boolean;
}

/** In-memory stand-in with the repository's contract (claim takes expired or abandoned rows). */
class FakeRepository {
  readonly rows = new Map<string, Row>();

  async claim(request: IdempotentRequest, leaseToken: string): Promise<boolean> {
    const id = `${request.scope}|${request.key}`;
    const row = this.rows.get(id);
    const takeable =
      !row ||
      row.expired ||
      (row.status === 'in_flight' && row.leaseExpired && row.fingerprint === request.fingerprint);
    if (!takeable) return false;
    this.rows.set(id, {
      fingerprint: request.fingerprint,
      status: 'in_flight',
      leaseToken,
      response: null,
      leaseExpired: false,
      expired: false,
    });
    return true;
  }

  async find(scope: string, key: string): Promise<IdempotencyRecord | undefined> {
    return this.rows.get(`${scope}|${key}`);
  }

  async complete(scope: string, key: string, leaseToken: string, response: StoredResponse): Promise<boolean> {
    const row = this.rows.get(`${scope}|${key}`);
    if (row?.leaseToken !== leaseToken) return false;
    Object.assign(row, { status: 'completed', response });
    return true;
  }

  async release(scope: string, key: string, leaseToken: string): Promise<boolean> {
    const id = `${scope}|${key}`;
    if (this.rows.get(id)?.leaseToken !== leaseToken) return false;
    return this.rows.delete(id);
  }

  async deleteExpired(): Promise<number> {
    return 0;
  }
}

const req = (fingerprint = 'f1'): IdempotentRequest => ({
  scope: '["org-a","u1"]',
  key: 'k1',
  method: 'POST',
  path: '/things',
  fingerprint,
});

function setup() {
  const repository = new FakeRepository();
  const service = new IdempotencyService(repository as unknown as IdempotencyRepository);
  return { repository, service };
}

describe('IdempotencyService', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('lets the first request run, then replays what it stored', async () => {
    const { service } = setup();
    const first = await service.begin(req());
    if (first.kind !== 'proceed') throw new Error(`expected proceed, got ${first.kind}`);
    const response = { status: 201, body: { id: 7 }, headers: { location: '/things/7' } };
    await service.succeed(first.attempt, response);
    expect(await service.begin(req())).toEqual({ kind: 'replay', response });
  });

  it('refuses another request under the same key, and a retry while the first runs', async () => {
    const { service } = setup();
    expect((await service.begin(req())).kind).toBe('proceed');
    expect(await service.begin(req())).toEqual({ kind: 'in_flight' });
    expect(await service.begin(req('f2'))).toEqual({ kind: 'reused' });
  });

  it('keeps a 4xx for replay and frees the key after a 5xx or an unknown error', async () => {
    const { service, repository } = setup();
    const first = await service.begin(req());
    if (first.kind !== 'proceed') throw new Error('expected proceed');
    await service.fail(first.attempt, { status: 500, body: {}, headers: {} });
    expect(repository.rows.size).toBe(0);

    const second = await service.begin(req());
    if (second.kind !== 'proceed') throw new Error('expected proceed');
    await service.fail(second.attempt, undefined);
    expect(repository.rows.size).toBe(0);

    const third = await service.begin(req());
    if (third.kind !== 'proceed') throw new Error('expected proceed');
    const bad = { status: 400, body: { code: 'validation_failed' }, headers: {} };
    await service.fail(third.attempt, bad);
    expect(await service.begin(req())).toEqual({ kind: 'replay', response: bad });
  });

  it('lets a retry take over an abandoned lease, and the late first attempt cannot overwrite it', async () => {
    const { service, repository } = setup();
    const first = await service.begin(req());
    if (first.kind !== 'proceed') throw new Error('expected proceed');
    repository.rows.get('["org-a","u1"]|k1')!.leaseExpired = true;
    const retry = await service.begin(req());
    expect(retry.kind).toBe('proceed');
    await service.succeed(first.attempt, { status: 201, body: { id: 1 }, headers: {} });
    expect(repository.rows.get('["org-a","u1"]|k1')!.status).toBe('in_flight');
  });

  it('treats an expired row as absent, whatever it held', async () => {
    const { service, repository } = setup();
    const first = await service.begin(req());
    if (first.kind !== 'proceed') throw new Error('expected proceed');
    await service.succeed(first.attempt, { status: 201, body: { id: 1 }, headers: {} });
    repository.rows.get('["org-a","u1"]|k1')!.expired = true;
    expect((await service.begin(req('other'))).kind).toBe('proceed');
  });
});

describe('isReplayableFailure', () => {
  it('keeps client errors except "try again later" ones', () => {
    expect([400, 403, 404, 409, 422].every(isReplayableFailure)).toBe(true);
    expect([408, 425, 429, 500, 503, 201].some(isReplayableFailure)).toBe(false);
  });
});
