import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

// tsc does not copy data files into dist/, so both libs/reference/src/*.ts (jest) and
// dist/libs/reference/src/*.js (built services) read them from the repository checkout.
const REPO_PACKAGE_NAME = 'talent-bridge';
const DATA_DIR_IN_REPO = join('libs', 'reference', 'data');

let dataDir: string | undefined;

/** Absolute path of libs/reference/data, found by walking up to the talent-bridge package.json. */
export function referenceDataDir(): string {
  dataDir ??= findDataDir(dirname(fileURLToPath(import.meta.url)));
  return dataDir;
}

function findDataDir(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readPackageName(manifest) === REPO_PACKAGE_NAME) {
      return join(dir, DATA_DIR_IN_REPO);
    }
    if (dirname(dir) === dir) {
      throw new Error(`reference data: no package.json named "${REPO_PACKAGE_NAME}" above ${start}`);
    }
  }
}

function readPackageName(manifest: string): unknown {
  const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
  return typeof parsed === 'object' && parsed !== null ? (parsed as { name?: unknown }).name : undefined;
}

export function readDataText(fileName: string): string {
  return readFileSync(join(referenceDataDir(), fileName), 'utf8');
}

/** Rows of a headed CSV file in libs/reference/data, keyed by the header names. */
export function readCsvRows<Column extends string>(
  fileName: string,
  columns: readonly Column[],
): Record<Column, string>[] {
  const rows = parse(readDataText(fileName), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string>[];
  const header = rows[0] ? Object.keys(rows[0]) : [];
  const missing = columns.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new Error(`reference data: ${fileName} lacks column(s) ${missing.join(', ')}`);
  }
  return rows as Record<Column, string>[];
}

/** Runs `load` on first call and returns the same value afterwards. */
export function loadOnce<T>(load: () => T): () => T {
  let value: T | undefined;
  let loaded = false;
  return () => {
    if (!loaded) {
      value = load();
      loaded = true;
    }
    return value as T;
  };
}
