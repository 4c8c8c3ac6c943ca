import { type FileHandle, open } from 'node:fs/promises';

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;
const DOUBLED_QUOTE = /""/g;
/** Records are gathered as text and UTF-8 encoded in batches of this many characters. */
const TEXT_BATCH = 16 * 1024;
/** Slack past the flush threshold: one text batch at 3 bytes per character plus a few records. */
const SLACK_BYTES = 3 * TEXT_BATCH + 64 * 1024;

/** One field as RFC 4180 writes it (a "cell"): quoted when it holds a comma, quote or line break, quotes doubled. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(QUOTE, '""')}"` : value;
}

/** The value a cell written by csvField holds. */
export function csvValue(cell: string): string {
  return cell.startsWith('"') ? cell.slice(1, -1).replace(DOUBLED_QUOTE, '"') : cell;
}

/** One record, from cells that are already CSV-encoded, with its line ending. */
export function recordOf(cells: readonly string[]): string {
  // Plain concatenation beats join() here: the record is flattened once, when it is encoded.
  let record = cells[0] as string;
  for (let i = 1; i < cells.length; i++) record += `,${cells[i]}`;
  return `${record}\n`;
}

/** One record from raw values. */
export function csvRecord(values: readonly string[]): string {
  return recordOf(values.map(csvField));
}

/**
 * Buffered appends for files of hundreds of megabytes. Records are UTF-8 encoded into one of two
 * preallocated buffers; a full buffer is written while the generator fills the other, so generating
 * and writing overlap and memory stays flat.
 */
export class CsvFileWriter {
  private buffer: Buffer;
  private spare: Buffer;
  private used = 0;
  private pendingText = '';
  private pendingRecords = 0;
  private written = 0;
  private inFlight: Promise<void> = Promise.resolve();
  private failure: unknown;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private readonly flushAt: number,
  ) {
    this.buffer = Buffer.allocUnsafe(flushAt + SLACK_BYTES);
    this.spare = Buffer.allocUnsafe(flushAt + SLACK_BYTES);
  }

  /** Opens (truncates) the file and writes the header. `flushAt` is the write size in bytes, default 1 MiB. */
  static async create(path: string, header: readonly string[], flushAt = 1 << 20): Promise<CsvFileWriter> {
    const writer = new CsvFileWriter(path, await open(path, 'w'), flushAt);
    writer.append(csvRecord(header));
    writer.pendingRecords = 0;
    return writer;
  }

  /** Data records appended so far (the header is not one). */
  get records(): number {
    return this.written + this.pendingRecords;
  }

  /**
   * Appends one data record's text, which must end with its line break (or be the file's last).
   * Synchronous so the hot loop pays no promise per row: await `flush()` once `full` is true.
   */
  append(recordText: string): void {
    this.pendingText += recordText;
    this.pendingRecords++;
    if (this.pendingText.length >= TEXT_BATCH) this.encodePending();
  }

  get full(): boolean {
    return this.used >= this.flushAt;
  }

  private encodePending(): void {
    if (this.used + this.pendingText.length * 3 > this.buffer.length) {
      throw new Error(
        `${this.path}: ${this.pendingText.length} characters do not fit the write buffer; flush first`,
      );
    }
    this.used += this.buffer.write(this.pendingText, this.used, 'utf8');
    this.pendingText = '';
  }

  /** Hands the buffered records to the file; resolves once the previous write is done. */
  async flush(): Promise<void> {
    this.encodePending();
    await this.inFlight;
    if (this.failure !== undefined) throw this.failure;
    if (this.used === 0) return;
    const filled = this.buffer;
    const length = this.used;
    this.buffer = this.spare;
    this.spare = filled;
    this.used = 0;
    this.written += this.pendingRecords;
    this.pendingRecords = 0;
    // Caught here and rethrown by the next flush or close, so a failed write never goes unhandled.
    this.inFlight = this.writeAll(filled, length).catch((error: unknown) => {
      this.failure = error;
    });
  }

  private async writeAll(buffer: Buffer, length: number): Promise<void> {
    let offset = 0;
    while (offset < length) {
      const { bytesWritten } = await this.handle.write(buffer, offset, length - offset);
      offset += bytesWritten;
    }
  }

  async close(): Promise<void> {
    try {
      await this.flush();
      await this.inFlight;
      if (this.failure !== undefined) throw this.failure;
    } finally {
      await this.handle.close();
    }
  }
}
