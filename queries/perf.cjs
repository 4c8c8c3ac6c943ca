const { athenaRowDecoder } = require('./dist/athena/rows');
const q = require('./dist');
const cols = q.topArtistsByFollowers.columns.map((c) => ({ Name: c.name, Type: { string: 'varchar', int: 'integer', bigint: 'bigint' }[c.type] }));
const pages = Array.from({ length: 20 }, (_, p) => Array.from({ length: 1000 }, (_, i) => { const n = p * 1000 + i; return { Data: [{ VarCharValue: n.toString(36).padStart(22, '0') }, n % 17 ? { VarCharValue: 'Artist ' + n } : {}, { VarCharValue: String(3e9 + n * 7) }, { VarCharValue: String(n % 101) }, n % 3 ? { VarCharValue: 'dance pop' } : {}] }; }));
const dec = athenaRowDecoder('x', q.topArtistsByFollowers.columns, cols);
for (let k = 0; k < 3; k++) {
  let t = performance.now(); for (let p = 0; p < 1000; p++) dec(pages[p % 20], 1); console.log('decode', (performance.now() - t).toFixed(0));
  t = performance.now(); let s = 0n; for (let p = 0; p < 1000; p++) for (const r of pages[p % 20]) s += BigInt(r.Data[2].VarCharValue); console.log('bigint only', (performance.now() - t).toFixed(0));
  t = performance.now(); let c = 0; for (let p = 0; p < 1000; p++) for (const r of pages[p % 20]) if (/^-?[0-9]+$/.test(r.Data[2].VarCharValue)) c++; console.log('regex only', (performance.now() - t).toFixed(0));
}
