import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { ServiceName } from '#contracts';
import { TEST_KAFKA_BROKERS } from './kafka.js';
import { testKeyPair } from './keys.js';
import { repoRoot } from './paths.js';
import { waitFor } from './wait.js';

export interface JsonResponse {
  status: number;
  body: Record<string, any>;
  headers: Headers;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface ServiceProcessOptions {
  service: ServiceName;
  databaseUrl: string;
  topicPrefix: string;
  env?: Record<string, string>;
}

/**
 * One service as a real OS process, started from the build (`npm run build`), so tests can
 * SIGKILL and restart it the way production would see it.
 */
export class ServiceProcess {
  private child: ChildProcess | null = null;
  private exit: Promise<number | null> | null = null;
  private log: WriteStream | null = null;
  port = 0;
  readonly logFile: string;

  constructor(private readonly options: ServiceProcessOptions) {
    const dir = join(repoRoot(), '.local', 'test-logs');
    mkdirSync(dir, { recursive: true });
    this.logFile = join(dir, `${options.topicPrefix}-${options.service}.log`);
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  env(): Record<string, string> {
    return {
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(this.port),
      LOG_LEVEL: 'info',
      DATABASE_URL: this.options.databaseUrl,
      KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
      KAFKA_TOPIC_PREFIX: this.options.topicPrefix,
      KAFKA_CONSUMER_GROUP: `${this.options.topicPrefix}.${this.options.service}`,
      KAFKA_TOPIC_PARTITIONS: '3',
      AUTH_JWT_PUBLIC_KEY: testKeyPair().publicKeyPem,
      OUTBOX_POLL_MS: '50',
      ...this.options.env,
    };
  }

  /** Starts the process (same port on restart) and waits until /health says ok. */
  async start(extraEnv: Record<string, string> = {}, { waitHealthy = true } = {}): Promise<void> {
    if (!this.port) this.port = await freePort();
    const main = join(repoRoot(), 'dist', 'apps', this.options.service, 'src', 'main.js');
    if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
    this.log ??= createWriteStream(this.logFile, { flags: 'a' });
    const child = spawn(process.execPath, [main], {
      env: { PATH: process.env.PATH ?? '', ...this.env(), ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    this.child = child;
    this.exit = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    if (waitHealthy) await this.waitHealthy();
  }

  async waitHealthy(timeoutMs = 90_000): Promise<void> {
    await waitFor(
      async () => {
        if (this.child?.exitCode !== null) throw new Error(`${this.options.service} exited; see ${this.logFile}`);
        const res = await fetch(`${this.baseUrl}/health`).catch(() => null);
        return res?.status === 200;
      },
      { timeoutMs, intervalMs: 300, description: `${this.options.service} to be healthy (log: ${this.logFile})` },
    );
  }

  /** Sends a signal and waits for the process to exit; returns its exit code. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<number | null> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null)
      return this.child?.exitCode ?? null;
    this.child.kill(signal);
    return this.exit;
  }

  /** Resolves with the exit code when the process ends by itself. */
  exited(): Promise<number | null> {
    return this.exit ?? Promise.resolve(null);
  }

  async stop(): Promise<void> {
    await this.kill('SIGTERM');
    this.log?.end();
    this.log = null;
  }

  /** The same request, its answer read as JSON (`{}` when the body is empty). */
  async json(path: string, init: RequestInit & { json?: unknown } = {}): Promise<JsonResponse> {
    const res = await this.request(path, init);
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, any>) : {}, headers: res.headers };
  }

  async request(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    return fetch(`${this.baseUrl}${path}`, { ...init, headers, body });
  }
}
