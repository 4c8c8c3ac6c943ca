import { assertContractConsistent, type DataContract, SPOTIFY_CONTRACT } from '../data-contract';
import { assertPortable } from './portability';
import type { EtlStatement } from './statement';
import { checkedStatement } from './statements/checked';
import { dedupedStatements } from './statements/deduped';
import { quarantineStatement } from './statements/quarantine';
import { sourceCountsStatement } from './statements/source-counts';
import { resolvedStatement, unresolvedStatement } from './statements/unresolved';
import { warehouseStatement } from './statements/warehouse';

/**
 * The ETL SQL, generated from a data contract in the common subset of Spark SQL (3.5) and DuckDB SQL, so that
 * the Glue job and the local runner execute the very same bytes. Every statement, in the order engines run it:
 * the checks of each source, its deduplication, the references of the fact source, then the outputs (the
 * warehouse, the quarantine, the counts).
 *
 * Written for speed as well (measured on DuckDB, see docs/benchmarks.md):
 * - the right side of every join is the smaller one, the side to build a hash table from: the local runner
 *   turns off DuckDB's build-side swap, whose estimates through views and filters picked the wide fact rows
 *   and doubled the warehouse write;
 * - wide fact rows are never joined into a second wide table: references are checked into the small
 *   `unresolved_<fact>`, and the warehouse joins the referenced rows while it is written;
 * - only `checked_<source>` reads a raw view: the text as read travels with the checked rows in one
 *   column, NULL on almost every row (`_original`), so an engine reads each source once and keeps no copy of it.
 */
export function etlStatements(contract: DataContract = SPOTIFY_CONTRACT): EtlStatement[] {
  assertContractConsistent(contract);
  const statements = [
    ...contract.sources.map((spec) => checkedStatement(spec)),
    ...contract.sources.flatMap((spec) => dedupedStatements(spec)),
    ...contract.sources
      .filter((spec) => spec.foreignKeys.length > 0)
      .flatMap((spec) => [unresolvedStatement(spec), resolvedStatement(spec)]),
    warehouseStatement(contract),
    quarantineStatement(contract),
    sourceCountsStatement(contract),
  ];
  for (const statement of statements) assertPortable(statement);
  return statements;
}
