import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFsError, parseCsvRecord, readCsvHeader } from '../../src/local/csv-header';
import { EtlInputError } from '../../src/local/errors';
import { tempDir } from '../fixtures/helpers';

async function file(content: string | Buffer): Promise<string> {
  const path = join(await tempDir(), 'x.csv');
  await writeFile(path, content);
  return path;
}

describe('readCsvHeader', () => {
  it('reads the first record, with quoted names, a BOM and CRLF', async () => {
    expect(await readCsvHeader(await file('\uFEFFa,"b, c","say ""hi"""\r\n1,2,3\r\n'))).toEqual([
      'a',
      'b, c',
      'say "hi"',
    ]);
  });

  it('reads a header without a line break and one with a quoted line break', async () => {
    expect(await readCsvHeader(await file('a,b'))).toEqual(['a', 'b']);
    expect(await readCsvHeader(await file('"a\nb",c\n1,2\n'))).toEqual(['a\nb', 'c']);
  });

  it('reads a header that spans several read chunks', async () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `column_${i}`);
    expect(await readCsvHeader(await file(`${names.join(',')}\n1\n`))).toEqual(names);
  });

  it.each([
    ['an empty file', '', 'is empty'],
    ['a blank file', '\n\n  \n', 'is empty'],
    ['an unterminated quote', '"a,b\n', 'header has an unterminated quote'],
    ['bytes that are not UTF-8', Buffer.from([0x61, 0xff, 0x2c, 0x62, 0x0a]), 'header is not UTF-8 text'],
  ])('names the file for %s', async (_, content, problem) => {
    const path = await file(content);
    const error = await readCsvHeader(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EtlInputError);
    expect((error as EtlInputError).file).toBe(path);
    expect((error as EtlInputError).message).toContain(problem);
  });

  it('names a file that cannot be opened', async () => {
    const dir = await tempDir();
    const missing = join(dir, 'missing.csv');
    await expect(readCsvHeader(missing)).rejects.toThrow(`${missing}: cannot be read (no such file)`);
    await mkdir(join(dir, 'folder.csv'));
    await expect(readCsvHeader(join(dir, 'folder.csv'))).rejects.toThrow(/is a directory/);
  });

  it('names an unreadable file (when permissions apply to this user)', async () => {
    const path = await file('a,b\n');
    await chmod(path, 0o000);
    const outcome = await readCsvHeader(path).then(
      () => 'read',
      (e: Error) => e.message,
    );
    // root reads anything; everyone else must get a clear error.
    expect(outcome === 'read' ? process.getuid?.() : outcome).toBe(
      outcome === 'read' ? 0 : `${path}: cannot be read (permission denied)`,
    );
  });
});

describe('parseCsvRecord', () => {
  it('splits a record and stops at the first line break outside quotes', () => {
    expect(parseCsvRecord('a,,"b""c",\nnext')).toEqual(['a', '', 'b"c', '']);
    expect(parseCsvRecord('"x\r\ny",z\r\n')).toEqual(['x\r\ny', 'z']);
  });

  it('returns undefined for an unterminated quote', () => {
    expect(parseCsvRecord('a,"b')).toBeUndefined();
  });
});

describe('describeFsError', () => {
  it('turns error codes into words and keeps other messages', () => {
    expect(describeFsError(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe('permission denied');
    expect(describeFsError(Object.assign(new Error('x'), { code: 'EMFILE' }))).toBe('EMFILE');
    expect(describeFsError(new Error('boom'))).toBe('boom');
    expect(describeFsError('plain')).toBe('plain');
  });
});
