import {
  BadRequestException,
  Body,
  Controller,
  Global,
  HttpCode,
  Injectable,
  Logger,
  Module,
  Post,
  Res,
  type CanActivate,
  type ExecutionContext,
  type INestApplication,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { InjectDataSource, TypeOrmModule } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import type { DataSource } from 'typeorm';
import { CALLER_REQUEST_KEY, type Caller } from '#auth';
import { MESSAGING_OPTIONS } from '#messaging';
import { createTestDatabase, withClient, type TestDatabase } from '#testing';
import { createValidationPipe } from '../validation.js';
import { IdempotencyModule } from './idempotency.module.js';
import { IdempotencyService } from './idempotency.service.js';
import { idempotencyTablesUp } from './idempotency.sql.js';
import { Idempotent } from './idempotent.decorator.js';

const SCHEMA = 'idem_test';

/** A promise the test resolves when it wants. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** What the test controls and observes inside the handlers. */
const control = {
  calls: { bad: 0, flaky: 0, slow: 0 },
  slowStarted: deferred(),
  slowGate: deferred(),
};

class CreateThingDto {
  @IsString()
  @MaxLength(100)
  name!: string;

  @IsOptional()
  @IsInt()
  size?: number;
}

@Controller('things')
class ThingsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Post()
  @Idempotent()
  async create(@Body() dto: CreateThingDto, @Res({ passthrough: true }) res: Response) {
    const [{ id }] = (await this.dataSource.query(`INSERT INTO ${SCHEMA}.things (name) VALUES ($1) RETURNING id`, [
      dto.name,
    ])) as { id: number }[];
    res.setHeader('Location', `/things/${id}`);
    res.setHeader('ETag', `"thing-${id}-v1"`);
    return { id };
  }

  @Post('bad')
  @Idempotent()
  bad() {
    control.calls.bad += 1;
    throw new BadRequestException({ statusCode: 400, code: 'thing_invalid', message: '物品名称已被占用' });
  }

  @Post('flaky')
  @Idempotent()
  flaky() {
    control.calls.flaky += 1;
    if (control.calls.flaky === 1) throw new Error('database went away');
    return { attempt: control.calls.flaky };
  }

  @Post('slow')
  @HttpCode(202)
  @Idempotent({ leaseMs: 30_000 })
  async slow() {
    const run = (control.calls.slow += 1);
    control.slowStarted.resolve();
    await control.slowGate.promise;
    return { run };
  }
}

/** Stands in for JwtAuthGuard: the caller comes from test headers. */
@Injectable()
class FakeCallerGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request & { [CALLER_REQUEST_KEY]?: Caller }>();
    req[CALLER_REQUEST_KEY] = {
      subject: String(req.headers['x-test-subject'] ?? 'user-1'),
      role: 'enterprise',
      orgId: String(req.headers['x-test-org'] ?? 'org-a'),
    };
    return true;
  }
}

/** In a service MessagingModule (global) provides these options. */
@Global()
@Module({
  providers: [{ provide: MESSAGING_OPTIONS, useValue: { schema: SCHEMA } }],
  exports: [MESSAGING_OPTIONS],
})
class FakeMessagingOptionsModule {}

describe('Idempotency-Key on a Nest app against PostgreSQL', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let server: App;
  let keySeq = 0;
  const newKey = () => `key-${Date.now()}-${(keySeq += 1)}`;
  const post = (path: string, key?: string, caller: { org?: string; subject?: string } = {}) => {
    const test = request(server)
      .post(path)
      .set('x-test-org', caller.org ?? 'org-a')
      .set('x-test-subject', caller.subject ?? 'user-1');
    return key === undefined ? test : test.set('Idempotency-Key', key);
  };
  const query = <T>(sql: string, params: unknown[] = []) =>
    withClient(db.url, async (client) => (await client.query(sql, params)).rows as T[]);
  const thingCount = async (name: string) =>
    (await query<{ n: number }>(`SELECT count(*)::int AS n FROM ${SCHEMA}.things WHERE name = $1`, [name]))[0].n;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    db = await createTestDatabase('idempotency');
    await withClient(db.url, async (client) => {
      await client.query(`CREATE SCHEMA ${SCHEMA}`);
      for (const sql of idempotencyTablesUp(SCHEMA)) await client.query(sql);
      await client.query(`CREATE TABLE ${SCHEMA}.things (id serial PRIMARY KEY, name text NOT NULL)`);
    });
    const moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot({ type: 'postgres', url: db.url, extra: { max: 5 } }),
        FakeMessagingOptionsModule,
        IdempotencyModule,
      ],
      controllers: [ThingsController],
      providers: [{ provide: APP_GUARD, useClass: FakeCallerGuard }],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalPipes(createValidationPipe());
    await app.init();
    server = app.getHttpServer() as App;
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('(a) replays a retried request with the same key and body: same 201, headers, one row', async () => {
    const key = newKey();
    const first = await post('/things', key).send({ name: 'a-thing', size: 2 });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: expect.any(Number) });
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    // Same body with its keys in another order: the same request.
    const retry = await post('/things', key).send({ size: 2, name: 'a-thing' });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers['location']).toBe(`/things/${first.body.id}`);
    expect(retry.headers['etag']).toBe(`"thing-${first.body.id}-v1"`);
    expect(await thingCount('a-thing')).toBe(1);

    const [row] = await query<Record<string, unknown>>(
      `SELECT scope, method, path, fingerprint, status, response_status, response_body, response_headers,
              locked_until, extract(epoch FROM expires_at - created_at)::int AS ttl_seconds
         FROM ${SCHEMA}.idempotency_keys WHERE key = $1`,
      [key],
    );
    expect(row).toMatchObject({
      scope: '["org-a","user-1"]',
      method: 'POST',
      path: '/things',
      status: 'completed',
      response_status: 201,
      response_body: first.body,
      response_headers: { location: `/things/${first.body.id}`, etag: `"thing-${first.body.id}-v1"` },
      locked_until: null,
    });
    expect(row.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(row.ttl_seconds).toBe(24 * 60 * 60);
  });

  it('(b) refuses the same key with a different body: 422 idempotency_key_reused', async () => {
    const key = newKey();
    expect((await post('/things', key).send({ name: 'b-thing' })).status).toBe(201);
    const other = await post('/things', key).send({ name: 'b-other' });
    expect(other.status).toBe(422);
    expect(other.body).toEqual({
      statusCode: 422,
      code: 'idempotency_key_reused',
      message: '同一个 Idempotency-Key 不能用于不同的请求内容',
    });
    expect(await thingCount('b-other')).toBe(0);
    // And on another path: a key is bound to one request.
    expect((await post('/things/flaky', key).send({ name: 'b-thing' })).status).toBe(422);
  });

  it("(c) keeps callers apart: another org's identical key runs the handler", async () => {
    const key = newKey();
    const mine = await post('/things', key, { org: 'org-a' }).send({ name: 'c-thing' });
    const theirs = await post('/things', key, { org: 'org-b' }).send({ name: 'c-thing' });
    const colleague = await post('/things', key, { org: 'org-a', subject: 'user-2' }).send({ name: 'c-thing' });
    expect([mine.status, theirs.status, colleague.status]).toEqual([201, 201, 201]);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(new Set([mine.body.id, theirs.body.id, colleague.body.id]).size).toBe(3);
    expect(await thingCount('c-thing')).toBe(3);
  });

  it('(d) replays a 400 from the handler as the same 400 without running it again', async () => {
    const key = newKey();
    const before = control.calls.bad;
    const first = await post('/things/bad', key).send({ x: 1 });
    expect(first.status).toBe(400);
    expect(first.body).toEqual({ statusCode: 400, code: 'thing_invalid', message: '物品名称已被占用' });
    const retry = await post('/things/bad', key).send({ x: 1 });
    expect(retry.status).toBe(400);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(control.calls.bad).toBe(before + 1);
  });

  it('(d) also keeps a validation 400, answered before the handler', async () => {
    const key = newKey();
    const first = await post('/things', key).send({ name: 42 });
    expect(first.status).toBe(400);
    expect(first.body.code).toBe('validation_failed');
    const retry = await post('/things', key).send({ name: 42 });
    expect(retry.status).toBe(400);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
  });

  it('(e) frees the key after a 500, so the retry runs the handler again', async () => {
    const key = newKey();
    const first = await post('/things/flaky', key).send({ n: 1 });
    expect(first.status).toBe(500);
    expect(await query(`SELECT 1 FROM ${SCHEMA}.idempotency_keys WHERE key = $1`, [key])).toHaveLength(0);
    const retry = await post('/things/flaky', key).send({ n: 1 });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual({ attempt: 2 });
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    const again = await post('/things/flaky', key).send({ n: 1 });
    expect(again.body).toEqual({ attempt: 2 });
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('(f) answers 409 while the first request with the key is still running', async () => {
    const key = newKey();
    control.slowStarted = deferred();
    control.slowGate = deferred();
    const callsBefore = control.calls.slow;
    const first = post('/things/slow', key)
      .send({ s: 1 })
      .then((res) => res);
    await control.slowStarted.promise;
    const [lease] = await query<{ seconds: number }>(
      `SELECT extract(epoch FROM locked_until - created_at)::int AS seconds FROM ${SCHEMA}.idempotency_keys WHERE key = $1`,
      [key],
    );
    expect(lease.seconds).toBe(30);

    const concurrent = await post('/things/slow', key).send({ s: 1 });
    expect(concurrent.status).toBe(409);
    expect(concurrent.body).toEqual({
      statusCode: 409,
      code: 'idempotency_request_in_flight',
      message: '相同 Idempotency-Key 的请求正在处理中，请稍后重试',
    });

    control.slowGate.resolve();
    const done = await first;
    expect(done.status).toBe(202);
    const retry = await post('/things/slow', key).send({ s: 1 });
    expect(retry.status).toBe(202);
    expect(retry.body).toEqual(done.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(control.calls.slow).toBe(callsBefore + 1);
  });

  it('(f) lets a retry take over a key whose lease ran out (crashed holder)', async () => {
    const key = newKey();
    control.slowStarted = deferred();
    control.slowGate = deferred();
    const first = post('/things/slow', key)
      .send({ s: 2 })
      .then((res) => res);
    await control.slowStarted.promise;
    // As if the holder's process died: its lease is over.
    await query(`UPDATE ${SCHEMA}.idempotency_keys SET locked_until = now() - interval '1 second' WHERE key = $1`, [
      key,
    ]);

    control.slowStarted = deferred();
    const takeover = post('/things/slow', key)
      .send({ s: 2 })
      .then((res) => res);
    await control.slowStarted.promise;
    control.slowGate.resolve();
    const [late, winner] = await Promise.all([first, takeover]);
    expect([late.status, winner.status]).toEqual([202, 202]);
    expect(late.body).not.toEqual(winner.body);

    // The late first attempt could not overwrite the takeover's row: replays give the winner's body.
    const retry = await post('/things/slow', key).send({ s: 2 });
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(winner.body);
  });

  it('(g) without the header runs the handler every time', async () => {
    const one = await post('/things').send({ name: 'g-thing' });
    const two = await post('/things').send({ name: 'g-thing' });
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(two.headers['idempotent-replayed']).toBeUndefined();
    expect(one.body.id).not.toBe(two.body.id);
    expect(await thingCount('g-thing')).toBe(2);
  });

  it('(h) refuses a key that is too long or empty with 400 naming Idempotency-Key', async () => {
    const long = await post('/things', 'k'.repeat(256)).send({ name: 'h-thing' });
    expect(long.status).toBe(400);
    expect(long.body).toEqual({
      statusCode: 400,
      code: 'idempotency_key_invalid',
      message: '请求头 Idempotency-Key 不能超过 255 个字符',
    });
    const empty = await post('/things', '').send({ name: 'h-thing' });
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('idempotency_key_invalid');
    expect(empty.body.message).toContain('Idempotency-Key');
    expect(await thingCount('h-thing')).toBe(0);
    expect((await post('/things', 'k'.repeat(255)).send({ name: 'h-thing' })).status).toBe(201);
  });

  it('treats an expired key as absent, and prunes expired keys', async () => {
    const key = newKey();
    const first = await post('/things', key).send({ name: 'x-thing' });
    await query(`UPDATE ${SCHEMA}.idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = $1`, [key]);
    const after = await post('/things', key).send({ name: 'x-other' });
    expect(after.status).toBe(201);
    expect(after.headers['idempotent-replayed']).toBeUndefined();
    expect(after.body.id).not.toBe(first.body.id);

    await query(`UPDATE ${SCHEMA}.idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = $1`, [key]);
    const total = (await query<{ n: number }>(`SELECT count(*)::int AS n FROM ${SCHEMA}.idempotency_keys`))[0].n;
    expect(await app.get(IdempotencyService).pruneExpired()).toBe(1);
    const left = (await query<{ n: number }>(`SELECT count(*)::int AS n FROM ${SCHEMA}.idempotency_keys`))[0].n;
    expect(left).toBe(total - 1);
    expect(await query(`SELECT 1 FROM ${SCHEMA}.idempotency_keys WHERE key = $1`, [key])).toHaveLength(0);
  });
});
