import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, type ReadStream } from 'node:fs';
import { open, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GraduateProfilesEnvironment } from '../graduate-profiles.environment.js';

/** What multer hands a storage engine (typed here: the app does not depend on multer's types). */
interface IncomingFile {
  stream: Readable;
}

/** What the route handler receives for the stored upload. */
export interface StoredUpload {
  originalname: string;
  mimetype: string;
  size: number;
  /** The name inside the import directory. */
  filename: string;
  path: string;
}

type HandleCallback = (error: Error | null, info?: Partial<StoredUpload>) => void;

/** Upload names are ours (a UUID), never the client's: no path tricks, no collisions. */
const STORED_NAME = /^[0-9a-f-]{36}\.upload$/;
/** An upload's rows as read once (see spoolTable), beside it. */
const SPOOL_NAME = /^[0-9a-f-]{36}\.rows$/;

/**
 * Where uploaded cohort files wait for their import job: on disk in GRADUATE_IMPORT_DIR, never
 * on the heap (a 50 MB upload streams straight to a file). Also a multer storage engine, so the
 * upload route writes there directly. Several instances of the service must share the directory
 * to resume each other's jobs; a job whose file is gone fails with a message to upload again.
 */
@Injectable()
export class ImportFileStorage {
  private readonly logger = new Logger(ImportFileStorage.name);
  readonly dir: string;

  constructor(env: GraduateProfilesEnvironment) {
    this.dir = env.GRADUATE_IMPORT_DIR;
    // Only the service reads the uploads (they hold personal data).
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  pathOf(storedName: string): string {
    if (!STORED_NAME.test(storedName)) throw new Error(`not an upload name: ${storedName}`);
    return join(this.dir, storedName);
  }

  /** Where the upload's rows are spooled after the first read. */
  spoolPathOf(storedName: string): string {
    return this.pathOf(storedName).replace(/\.upload$/, '.rows');
  }

  open(storedName: string): ReadStream {
    return createReadStream(this.pathOf(storedName), { highWaterMark: 256 * 1024 });
  }

  async exists(storedName: string): Promise<boolean> {
    return isFile(this.pathOf(storedName));
  }

  async spoolExists(storedName: string): Promise<boolean> {
    return isFile(this.spoolPathOf(storedName));
  }

  /** The first bytes (format detection looks at them). */
  async head(storedName: string, bytes = 8): Promise<Buffer> {
    const handle = await open(this.pathOf(storedName), 'r');
    try {
      const buffer = Buffer.alloc(bytes);
      const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  /** Deletes the upload and its spool. */
  async remove(storedName: string | null | undefined): Promise<void> {
    if (!storedName) return;
    for (const path of [this.pathOf(storedName), this.spoolPathOf(storedName)]) {
      await rm(path, { force: true }).catch((err: unknown) =>
        this.logger.warn({ msg: 'could not delete an import file', path, error: String(err) }),
      );
    }
  }

  /** Uploads no job refers to (the process died between storing and recording one), older than `minAgeMs`. */
  async removeOrphans(referenced: ReadonlySet<string>, minAgeMs: number): Promise<number> {
    let removed = 0;
    const now = Date.now();
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      const upload = SPOOL_NAME.test(name) ? name.replace(/\.rows$/, '.upload') : name;
      if (!STORED_NAME.test(upload) || referenced.has(upload)) continue;
      const info = await stat(join(this.dir, name)).catch(() => null);
      if (!info || now - info.mtimeMs < minAgeMs) continue;
      await rm(join(this.dir, name), { force: true }).catch(() => undefined);
      removed += 1;
    }
    return removed;
  }

  /** multer's storage engine interface: the file goes to disk as it arrives. */
  _handleFile(_req: unknown, file: IncomingFile, callback: HandleCallback): void {
    const filename = `${randomUUID()}.upload`;
    const path = join(this.dir, filename);
    const out = createWriteStream(path, { mode: 0o600 });
    pipeline(file.stream, out).then(
      () => callback(null, { filename, path, size: out.bytesWritten }),
      (err: Error) => {
        void rm(path, { force: true }).finally(() => callback(err));
      },
    );
  }

  _removeFile(_req: unknown, file: Partial<StoredUpload>, callback: (error: Error | null) => void): void {
    if (!file.filename || !STORED_NAME.test(file.filename)) return callback(null);
    rm(join(this.dir, file.filename), { force: true }).then(
      () => callback(null),
      (err: Error) => callback(err),
    );
  }
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}
