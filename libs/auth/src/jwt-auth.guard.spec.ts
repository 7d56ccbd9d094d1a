import { generateKeyPairSync } from 'node:crypto';
import { Controller, Get, type ExecutionContext, type INestApplication } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AuthModule } from './auth.module.js';
import type { Caller } from './caller.js';
import { CurrentCaller, Public, Roles } from './decorators.js';
import { InvalidTokenError } from './errors.js';
import { extractBearerToken, JwtAuthGuard } from './jwt-auth.guard.js';
import { JwtVerifier } from './jwt-verifier.js';
import type { Role } from './role.js';
import { mintToken } from './token-minter.js';

const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const ISSUER = 'talent-bridge-test';
const AUDIENCE = 'talent-bridge-test-api';

function tokenFor(role: Role, org: string | null = 'org-1', overrides: { now?: Date; issuer?: string } = {}): string {
  return mintToken({
    privateKeyPem: keys.privateKey,
    role,
    sub: `${role}-user`,
    org,
    ttlSeconds: 600,
    issuer: overrides.issuer ?? ISSUER,
    audience: AUDIENCE,
    ...(overrides.now ? { now: overrides.now } : {}),
  });
}

@Controller('demo')
class DemoController {
  @Get('me')
  me(@CurrentCaller() caller: Caller): Caller {
    return caller;
  }

  @Get('enterprise-only')
  @Roles('enterprise', 'platform_admin')
  enterpriseOnly(): { ok: true } {
    return { ok: true };
  }

  @Get('health')
  @Public()
  health(): { ok: true } {
    return { ok: true };
  }

  @Get('public-caller')
  @Public()
  publicCaller(@CurrentCaller() caller: Caller): Caller {
    return caller;
  }
}

@Controller('admin')
@Roles('platform_admin')
class AdminController {
  @Get()
  index(): { ok: true } {
    return { ok: true };
  }

  @Get('organizer')
  @Roles('organizer')
  organizerOverride(): { ok: true } {
    return { ok: true };
  }
}

@Controller('open')
@Public()
class OpenController {
  @Get()
  index(): { ok: true } {
    return { ok: true };
  }
}

describe('JwtAuthGuard (HTTP, via AuthModule.forRoot)', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot({ publicKeyPem: keys.publicKey, issuer: ISSUER, audience: AUDIENCE })],
      controllers: [DemoController, AdminController, OpenController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
  });

  const get = (path: string) => request(app.getHttpServer()).get(path);

  it('401 token_missing without Authorization header', async () => {
    const res = await get('/demo/me').expect(401);
    expect(res.body).toEqual({ statusCode: 401, code: 'token_missing', message: '缺少访问令牌' });
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('401 token_missing for a non-Bearer scheme', async () => {
    const res = await get('/demo/me').set('Authorization', 'Basic dXNlcjpwYXNz').expect(401);
    expect(res.body.code).toBe('token_missing');
  });

  it('401 token_malformed for garbage', async () => {
    const res = await get('/demo/me').set('Authorization', 'Bearer not-a-jwt').expect(401);
    expect(res.body).toEqual({
      statusCode: 401,
      code: 'token_malformed',
      message: expect.stringContaining('访问令牌无效'),
    });
    expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
  });

  it('401 token_expired for an expired token', async () => {
    const token = tokenFor('enterprise', 'org-1', { now: new Date(Date.now() - 3600_000) });
    const res = await get('/demo/me').set('Authorization', `Bearer ${token}`).expect(401);
    expect(res.body).toEqual({ statusCode: 401, code: 'token_expired', message: '访问令牌已过期' });
  });

  it('401 token_claims_invalid for a wrong issuer', async () => {
    const token = tokenFor('enterprise', 'org-1', { issuer: 'someone-else' });
    const res = await get('/demo/me').set('Authorization', `Bearer ${token}`).expect(401);
    expect(res.body.code).toBe('token_claims_invalid');
  });

  it('200 and @CurrentCaller() returns the Caller for a valid token', async () => {
    const res = await get('/demo/me')
      .set('Authorization', `Bearer ${tokenFor('college', 'college-7')}`)
      .expect(200);
    expect(res.body).toEqual({ subject: 'college-user', role: 'college', orgId: 'college-7' });
  });

  it('accepts a lower-case "bearer" scheme', async () => {
    await get('/demo/me')
      .set('Authorization', `bearer ${tokenFor('college')}`)
      .expect(200);
  });

  it('403 role_forbidden for a wrong role', async () => {
    const res = await get('/demo/enterprise-only')
      .set('Authorization', `Bearer ${tokenFor('graduate')}`)
      .expect(403);
    expect(res.body).toEqual({
      statusCode: 403,
      code: 'role_forbidden',
      message: '当前角色无权执行此操作',
      requiredRoles: ['enterprise', 'platform_admin'],
    });
  });

  it('200 for a listed role', async () => {
    await get('/demo/enterprise-only')
      .set('Authorization', `Bearer ${tokenFor('enterprise')}`)
      .expect(200, { ok: true });
    await get('/demo/enterprise-only')
      .set('Authorization', `Bearer ${tokenFor('platform_admin', null)}`)
      .expect(200);
  });

  it('401 (not 403) on a @Roles route without a token', async () => {
    const res = await get('/demo/enterprise-only').expect(401);
    expect(res.body.code).toBe('token_missing');
  });

  it('@Public() route: 200 without token, and even with an invalid one', async () => {
    await get('/demo/health').expect(200, { ok: true });
    await get('/demo/health').set('Authorization', 'Bearer garbage').expect(200);
  });

  it('@Public() on a controller makes all its routes public', async () => {
    await get('/open').expect(200, { ok: true });
  });

  it('@CurrentCaller() on a @Public() route → 401 token_missing', async () => {
    const res = await get('/demo/public-caller').expect(401);
    expect(res.body.code).toBe('token_missing');
  });

  it('class-level @Roles applies; method-level @Roles overrides it', async () => {
    await get('/admin')
      .set('Authorization', `Bearer ${tokenFor('enterprise')}`)
      .expect(403);
    await get('/admin')
      .set('Authorization', `Bearer ${tokenFor('platform_admin', null)}`)
      .expect(200);
    await get('/admin/organizer')
      .set('Authorization', `Bearer ${tokenFor('organizer')}`)
      .expect(200);
    await get('/admin/organizer')
      .set('Authorization', `Bearer ${tokenFor('platform_admin', null)}`)
      .expect(403);
  });
});

describe('JwtAuthGuard (non-HTTP contexts)', () => {
  const guard = new JwtAuthGuard(new Reflector(), new JwtVerifier({ publicKeyPem: keys.publicKey }));

  it.each(['rpc', 'ws', 'graphql'])('lets %s contexts through untouched', (type) => {
    const touched: string[] = [];
    const context = {
      getType: () => type,
      getHandler: () => touched.push('getHandler'),
      getClass: () => touched.push('getClass'),
      switchToHttp: () => touched.push('switchToHttp'),
      switchToRpc: () => touched.push('switchToRpc'),
    } as unknown as ExecutionContext;
    expect(guard.canActivate(context)).toBe(true);
    expect(touched).toEqual([]);
  });
});

describe('extractBearerToken', () => {
  const reason = (header: string | string[] | undefined): string => {
    try {
      extractBearerToken(header);
      return 'ok';
    } catch (error) {
      return (error as InvalidTokenError).reason;
    }
  };

  it('extracts the token', () => {
    expect(extractBearerToken('Bearer a.b.c')).toBe('a.b.c');
    expect(extractBearerToken('  BEARER   a.b.c  ')).toBe('a.b.c');
    expect(extractBearerToken(['Bearer x.y.z'])).toBe('x.y.z');
  });

  it.each([undefined, '', 'Bearer', 'Bearer   ', 'Basic abc', 'Token a.b.c', 'Bearera.b.c'])(
    'token_missing for %p',
    (header) => {
      expect(reason(header)).toBe('token_missing');
    },
  );

  it('token_malformed for extra parts', () => {
    expect(reason('Bearer a.b.c d.e.f')).toBe('token_malformed');
  });
});

describe('@Roles', () => {
  it('rejects unknown roles at decoration time', () => {
    expect(() => Roles('root' as Role)).toThrow(/unknown role/);
  });
});
