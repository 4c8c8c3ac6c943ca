import type { ColumnInfo, Row } from '@aws-sdk/client-athena';
import { PHYSICAL_TYPES } from '@spotify-lake/contract';
import {
  AthenaQueryRunner,
  athenaRowDecoder,
  topArtistsByFollowers,
  virtualClock,
} from '@spotify-lake/queries';
import { simulatedAthena } from './simulated-athena';

/**
 * `pnpm bench:queries`: (1) status polling against a simulated Athena on a virtual clock (simulated time, so
 * a 120 s query takes milliseconds); (2) conversion throughput of result pages into typed rows.
 */

const COLUMNS: ColumnInfo[] = topArtistsByFollowers.columns.map((c) => ({
  Name: c.name,
  Type: PHYSICAL_TYPES[c.type].athena,
}));
const header: Row = { Data: COLUMNS.map((c) => ({ VarCharValue: c.Name })) };

function page(pageIndex: number, size: number): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < size; i++) {
    const n = pageIndex * size + i;
    rows.push({
      Data: [
        { VarCharValue: `${n.toString(36).padStart(22, '0')}` },
        n % 17 === 0 ? {} : { VarCharValue: `Artist ${n} «ü»` },
        { VarCharValue: String(3_000_000_000 + n * 7) },
        { VarCharValue: String(n % 101) },
        n % 3 === 0 ? {} : { VarCharValue: 'dance pop' },
      ],
    });
  }
  return rows;
}

async function polling(durationMs: number) {
  const clock = virtualClock(0);
  const sim = simulatedAthena(clock, durationMs, COLUMNS, [[header, ...page(0, 1)]]);
  const runner = new AthenaQueryRunner({
    client: sim.client,
    database: 'bench',
    clock,
    requestToken: () => 'bench-token-0000000000000000000000',
  });
  await runner.run(topArtistsByFollowers);
  const addedMs = sim.seenDoneAt()! - sim.finishedAt()!;
  return { calls: sim.calls.status, addedMs, targetMs: Math.max(0.1 * durationMs, 300) };
}

async function main() {
  let ok = true;
  console.log('Status polling against a simulated Athena (virtual clock; times are simulated)');
  console.log('query time   status calls   added latency   target latency   result');
  for (const seconds of [0.5, 5, 30, 120]) {
    const r = await polling(seconds * 1000);
    const pass = r.addedMs <= r.targetMs && (seconds !== 120 || r.calls <= 30);
    ok &&= pass;
    console.log(
      `${`${seconds} s`.padStart(10)}   ${String(r.calls).padStart(12)}   ${`${r.addedMs.toFixed(0)} ms`.padStart(13)}   ${`${r.targetMs.toFixed(0)} ms`.padStart(14)}   ${pass ? 'ok' : 'MISSED'}${seconds === 120 ? ' (calls <= 30)' : ''}`,
    );
  }
  // Worst case over many query lengths: a schedule this cheap cannot bound every length to 10%.
  let worst = { seconds: 0, ratio: 0, addedMs: 0 };
  let maxCalls = 0;
  for (let ms = 200; ms <= 300_000; ms = Math.round(ms * 1.013 + 1)) {
    const r = await polling(ms);
    const ratio = r.addedMs / r.targetMs;
    if (ratio > worst.ratio) worst = { seconds: ms / 1000, ratio, addedMs: r.addedMs };
    if (ms <= 120_000) maxCalls = Math.max(maxCalls, r.calls);
  }
  console.log(
    `sweep 0.2-300 s: worst added latency ${worst.addedMs.toFixed(0)} ms for a ${worst.seconds.toFixed(1)} s query (${worst.ratio.toFixed(2)}x its target); at most ${maxCalls} status calls up to 120 s`,
  );

  const totalRows = 1_000_000;
  const pageSize = 1000;
  const distinct = Array.from({ length: 20 }, (_, i) => page(i, pageSize));
  const decode = athenaRowDecoder(topArtistsByFollowers.name, topArtistsByFollowers.columns, COLUMNS);
  // Three rounds over the million rows; the median is the figure (the first round includes JIT warm-up).
  const decodeRuns: number[] = [];
  let checksum = 0n;
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    for (let p = 0; p < totalRows / pageSize; p++) {
      const rows = decode(distinct[p % distinct.length]!, p * pageSize + 1);
      checksum += rows[pageSize - 1]!.followers as bigint;
    }
    decodeRuns.push(performance.now() - t0);
  }
  const decodeMs = [...decodeRuns].sort((a, b) => a - b)[1]!;
  const decodeRate = totalRows / (decodeMs / 1000);

  // The whole runner path: pages served by the simulated Athena, rows streamed to the caller.
  const clock = virtualClock(0);
  const pages = Array.from({ length: totalRows / pageSize }, (_, p) => {
    const rows = distinct[p % distinct.length]!;
    return p === 0 ? [header, ...rows] : rows;
  });
  const sim = simulatedAthena(clock, 500, COLUMNS, pages);
  const runner = new AthenaQueryRunner({
    client: sim.client,
    database: 'bench',
    clock,
    requestToken: () => 'bench-token-0000000000000000000000',
  });
  let streamed = 0;
  const t1 = performance.now();
  for await (const row of runner.stream(topArtistsByFollowers)) {
    streamed++;
    if (row.followers < 0n) throw new Error('unreachable');
  }
  const streamMs = performance.now() - t1;
  const streamRate = streamed / (streamMs / 1000);

  console.log('');
  console.log(
    `Conversion of ${totalRows.toLocaleString('en')} rows (5 columns: varchar, varchar, bigint, integer, varchar) in ${pageSize}-row pages`,
  );
  console.log(
    `decode only:          ${decodeMs.toFixed(0)} ms (median of ${decodeRuns.map((ms) => ms.toFixed(0)).join(', ')} ms), ${Math.round(decodeRate).toLocaleString('en')} rows/s (checksum ${checksum})`,
  );
  console.log(
    `runner.stream():      ${streamMs.toFixed(0)} ms, ${Math.round(streamRate).toLocaleString('en')} rows/s (${sim.calls.results} GetQueryResults calls)`,
  );
  const convOk = decodeRate >= 1_000_000 && streamRate >= 1_000_000;
  console.log(`target >= 1,000,000 rows/s: ${convOk ? 'ok' : 'MISSED'}`);
  ok &&= convOk;
  process.exitCode = ok ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
