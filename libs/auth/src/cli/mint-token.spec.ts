import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JwtVerifier } from '../jwt-verifier.js';
import { DEFAULT_TOKEN_AUDIENCE, DEFAULT_TOKEN_ISSUER } from '../token-minter.js';
import {
  defaultKeyPath,
  findRepoRoot,
  MintArgsError,
  parseMintArgs,
  parseTtl,
  runMintCli,
  type MintCliIo,
} from './mint-token.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('parseMintArgs', () => {
  it('parses a full command line', () => {
    expect(
      parseMintArgs(['--role', 'enterprise', '--org', 'ent-1', '--sub', 'u-1', '--ttl', '30m', '--key', 'k.pem']),
    ).toEqual({
      help: false,
      role: 'enterprise',
      org: 'ent-1',
      sub: 'u-1',
      ttlSeconds: 1800,
      keyPath: 'k.pem',
      issuer: DEFAULT_TOKEN_ISSUER,
      audience: DEFAULT_TOKEN_AUDIENCE,
      quiet: false,
    });
  });

  it('applies defaults: sub "<role>:<org>", ttl 8h, default key', () => {
    expect(parseMintArgs(['-r', 'college', '-o', 'c-1'])).toMatchObject({
      sub: 'college:c-1',
      ttlSeconds: 8 * 3600,
      keyPath: null,
    });
    expect(parseMintArgs(['--role=organizer', '--org=o-1'])).toMatchObject({ sub: 'organizer:o-1' });
  });

  it('platform_admin needs no org', () => {
    expect(parseMintArgs(['--role', 'platform_admin'])).toMatchObject({
      role: 'platform_admin',
      org: null,
      sub: 'platform_admin:dev',
    });
  });

  it('graduate without --sub gets a random uuid', () => {
    const parsed = parseMintArgs(['--role', 'graduate', '--org', 'college-1']);
    expect(parsed).toMatchObject({ role: 'graduate', org: 'college-1' });
    expect(parsed.help === false && parsed.sub).toMatch(UUID);
  });

  it('--help', () => {
    expect(parseMintArgs(['--help'])).toEqual({ help: true });
    expect(parseMintArgs(['-h', '--role', 'bogus'])).toEqual({ help: true });
  });

  it.each([
    ['missing role', [], /--role is required.*platform_admin, organizer, enterprise, college, graduate/],
    ['unknown role', ['--role', 'admin'], /unknown role "admin".*allowed roles: platform_admin, organizer/],
    ['missing org for enterprise', ['--role', 'enterprise'], /requires --org/],
    ['missing org for graduate', ['--role', 'graduate', '--sub', 'g'], /requires --org.*college id/],
    ['empty org', ['--role', 'college', '--org', ''], /--org must not be empty/],
    ['bad ttl', ['--role', 'college', '--org', 'c', '--ttl', 'forever'], /invalid --ttl/],
    ['zero ttl', ['--role', 'college', '--org', 'c', '--ttl', '0'], /invalid --ttl/],
    ['unknown option', ['--role', 'college', '--org', 'c', '--admin'], /invalid arguments/],
    ['positional', ['college'], /invalid arguments/],
    ['option without value', ['--role'], /invalid arguments/],
  ])('%s → MintArgsError', (_name, argv, message) => {
    expect(() => parseMintArgs(argv)).toThrow(MintArgsError);
    expect(() => parseMintArgs(argv)).toThrow(message);
  });
});

describe('parseTtl', () => {
  it.each([
    ['3600', 3600],
    ['45s', 45],
    ['30m', 1800],
    ['8h', 28800],
    ['2d', 172800],
    ['1H', 3600],
  ])('%s → %d', (text, seconds) => {
    expect(parseTtl(text)).toBe(seconds);
  });

  it.each(['', '-5', '1.5h', '8w', 'h'])('rejects %p', (text) => {
    expect(() => parseTtl(text)).toThrow(MintArgsError);
  });
});

describe('repo root / default key path', () => {
  it('finds the talent-bridge root from this file', () => {
    const root = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
    expect(root).not.toBeNull();
    expect(defaultKeyPath()).toBe(join(root as string, '.local/dev-jwt/private.pem'));
  });

  it('returns null outside the repo', () => {
    expect(findRepoRoot(tmpdir())).toBeNull();
  });
});

describe('runMintCli', () => {
  const keys = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  let dir: string;
  let out: string[];
  let err: string[];
  let io: MintCliIo;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mint-token-'));
    writeFileSync(join(dir, 'private.pem'), keys.privateKey);
    out = [];
    err = [];
    io = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: dir };
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints only the token on stdout; it verifies with the public key', () => {
    expect(runMintCli(['--role', 'enterprise', '--org', 'ent-1', '--key', 'private.pem'], io)).toBe(0);
    expect(out).toHaveLength(1);
    const token = (out[0] as string).trimEnd();
    expect(token.split('.')).toHaveLength(3);
    const verifier = new JwtVerifier({
      publicKeyPem: keys.publicKey,
      issuer: DEFAULT_TOKEN_ISSUER,
      audience: DEFAULT_TOKEN_AUDIENCE,
    });
    expect(verifier.verify(token)).toEqual({ subject: 'enterprise:ent-1', role: 'enterprise', orgId: 'ent-1' });
    expect(err.join('')).toContain('role=enterprise');
  });

  it('--quiet prints nothing on stderr', () => {
    expect(runMintCli(['-q', '--role', 'platform_admin', '--key', join(dir, 'private.pem')], io)).toBe(0);
    expect(err).toEqual([]);
  });

  it('missing key → exit 1 and tells to run deploy/dev-keys.sh', () => {
    expect(runMintCli(['--role', 'enterprise', '--org', 'e', '--key', 'nope.pem'], io)).toBe(1);
    expect(out).toEqual([]);
    expect(err.join('')).toMatch(/请先运行: bash deploy\/dev-keys\.sh[\s\S]*run: bash deploy\/dev-keys\.sh/);
  });

  it('a key that is not a private key → exit 1', () => {
    writeFileSync(join(dir, 'public.pem'), keys.publicKey);
    expect(runMintCli(['--role', 'enterprise', '--org', 'e', '--key', 'public.pem'], io)).toBe(1);
    expect(out).toEqual([]);
    expect(err.join('')).toContain('failed to mint token');
  });

  it('bad arguments → exit 2, nothing on stdout', () => {
    expect(runMintCli(['--role', 'nobody'], io)).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('')).toContain('allowed roles');
  });

  it('--help → exit 0, help on stderr', () => {
    expect(runMintCli(['--help'], io)).toBe(0);
    expect(out).toEqual([]);
    expect(err.join('')).toContain('Usage');
  });
});
