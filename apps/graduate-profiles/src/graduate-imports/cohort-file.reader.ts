import type { Readable } from 'node:stream';
import { readTableSpool, spoolTable, TabularError, type HeaderLayout, type TableFormat, type TableRow } from '#tabular';
import { GRADUATE_COLUMNS, resolveGraduateHeaders, type GraduateColumnKey } from './graduate-import.columns.js';
import { GRADUATE_IMPORT_MAX_ROWS } from './graduate-import.constants.js';
import { ImportJobFailure } from './graduate-import.exception.js';

/** Stop reading: the service is shutting down (not an error of the file). */
export class ReadingStopped extends Error {}

function layoutOf(headers: readonly string[]): HeaderLayout<GraduateColumnKey> {
  const layout = resolveGraduateHeaders(headers);
  if (layout.problems.length > 0) {
    throw ImportJobFailure.badHeader(
      layout.problems,
      GRADUATE_COLUMNS.map((c) => c.header),
    );
  }
  return layout;
}

/**
 * The first read of a cohort file: the header must match the template (else the whole file is
 * refused before any row), the file must read as CSV or XLSX, and it may hold at most
 * GRADUATE_IMPORT_MAX_ROWS rows. The rows go to `spoolPath` as they are read, so the import reads
 * them from there: an .xlsx is parsed once, and nothing of the file is held in memory.
 * Returns the number of data rows.
 */
export async function spoolCohortFile(
  source: Readable,
  format: TableFormat,
  spoolPath: string,
  stop: AbortSignal,
): Promise<number> {
  let count = 0;
  try {
    const { rows } = await spoolTable(source, spoolPath, {
      format,
      onHeader: (headers) => void layoutOf(headers),
      onRow: () => {
        count += 1;
        if (count > GRADUATE_IMPORT_MAX_ROWS) throw ImportJobFailure.tooManyRows();
        if (count % 1_000 === 0 && stop.aborted) throw new ReadingStopped();
      },
    });
    if (rows === 0) throw ImportJobFailure.empty();
    return rows;
  } catch (err) {
    if (err instanceof TabularError) throw ImportJobFailure.unreadable(err.message, err.code, err.rowNumber);
    throw err;
  }
}

/** The spooled rows of a file that passed spoolCohortFile; `onLayout` gets its columns first. */
export function readSpooledCohort(
  spoolPath: string,
  onLayout: (layout: HeaderLayout<GraduateColumnKey>) => void,
): AsyncGenerator<TableRow> {
  return readTableSpool(spoolPath, { onHeader: (headers) => onLayout(layoutOf(headers)) });
}
