/** One row as the file holds it: cells in column order, before the header gives them names. */
export interface RawRow {
  /** 1-based, as a person sees it: the spreadsheet row, or the CSV record. */
  rowNumber: number;
  cells: string[];
}
