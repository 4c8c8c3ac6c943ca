/**
 * How the contract reads a CSV file, the same on every engine. DuckDB's reader (the local runner) and Spark's (the
 * Glue job) differ on some inputs; where a reader cannot be told to follow a rule, the runner that uses it enforces
 * the rule before the ETL SQL sees the rows (`enforcedBy`). The parity test (etl/glue-job/tests/test_parity.py) runs
 * both engines over every fixture, and docs/architecture.md lists what still differs.
 */
export interface CsvRule {
  readonly rule: string;
  /** Which runner does something beyond its reader's options to follow the rule, and how. */
  readonly enforcedBy: readonly string[];
}

export const CSV_DIALECT = {
  delimiter: ',',
  quote: '"',
  /** `""` inside a quoted field is one quote. */
  escape: '"',
  encoding: 'UTF-8',
  header: true,
} as const;

export const CSV_RULES: readonly CsvRule[] = [
  {
    rule: 'Columns are matched to the contract by header name (trimmed, case-folded); other columns are read and ignored, and every file of a source must name the same ones.',
    enforcedBy: ['both: each reads a file with the schema its header gives'],
  },
  {
    rule: "A record ends with its file's line ending, the header's: LF or CRLF. A file with another line ending outside quotes (a CRLF record in an LF file, a lone LF or CR in a CRLF file) is refused as a whole, naming it; line breaks inside quotes are kept as written.",
    enforcedBy: [
      'duckdb: its reader refuses such a file',
      "spark: the job's scan (csv_scan.py) refuses it, and reads each file with lineSep set to its line ending (without it, Spark turns a quoted CRLF into LF)",
    ],
  },
  {
    rule: 'Empty lines are not records. A line of spaces is a record (of one field).',
    enforcedBy: ['both: their readers agree'],
  },
  {
    rule: 'A record is malformed when it has another number of fields than the header (extra fields that are empty count: `a,b,c,` under three columns), when a quote is never closed, when text other than spaces follows a closing quote (`"x"y`), or when it is not valid UTF-8. A malformed record keeps its text (raw_line, invalid bytes as one `?` per byte of the sequence) and DuckDB\'s description of its first problem (`<file> line <n>: <KIND>: <message>`); its fields are NULL.',
    enforcedBy: [
      'duckdb: records with extra empty fields, which its reader accepts, are found by a byte scan (trailing-fields.ts)',
      "spark: text after a closing quote, invalid UTF-8 and an unclosed quote in the last field, which its reader accepts, are found by the job's scan (csv_scan.py)",
    ],
  },
  {
    rule: "A record's number (quarantine.record) is its 1-based position among all records of its source: the source's files in name order, each file's records in order, malformed records included.",
    enforcedBy: [
      "duckdb: parsed rows are numbered around the rejected records' positions (record-numbers.ts)",
      'spark: each file is read on its own (one partition, in order); files are offset by their record counts in name order',
    ],
  },
  {
    rule: 'Paths are literal: a file named `x[1].csv` is that file, never the glob `x1.csv`.',
    enforcedBy: ['duckdb: paths are escaped', 'spark: glob characters are escaped for Hadoop'],
  },
];
