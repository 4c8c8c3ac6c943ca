import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvFileWriter, csvField, csvRecord, csvValue, recordOf } from '../../src/generate/csv-writer';
import { duck, tempDir } from './helpers';

describe('csvField', () => {
  it('quotes only what RFC 4180 requires and doubles quotes', () => {
    expect(csvField('plain text é 東京')).toBe('plain text é 東京');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('')).toBe('');
  });

  it('round-trips through csvValue', () => {
    for (const value of ['x', 'a,b', '"', 'say "hi", then\nbye', ''])
      expect(csvValue(csvField(value))).toBe(value);
  });

  it('builds records from values or from cells', () => {
    expect(csvRecord(['a', 'b,c', ''])).toBe('a,"b,c",\n');
    expect(recordOf(['a', '"b,c"'])).toBe('a,"b,c"\n');
  });
});

describe('CsvFileWriter', () => {
  it('writes the header and every record in order across many flushes, readable by DuckDB', async () => {
    const path = join(await tempDir(), 'out.csv');
    const writer = await CsvFileWriter.create(path, ['id', 'name'], 256);
    const names: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const name = i % 3 === 0 ? `Name, "${i}"\nsecond line ü` : `name ${i} 東京`;
      names.push(name);
      writer.append(csvRecord([String(i), name]));
      if (writer.full) await writer.flush();
    }
    expect(writer.records).toBe(2000);
    await writer.close();
    const text = await readFile(path, 'utf8');
    expect(text.startsWith('id,name\n0,"Name, ""0""\nsecond line ü"\n1,name 1 東京\n')).toBe(true);
    const rows = await duck(
      `SELECT id, name FROM read_csv('${path}', header = true, auto_detect = false, quote = '"', escape = '"', columns = {'id': 'VARCHAR', 'name': 'VARCHAR'})`,
    );
    expect(rows.map((r) => r.name)).toEqual(names);
    expect((await stat(path)).size).toBe(Buffer.byteLength(text));
  }, 60_000);

  it('counts no records for a header-only file', async () => {
    const path = join(await tempDir(), 'empty.csv');
    const writer = await CsvFileWriter.create(path, ['a']);
    expect(writer.records).toBe(0);
    await writer.close();
    expect(await readFile(path, 'utf8')).toBe('a\n');
  }, 60_000);

  it('reports a failed write instead of losing it', async () => {
    const path = join(await tempDir(), 'closed.csv');
    const writer = await CsvFileWriter.create(path, ['a'], 16);
    // Close the file underneath the writer: its next write must fail loudly.
    await (writer as unknown as { handle: { close(): Promise<void> } }).handle.close();
    writer.append('some record that fills the buffer\n');
    await writer.flush();
    await expect(writer.close()).rejects.toThrow();
  }, 60_000);
});
