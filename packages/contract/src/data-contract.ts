import { QUARANTINE_TABLE } from './quarantine';
import { SOURCE_NAMES, SOURCES, type SourceSpec } from './sources';
import { WAREHOUSE_COLUMNS, WAREHOUSE_TABLE, type WarehouseColumn } from './warehouse';

/**
 * A data contract as the generators read it: the sources in the order engines read them, the warehouse they
 * feed and the quarantine that keeps what they reject. The Spotify contract is one value of it; tests build
 * small synthetic ones to exercise the generators on shapes the Spotify contract does not have.
 */
export interface DataContract {
  readonly sources: readonly SourceSpec<string>[];
  readonly warehouse: { readonly table: string; readonly columns: readonly WarehouseColumn<string>[] };
  readonly quarantine: { readonly table: string };
}

/** The Spotify lake's contract: albums, artists and tracks into the album-track warehouse. */
export const SPOTIFY_CONTRACT: DataContract = {
  sources: SOURCE_NAMES.map((name) => SOURCES[name]),
  warehouse: { table: WAREHOUSE_TABLE, columns: WAREHOUSE_COLUMNS },
  quarantine: { table: QUARANTINE_TABLE },
};

/** A source of the contract by name; throws naming the contract's sources when there is none. */
export function contractSource(contract: DataContract, name: string): SourceSpec<string> {
  const spec = contract.sources.find((s) => s.name === name);
  if (!spec) {
    throw new Error(
      `the contract has no source "${name}"; it has ${contract.sources.map((s) => s.name).join(', ')}`,
    );
  }
  return spec;
}

/**
 * Checks that a contract's references hold together before anything is generated from it: every foreign key and
 * every warehouse column names a field of a source of the contract, and every key field exists. A mistake is
 * reported with the source, field or column that is wrong.
 */
export function assertContractConsistent(contract: DataContract): void {
  const problems: string[] = [];
  const hasField = (source: string, field: string) =>
    contract.sources.some((s) => s.name === source && s.fields.some((f) => f.name === field));
  for (const spec of contract.sources) {
    for (const key of spec.key) {
      if (!hasField(spec.name, key))
        problems.push(`source ${spec.name}: key field ${key} is not one of its fields`);
    }
    for (const fk of spec.foreignKeys) {
      if (!hasField(spec.name, fk.field))
        problems.push(`source ${spec.name}: foreign key field ${fk.field} is not one of its fields`);
      if (!hasField(fk.references.source, fk.references.field)) {
        problems.push(
          `source ${spec.name}: ${fk.field} references ${fk.references.source}.${fk.references.field}, which the contract does not have`,
        );
      }
    }
  }
  for (const column of contract.warehouse.columns) {
    if (!hasField(column.from.source, column.from.field)) {
      problems.push(
        `warehouse column ${column.name} comes from ${column.from.source}.${column.from.field}, which the contract does not have`,
      );
    }
  }
  if (problems.length > 0) throw new Error(`the data contract is inconsistent: ${problems.join('; ')}`);
}
