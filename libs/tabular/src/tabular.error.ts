export type TabularErrorCode =
  /** The bytes are neither UTF-8 nor GB18030 (CSV), or the decoder is missing. */
  | 'encoding'
  /** CSV syntax the parser cannot recover from, e.g. a quote that never closes. */
  | 'csv_syntax'
  /** Not a readable .xlsx (damaged, an old .xls, or not a spreadsheet at all). */
  | 'unreadable'
  /** No row with any content, so no header. */
  | 'no_header'
  /** Two header cells with the same (trimmed) text. */
  | 'duplicate_header';

/** Why a file could not be read as a table; the message is in Chinese, for the person who uploaded it. */
export class TabularError extends Error {
  override readonly name = 'TabularError';

  constructor(
    readonly code: TabularErrorCode,
    message: string,
    /** The row (1-based, as a person sees it) where reading failed, when known. */
    readonly rowNumber?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
