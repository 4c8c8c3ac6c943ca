import { open } from 'node:fs/promises';
import { EtlInputError } from './errors';

/** A header longer than this is not a CSV header but a wrong file (a binary, or a file without newlines). */
const MAX_HEADER_BYTES = 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;
const UTF8_BOM = '\uFEFF';

/**
 * Reads the first record of a CSV file (RFC 4180: `,` separated, `"` quoted, `""` inside quotes) and
 * returns its fields. Throws EtlInputError naming the file when the file cannot be opened, is empty,
 * is not UTF-8 text, or its header is not a complete record.
 */
export async function readCsvHeader(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readHeadText(file);
  } catch (error) {
    if (error instanceof EtlInputError) throw error;
    throw new EtlInputError({ file }, `cannot be read (${describeFsError(error)})`, { cause: error });
  }
  if (text.startsWith(UTF8_BOM)) text = text.slice(UTF8_BOM.length);
  if (text.trim() === '') throw new EtlInputError({ file }, 'is empty: expected a header line and data rows');
  const fields = parseCsvRecord(text);
  if (fields === undefined) throw new EtlInputError({ file, row: 1 }, 'header has an unterminated quote');
  return fields;
}

async function readHeadText(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < MAX_HEADER_BYTES) {
      const buffer = Buffer.alloc(CHUNK_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, total);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (hasRecordEnd(Buffer.concat(chunks))) break;
    }
    const head = Buffer.concat(chunks);
    const end = recordEnd(head);
    const headerBytes = end === -1 ? head : head.subarray(0, end);
    if (end === -1 && total >= MAX_HEADER_BYTES) {
      throw new EtlInputError(
        { file, row: 1 },
        `has no header line within its first ${MAX_HEADER_BYTES} bytes`,
      );
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(headerBytes);
    } catch {
      throw new EtlInputError({ file, row: 1 }, 'header is not UTF-8 text');
    }
  } finally {
    await handle.close();
  }
}

function hasRecordEnd(bytes: Buffer): boolean {
  return recordEnd(bytes) !== -1;
}

/** Byte offset of the first line break outside quotes, or -1. Quotes and newlines are ASCII, so bytes suffice. */
function recordEnd(bytes: Buffer): number {
  let quoted = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === 0x22) quoted = !quoted;
    else if ((byte === 0x0a || byte === 0x0d) && !quoted) return i;
  }
  return -1;
}

/**
 * The fields of the first record of `text` (RFC 4180), or undefined when a quote is not closed.
 * Quoted fields may hold line breaks; a record ends at the first line break outside quotes.
 */
export function parseCsvRecord(text: string): string[] | undefined {
  const fields: string[] = [];
  let field = '';
  let i = 0;
  let atFieldStart = true;
  while (i < text.length) {
    const char = text[i]!;
    if (atFieldStart && char === '"') {
      const close = closingQuote(text, i + 1);
      if (close === -1) return undefined;
      field = text.slice(i + 1, close).replaceAll('""', '"');
      i = close + 1;
      atFieldStart = false;
      continue;
    }
    if (char === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
    } else if (char === '\n' || char === '\r') {
      break;
    } else {
      field += char;
      atFieldStart = false;
    }
    i++;
  }
  fields.push(field);
  return fields;
}

function closingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (text[i + 1] === '"') {
      i++;
      continue;
    }
    return i;
  }
  return -1;
}

/** `ENOENT`-style codes are what a user can act on; the message adds the syscall noise. */
export function describeFsError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    const known: Record<string, string> = {
      ENOENT: 'no such file',
      EACCES: 'permission denied',
      EISDIR: 'is a directory, not a file',
      ENOTDIR: 'a parent is not a directory',
      EPERM: 'operation not permitted',
    };
    return known[error.code] ?? error.code;
  }
  return error instanceof Error ? error.message : String(error);
}
