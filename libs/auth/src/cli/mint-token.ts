/**
 * Dev CLI: mint an RS256 access token with the dev key pair.
 *
 *   bash deploy/dev-keys.sh                       # once: creates .local/dev-jwt/{private,public}.pem
 *   TOKEN=$(npm run -s token -- --role enterprise --org <enterpriseId>)
 *   curl -H "Authorization: Bearer $TOKEN" ...
 *
 * Only the token goes to stdout; everything else goes to stderr.
 * Runs from compiled JS (dist/libs/auth/src/cli/mint-token.js); the main part only runs when the
 * file is the process entry point, so tests can import parseMintArgs / runMintCli.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEV_PRIVATE_KEY_PATH } from '../auth.constants.js';
import { isRole, ROLE_LABELS, ROLES, roleRequiresOrg, type Role } from '../role.js';
import { DEFAULT_TOKEN_AUDIENCE, DEFAULT_TOKEN_ISSUER, mintToken } from '../token-minter.js';

const REPO_PACKAGE_NAME = 'talent-bridge';
const DEFAULT_TTL_SECONDS = 8 * 3600;

export const MINT_TOKEN_HELP = `用法 / Usage:
  npm run -s token -- --role <role> [--org <id>] [--sub <id>] [--ttl 8h|3600] [--key <private.pem>]

选项 / Options:
  -r, --role <role>     必填 / required: ${ROLES.map((r) => `${r}(${ROLE_LABELS[r]})`).join(', ')}
  -o, --org <id>        机构 id / organisation id: enterprise id, college id, organizer org id;
                        for graduate: the graduate's college id. Required for every role except platform_admin.
  -s, --sub <id>        subject (user id; for graduate: the graduate id).
                        Default: "<role>:<org>" (platform_admin without --org: "platform_admin:dev");
                        graduate: a random UUID (pass --sub <graduateId> to act as a real graduate).
  -t, --ttl <dur>       lifetime: seconds ("3600") or <n>s|m|h|d ("30m", "8h", "2d"). Default 8h.
  -k, --key <path>      RSA private key PEM. Default: <repo>/${DEV_PRIVATE_KEY_PATH} (create: bash deploy/dev-keys.sh)
      --issuer <iss>    "iss" claim. Default: ${DEFAULT_TOKEN_ISSUER}
      --audience <aud>  "aud" claim. Default: ${DEFAULT_TOKEN_AUDIENCE}
  -q, --quiet           do not print the token summary to stderr
  -h, --help            show this help

只在 stdout 输出令牌 / Only the token is printed on stdout:
  TOKEN=$(npm run -s token -- --role enterprise --org ent-001)
`;

/** Bad command line; the message is bilingual and meant for the user. */
export class MintArgsError extends Error {
  override readonly name = 'MintArgsError';
}

export interface MintArgs {
  role: Role;
  org: string | null;
  sub: string;
  ttlSeconds: number;
  /** Path given with --key (not yet resolved), or null for the default dev key. */
  keyPath: string | null;
  issuer: string;
  audience: string;
  quiet: boolean;
}

export type ParsedMintArgs = { help: true } | ({ help: false } & MintArgs);

/** "3600" → 3600, "30s", "15m", "8h", "2d". Throws MintArgsError otherwise. */
export function parseTtl(text: string): number {
  const match = /^\s*(\d+)\s*([smhd]?)\s*$/i.exec(text);
  const amount = match ? Number(match[1]) : NaN;
  if (!match || !Number.isSafeInteger(amount) || amount <= 0) {
    throw new MintArgsError(`--ttl 无效 / invalid --ttl "${text}": use seconds ("3600") or 30m, 8h, 2d`);
  }
  const unit = (match[2] ?? '').toLowerCase();
  const factor = unit === 'm' ? 60 : unit === 'h' ? 3600 : unit === 'd' ? 86400 : 1;
  return amount * factor;
}

/** Parses CLI arguments (without node and script path). Pure except for the random graduate sub. */
export function parseMintArgs(argv: readonly string[]): ParsedMintArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        role: { type: 'string', short: 'r' },
        org: { type: 'string', short: 'o' },
        sub: { type: 'string', short: 's' },
        ttl: { type: 'string', short: 't' },
        key: { type: 'string', short: 'k' },
        issuer: { type: 'string' },
        audience: { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new MintArgsError(`参数错误 / invalid arguments: ${(error as Error).message}\n\n${MINT_TOKEN_HELP}`);
  }
  if (values.help) {
    return { help: true };
  }

  const role = values.role?.trim();
  if (!role) {
    throw new MintArgsError(`缺少 --role / --role is required. 可选角色 / allowed roles: ${ROLES.join(', ')}`);
  }
  if (!isRole(role)) {
    throw new MintArgsError(`未知角色 / unknown role "${role}". 可选角色 / allowed roles: ${ROLES.join(', ')}`);
  }
  const org = nonEmpty(values.org, '--org');
  if (org === null && roleRequiresOrg(role)) {
    throw new MintArgsError(
      `角色 ${role}(${ROLE_LABELS[role]}) 需要 --org / role ${role} requires --org <id>` +
        (role === 'graduate' ? " (the graduate's college id)" : ''),
    );
  }
  const sub = nonEmpty(values.sub, '--sub') ?? (role === 'graduate' ? randomUUID() : `${role}:${org ?? 'dev'}`);

  return {
    help: false,
    role,
    org,
    sub,
    ttlSeconds: values.ttl === undefined ? DEFAULT_TTL_SECONDS : parseTtl(values.ttl),
    keyPath: nonEmpty(values.key, '--key'),
    issuer: nonEmpty(values.issuer, '--issuer') ?? DEFAULT_TOKEN_ISSUER,
    audience: nonEmpty(values.audience, '--audience') ?? DEFAULT_TOKEN_AUDIENCE,
    quiet: values.quiet === true,
  };
}

function nonEmpty(value: string | undefined, flag: string): string | null {
  if (value === undefined) {
    return null;
  }
  const trimmed = value.trim();
  if (trimmed === '') {
    throw new MintArgsError(`${flag} 不能为空 / ${flag} must not be empty`);
  }
  return trimmed;
}

/** Nearest directory at or above `startDir` holding the package.json named "talent-bridge". */
export function findRepoRoot(startDir: string): string | null {
  let dir = resolve(startDir);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown };
        if (name === REPO_PACKAGE_NAME) {
          return dir;
        }
      } catch {
        // unreadable package.json: keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) {
      return null;
    }
    dir = parent;
  }
}

/** Default dev private key: <repo root>/.local/dev-jwt/private.pem, repo root found from this file. */
export function defaultKeyPath(): string {
  const root = findRepoRoot(dirname(fileURLToPath(import.meta.url))) ?? process.cwd();
  return join(root, DEV_PRIVATE_KEY_PATH);
}

export interface MintCliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

const processIo: MintCliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};

/** Runs the CLI; returns the exit code (0 ok, 1 key/mint failure, 2 bad arguments). */
export function runMintCli(argv: readonly string[], io: MintCliIo = processIo): number {
  let parsed: ParsedMintArgs;
  try {
    parsed = parseMintArgs(argv);
  } catch (error) {
    if (error instanceof MintArgsError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (parsed.help) {
    io.stderr(MINT_TOKEN_HELP);
    return 0;
  }

  const keyPath = parsed.keyPath === null ? defaultKeyPath() : resolve(io.cwd, parsed.keyPath);
  if (!existsSync(keyPath)) {
    io.stderr(
      `找不到私钥 ${keyPath}，请先运行: bash deploy/dev-keys.sh\n` +
        `Private key not found at ${keyPath}; run: bash deploy/dev-keys.sh\n`,
    );
    return 1;
  }
  let token: string;
  try {
    token = mintToken({
      privateKeyPem: readFileSync(keyPath, 'utf8'),
      role: parsed.role,
      sub: parsed.sub,
      org: parsed.org,
      ttlSeconds: parsed.ttlSeconds,
      issuer: parsed.issuer,
      audience: parsed.audience,
    });
  } catch (error) {
    io.stderr(`签发令牌失败 / failed to mint token (${keyPath}): ${(error as Error).message}\n`);
    return 1;
  }
  io.stdout(`${token}\n`);
  if (!parsed.quiet) {
    const expires = new Date(Date.now() + parsed.ttlSeconds * 1000).toISOString();
    io.stderr(`token: role=${parsed.role} sub=${parsed.sub} org=${parsed.org ?? '-'} expires=${expires}\n`);
  }
  return 0;
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) {
    return false;
  }
  try {
    return import.meta.url === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.exitCode = runMintCli(process.argv.slice(2));
}
