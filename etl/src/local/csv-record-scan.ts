import { open } from 'node:fs/promises';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const CHUNK_BYTES = 4 * 1024 * 1024;

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
  /**
   * The line numbers (DuckDB's) of the empty lines, which are not records: with them a line DuckDB reports becomes
   * a record's position in the file (record-numbers.ts).
   */
  readonly emptyLines: readonly number[];
}

/**
 * Splits a CSV file into records (RFC 4180: quoted fields may hold `,`, `""` and line breaks) and counts
 * their fields, in one pass over the bytes. Only the text of the records it reports is kept.
 * The loop keeps all its state in locals: this runs over every byte of every input.
 */
export async function scanCsvRecords(path: string, headerFields: number): Promise<RecordScan> {
  const handle = await open(path, 'r');
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  const found: TrailingFieldRecord[] = [];
  const emptyLines: number[] = [];
  let line = 0;
  let records = -1; // the header is the first record
  let fields = 0; // fields ended so far in the current record
  let hasContent = false; // the current field has a character (or an escaped quote)
  let extraContent = false; // a field beyond the header's count has content
  let started = false; // the current line has a character: not an empty line
  let inQuotes = false;
  let closedQuote = false; // just after a closing quote (or the first of an escaped pair)
  let broken = false; // text after a closing quote: DuckDB rejects the record itself
  let kept: Buffer[] = [];
  let keptBytes = 0;
  let position = 0;

  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const chunk = buffer.subarray(0, bytesRead);
      let recordStart = 0;
      let nextQuote = -2; // position of the next quote in this chunk; -1: none; -2: not looked up yet
      let i = 0;
      while (i < bytesRead) {
        // Fast path for the common record: one line without quotes, found with memchr-speed searches.
        if (!started && !inQuotes && fields === 0 && !hasContent && !closedQuote) {
          const lf = chunk.indexOf(LF, i);
          if (lf !== -1) {
            if (nextQuote !== -1 && nextQuote < i) nextQuote = chunk.indexOf(QUOTE, i);
            if (nextQuote === -1 || nextQuote > lf) {
              line++;
              const end = lf > i && chunk[lf - 1] === CR ? lf - 1 : lf;
              if (end > i) {
                // Only a line ending in a comma can have extra empty fields: count them only then.
                if (records >= 0 && chunk[end - 1] === COMMA) {
                  const count = countByte(chunk, COMMA, i, end) + 1;
                  if (count > headerFields && endsWithCommas(chunk, end, count - headerFields)) {
                    found.push(trailingRecord(line, records, count, [], chunk.subarray(i, end)));
                  }
                }
                records++;
              } else {
                emptyLines.push(line);
              }
              i = lf + 1;
              recordStart = i;
              continue;
            }
          }
        }
        const byte = chunk[i] as number;
        i++;
        if (inQuotes) {
          if (byte === QUOTE) {
            inQuotes = false;
            closedQuote = true;
          } else {
            hasContent = true;
          }
        } else if (byte === COMMA) {
          if (fields >= headerFields && hasContent) extraContent = true;
          fields++;
          hasContent = false;
          closedQuote = false;
          started = true;
        } else if (byte === LF) {
          line++;
          if (started) {
            // Here the record's last field ends; an empty line (not started) only takes a line number.
            if (records >= 0 && fields >= headerFields && !(extraContent || hasContent) && !broken) {
              found.push(trailingRecord(line, records, fields + 1, kept, chunk.subarray(recordStart, i - 1)));
            }
            records++;
          } else {
            emptyLines.push(line);
          }
          fields = 0;
          hasContent = false;
          extraContent = false;
          started = false;
          closedQuote = false;
          broken = false;
          kept = [];
          keptBytes = 0;
          recordStart = i;
        } else if (byte === QUOTE) {
          started = true;
          if (closedQuote) {
            // `""` inside a quoted field: a literal quote, and the field goes on.
            inQuotes = true;
            closedQuote = false;
            hasContent = true;
          } else if (!hasContent) {
            inQuotes = true;
          } else {
            hasContent = true; // a quote inside an unquoted value is kept as is
          }
        } else if (byte !== CR) {
          if (closedQuote) broken = true;
          started = true;
          hasContent = true;
        }
      }
      if (recordStart < bytesRead && keptBytes < MAX_KEPT_RECORD_BYTES) {
        kept.push(Buffer.from(chunk.subarray(recordStart)));
        keptBytes += bytesRead - recordStart;
      }
    }
  } finally {
    await handle.close();
  }
  // The last record may lack a line break; an unterminated quote makes it one DuckDB rejects itself.
  if (started || inQuotes) {
    line++;
    if (records >= 0 && fields >= headerFields && !(extraContent || hasContent) && !broken && !inQuotes) {
      found.push(trailingRecord(line, records, fields + 1, kept, Buffer.alloc(0)));
    }
    records++;
  }
  return { records: Math.max(records, 0), trailingFieldRecords: found, emptyLines };
}

function countByte(bytes: Buffer, byte: number, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (bytes[i] === byte) count++;
  return count;
}

/** Whether the `n` bytes before `end` are all commas: the last n fields are empty. */
function endsWithCommas(bytes: Buffer, end: number, n: number): boolean {
  for (let i = end - n; i < end; i++) if (bytes[i] !== COMMA) return false;
  return true;
}

function trailingRecord(
  line: number,
  recordsBefore: number,
  fieldCount: number,
  kept: readonly Buffer[],
  tail: Buffer,
): TrailingFieldRecord {
  const text = Buffer.concat([...kept, tail])
    .toString('utf8')
    .replace(/\r$/, '');
  return { line, recordsBefore, fieldCount, text };
}
