import type { DataContract } from '../../data-contract';
import { physicalType } from '../../logical-types';
import { dedupedView, typedValueColumn as typed } from '../names';
import { list } from '../sql-layout';
import type { EtlStatement } from '../statement';
import { acceptedRows, dimensionFields, factSource } from './fact-and-dimensions';

/**
 * Accepted fact rows joined to the accepted rows they reference: the inner joins drop exactly the rows of
 * `unresolved_<fact>`. The referenced rows are on the right, the side DuckDB builds from (`DUCKDB_SETTINGS`).
 */
export function warehouseStatement(contract: DataContract): EtlStatement {
  const fact = factSource(contract);
  const columns = contract.warehouse.columns.map((c) => {
    const value = `${c.from.source === fact.name ? 'w' : c.from.source}.${typed(c.from.field)}`;
    const expression = 'derived' in c.from ? `year(${value})` : value;
    return `CAST(${expression} AS ${physicalType(c.type).spark}) AS ${c.name}`;
  });
  const joins = fact.foreignKeys.flatMap((fk) => {
    const dim = fk.references.source;
    return [
      `JOIN ${acceptedRows(dim, [fk.references.field, ...dimensionFields(contract, dim)])} ${dim}`,
      `  ON ${dim}.${typed(fk.references.field)} = w.${typed(fk.field)}`,
    ];
  });
  const sql = [
    'SELECT',
    ...list(columns),
    `FROM ${dedupedView(fact.name)} w`,
    ...joins,
    'WHERE w._reason IS NULL',
  ].join('\n');
  return { name: contract.warehouse.table, sql, materialize: false };
}
