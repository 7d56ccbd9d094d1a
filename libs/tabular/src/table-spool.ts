import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { readTable, type ReadTableOptions, type TableRow } from './read-table.js';

/**
 * A table read once and kept on disk as it was read: a file that is processed in several passes
 * (count and check, then import) is parsed once, however slow its format (an .xlsx takes ten
 * times longer to parse than a CSV), and never held in memory. One JSON array per line: the
 * headers first, then `[rowNumber, ...values in header order]` per row.
 */

export interface SpoolOptions extends ReadTableOptions {
  /** Called for each row once it is on disk; throw to stop (e.g. a row limit). */
  onRow?: (row: TableRow) => void;
}

export interface SpoolResult {
  headers: string[];
  rows: number;
}

/**
 * Reads `input` with readTable and writes its header and rows to `path`. Errors of reading (and
 * of the callbacks) are thrown as they are; the file is then incomplete and must not be read.
 * The file is flushed to disk before this resolves.
 */
export async function spoolTable(
  input: Buffer | Uint8Array | Readable,
  path: string,
  options: SpoolOptions,
): Promise<SpoolResult> {
  let headers: string[] = [];
  const out = createWriteStream(path, { mode: 0o600 });
  // A write error (disk full) ends the spool: kept here, thrown from the next write or at the end.
  let writeError: Error | null = null;
  out.on('error', (err) => (writeError ??= err));
  const write = async (line: string) => {
    if (writeError) throw writeError;
    if (!out.write(line)) await once(out, 'drain');
  };
  let rows = 0;
  try {
    const table = readTable(input, {
      ...options,
      onHeader: (h, rowNumber) => {
        options.onHeader?.(h, rowNumber);
        headers = h;
      },
    });
    let headerWritten = false;
    for await (const row of table) {
      if (!headerWritten) {
        await write(`${JSON.stringify(headers)}\n`);
        headerWritten = true;
      }
      const line: (string | number)[] = [row.rowNumber];
      for (const h of headers) line.push(row.values[h] ?? '');
      await write(`${JSON.stringify(line)}\n`);
      rows += 1;
      options.onRow?.(row);
    }
    // A header without rows still records its header.
    if (!headerWritten) await write(`${JSON.stringify(headers)}\n`);
  } finally {
    out.end();
    await finished(out).catch(() => undefined);
  }
  if (writeError) throw writeError;
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { headers, rows };
}

/** The rows of a spooled table, streamed; `onHeader` gets the headers before the first row. */
export async function* readTableSpool(
  path: string,
  options: { onHeader?: (headers: string[]) => void } = {},
): AsyncGenerator<TableRow> {
  const source = createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  const lines = createInterface({ input: source, crlfDelay: Infinity });
  let headers: string[] | null = null;
  try {
    for await (const line of lines) {
      if (!headers) {
        headers = JSON.parse(line) as string[];
        options.onHeader?.(headers);
        continue;
      }
      const cells = JSON.parse(line) as [number, ...string[]];
      const values: Record<string, string> = Object.create(null) as Record<string, string>;
      for (let i = 0; i < headers.length; i++) values[headers[i]!] = cells[i + 1] as string;
      yield { rowNumber: cells[0], values };
    }
  } finally {
    lines.close();
    source.destroy();
  }
}
