import type { DataContract } from '../../data-contract';
import { physicalType } from '../../logical-types';
import { QUARANTINE_META_COLUMNS, quarantineFieldColumns } from '../../quarantine';
import { originalText } from '../original-text';
import { list } from '../sql-layout';
import type { EtlStatement } from '../statement';
import { finalView } from './fact-and-dimensions';

/** Every rejected row of every source, with its reason and detail and its fields as read. */
export function quarantineStatement(contract: DataContract): EtlStatement {
  const metaSource: Record<string, (s: string) => string> = {
    source: (s) => `'${s}'`,
    record: () => 'q._record',
    reason: () => 'q._reason',
    detail: () => 'q._detail',
    raw_line: () => 'q._raw_line',
  };
  const quarantineColumns = [...QUARANTINE_META_COLUMNS, ...quarantineFieldColumns(contract.sources)];
  const selects = contract.sources.map((spec) => {
    const fields = new Map(spec.fields.map((f) => [f.name, f]));
    const columns = quarantineColumns.map((c) => {
      const meta = metaSource[c.name];
      const field = fields.get(c.name);
      const expression = meta ? meta(spec.name) : field ? originalText(spec, field, 'q') : 'NULL';
      return `CAST(${expression} AS ${physicalType(c.type).spark}) AS ${c.name}`;
    });
    return ['SELECT', ...list(columns), `FROM ${finalView(spec)} q`, 'WHERE q._reason IS NOT NULL'].join(
      '\n',
    );
  });
  if (QUARANTINE_META_COLUMNS.some((c) => !metaSource[c.name])) throw new Error('unmapped quarantine column');
  return { name: contract.quarantine.table, sql: selects.join('\nUNION ALL\n'), materialize: false };
}
