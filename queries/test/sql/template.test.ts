import { describe, expect, it } from 'vitest';
import { type ParamRef, sql, type TableRef } from '../../src/sql/template';

const p: ParamRef = { kind: 'param', name: 'limit' };
const t: TableRef = { kind: 'table', table: 'warehouse' };

describe('sql template', () => {
  it('keeps text, parameters and tables as parts and flattens nested fragments', () => {
    const inner = sql`WHERE x = ${p}`;
    const outer = sql`SELECT * FROM ${t} ${inner} LIMIT ${p}`;
    expect(outer.parts).toEqual(['SELECT * FROM ', t, ' WHERE x = ', p, ' LIMIT ', p]);
  });

  it('refuses plain values so that no caller value becomes SQL text', () => {
    const userInput = "'; DROP TABLE x; --";
    expect(() => sql`SELECT ${userInput as never}`).toThrow(/value #1 is string/);
    expect(() => sql`SELECT ${5 as never}`).toThrow(/value #1 is number/);
    expect(() => sql`SELECT ${undefined as never}`).toThrow(/undefined \(an undeclared parameter\?\)/);
  });
});
