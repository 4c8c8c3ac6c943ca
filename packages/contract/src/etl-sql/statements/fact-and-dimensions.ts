import type { DataContract } from '../../data-contract';
import type { SourceSpec } from '../../sources';
import { dedupedView, resolvedView, typedValueColumn as typed } from '../names';

/** The source the warehouse is a row of (its grain): the one no other source references. */
export function factSource(contract: DataContract): SourceSpec<string> {
  const referenced = new Set(
    contract.sources.flatMap((s) => s.foreignKeys.map((fk) => fk.references.source)),
  );
  const facts = contract.sources.filter((s) => !referenced.has(s.name));
  if (facts.length !== 1) {
    throw new Error(
      `the contract must have exactly one fact source, found: ${facts.map((s) => s.name).join(', ') || 'none'}`,
    );
  }
  return facts[0]!;
}

/** The view holding a source's rows with their final reason. */
export function finalView(spec: SourceSpec<string>): string {
  return spec.foreignKeys.length > 0 ? resolvedView(spec.name) : dedupedView(spec.name);
}

/** Fields of a referenced source that the warehouse needs, taken from it by the join. */
export function dimensionFields(contract: DataContract, source: string): string[] {
  return contract.warehouse.columns.filter((c) => c.from.source === source).map((c) => c.from.field);
}

/** The accepted rows of a referenced source, with the typed fields named. */
export function acceptedRows(source: string, fields: readonly string[]): string {
  return `(SELECT ${[...new Set(fields)].map(typed).join(', ')} FROM ${dedupedView(source)} WHERE _reason IS NULL)`;
}
