import { createReadStream } from 'node:fs';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** Text beyond this is not kept for a record: DuckDB rejects longer records itself (max_line_size). */
const MAX_KEPT_RECORD_BYTES = 2 * 1024 * 1024;

/**
 * A record with more fields than the header whose extra fields are all empty (`a,b,c,` or `a,b,c,""`
 * under a 3-column header). DuckDB's reader accepts these silently, dropping the extra fields; the
 * contract calls them malformed (wrong field count), so the runner finds them itself.
 */
export interface TrailingFieldRecord {
  /** DuckDB's numbering: records and empty lines counted from 1 (the header), a record counts once. */
  readonly line: number;
  /** Data records before it in the file (any kind). */
  readonly recordsBefore: number;
  readonly fieldCount: number;
  /** The record as written, without its line break. */
  readonly text: string;
}

export interface RecordScan {
  /** Data records (header and empty lines excluded). */
  readonly records: number;
  readonly trailingFieldRecords: readonly TrailingFieldRecord[];
}

/**
 * Splits a CSV file into records (RFC 4180: quoted fields may hold `,`, `""` and line breaks) and counts
 * their fields, in one pass over the bytes. Only text of the records it reports is kept.
 */
export async function scanCsvRecords(path: string, headerFields: number): Promise<RecordScan> {
  let line = 0;
  let records = -1; // the header is the first record
  let fields = 0;
  let fieldHasContent = false;
  let extraHasContent = false;
  let recordStarted = false;
  let inQuotes = false;
  let quoteSeen = false; // a quote inside quotes: closes the field, or escapes a second quote
  let broken = false; // text after a closing quote: DuckDB rejects the record
  let kept: Buffer[] = [];
  let keptBytes = 0;
  const found: TrailingFieldRecord[] = [];

  const endField = () => {
    if (fields >= headerFields && fieldHasContent) extraHasContent = true;
    fields++;
    fieldHasContent = false;
  };
  const endRecord = (tail: Buffer) => {
    line++;
    if (!recordStarted) return; // an empty line: skipped by readers, but it takes a line number
    endField();
    if (records >= 0 && fields > headerFields && !extraHasContent && !broken) {
      const bytes = Buffer.concat([...kept, tail]);
      const text = bytes.toString('utf8').replace(/\r$/, '');
      found.push({ line, recordsBefore: records, fieldCount: fields, text });
    }
    records++;
    fields = 0;
    fieldHasContent = false;
    extraHasContent = false;
    recordStarted = false;
    broken = false;
    quoteSeen = false;
  };

  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    let recordStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (inQuotes) {
        if (byte === QUOTE) {
          inQuotes = false;
          quoteSeen = true;
        } else {
          fieldHasContent = true;
        }
        continue;
      }
      if (byte === QUOTE) {
        if (quoteSeen) {
          // `""` inside a quoted field: a literal quote, and the field goes on.
          inQuotes = true;
          quoteSeen = false;
          fieldHasContent = true;
        } else if (!fieldHasContent) {
          inQuotes = true;
          recordStarted = true;
        } else {
          fieldHasContent = true; // a quote inside an unquoted value is kept as is
        }
        continue;
      }
      if (byte === COMMA) {
        recordStarted = true;
        quoteSeen = false;
        endField();
        continue;
      }
      if (byte === LF) {
        endRecord(chunk.subarray(recordStart, i));
        kept = [];
        keptBytes = 0;
        recordStart = i + 1;
        continue;
      }
      if (byte === CR) continue;
      if (quoteSeen) broken = true;
      recordStarted = true;
      fieldHasContent = true;
    }
    if (recordStart < chunk.length && keptBytes < MAX_KEPT_RECORD_BYTES) {
      const rest = chunk.subarray(recordStart);
      kept.push(Buffer.from(rest));
      keptBytes += rest.length;
    }
  }
  if (inQuotes) broken = true; // an unterminated quote: DuckDB rejects the record
  if (recordStarted || inQuotes) endRecord(Buffer.alloc(0));
  return { records: Math.max(records, 0), trailingFieldRecords: found };
}
