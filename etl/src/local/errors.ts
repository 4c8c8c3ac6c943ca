/** Where in the input a problem was found. Every field that is known is set, so a caller can point at it. */
export interface EtlInputErrorLocation {
  /** Path of the file, as given or found in the input folder. */
  readonly file: string;
  /** Header column(s) or contract field(s) concerned. */
  readonly column?: string;
  /** 1-based line of the file. */
  readonly row?: number;
}

/**
 * The input cannot be processed as a whole: a missing, empty or unreadable file, or a header without a
 * required column. Row-level problems never raise this: they go to quarantine.
 */
export class EtlInputError extends Error {
  readonly file: string;
  readonly column: string | undefined;
  readonly row: number | undefined;

  constructor(location: EtlInputErrorLocation, problem: string, options?: { cause?: unknown }) {
    const where = [
      location.file,
      location.row !== undefined ? `line ${location.row}` : undefined,
      location.column !== undefined ? `column ${location.column}` : undefined,
    ]
      .filter((part) => part !== undefined)
      .join(', ');
    super(`${where}: ${problem}`, options);
    this.name = 'EtlInputError';
    this.file = location.file;
    this.column = location.column;
    this.row = location.row;
  }
}
