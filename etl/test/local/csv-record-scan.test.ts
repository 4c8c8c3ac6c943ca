import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanCsvRecords } from '../../src/local/csv-record-scan';
import { tempDir } from '../fixtures/helpers';

async function scan(content: string | Buffer, fields = 3) {
  const path = join(await tempDir(), 'x.csv');
  await writeFile(path, content);
  return scanCsvRecords(path, fields);
}

describe('scanCsvRecords', () => {
  it('counts records, not lines: quoted line breaks, "" and empty lines', async () => {
    const result = await scan('a,b,c\n1,"x\ny",3\n\n2,"say ""hi""",4\n3,,\n');
    expect(result).toEqual({ records: 3, trailingFieldRecords: [], emptyLines: [3] });
  });

  it('finds records whose extra fields are all empty, numbered like DuckDB (records and empty lines)', async () => {
    const result = await scan('a,b,c\n1,2,3,\n"m\nl",2,3\n\n4,5,6,,""\n7,8,9,x\n10,11,12\n1,2,3,\n');
    expect(result.records).toBe(6);
    expect(result.trailingFieldRecords).toEqual([
      { line: 2, recordsBefore: 0, fieldCount: 4, text: '1,2,3,' },
      { line: 5, recordsBefore: 2, fieldCount: 5, text: '4,5,6,,""' },
      { line: 8, recordsBefore: 5, fieldCount: 4, text: '1,2,3,' },
    ]);
  });

  it('handles CRLF, a last record without a line break, and records split across read chunks', async () => {
    const long = 'x'.repeat(1024 * 1024 + 10);
    const result = await scan(`a,b,c\r\n"${long}",2,3,\r\n1,2,3,`);
    expect(result.records).toBe(2);
    expect(result.trailingFieldRecords.map((r) => [r.line, r.text.length, r.fieldCount])).toEqual([
      [2, long.length + 7, 4],
      [3, 6, 4],
    ]);
  });

  it('leaves records DuckDB rejects on its own alone: text after a closing quote, unterminated quotes', async () => {
    const result = await scan('a,b,c\n"x"y,2,3,\n1,2,"open,\n');
    expect(result).toEqual({ records: 2, trailingFieldRecords: [], emptyLines: [] });
  });

  it('does not count the header or an empty file as records', async () => {
    expect(await scan('a,b,c\n')).toEqual({ records: 0, trailingFieldRecords: [], emptyLines: [] });
    expect(await scan('')).toEqual({ records: 0, trailingFieldRecords: [], emptyLines: [] });
  });

  it('lists the empty lines, CRLF ones and the last one too, by DuckDB line number', async () => {
    expect((await scan('a,b,c\r\n\r\n1,2,3\r\n\r\n"x\n\ny",2,3\n\n')).emptyLines).toEqual([2, 4, 6]);
  });
});
