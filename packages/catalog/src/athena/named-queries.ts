import { WAREHOUSE_TABLE } from '@spotify-lake/contract';
import { namedQueries } from '@spotify-lake/queries';

/** Athena's limits on a named query (CreateNamedQuery). */
export const NAMED_QUERY_LIMITS = { name: 128, description: 1024, query: 262144 } as const;

export interface CatalogNamedQuery {
  readonly name: string;
  readonly description: string;
  readonly sql: string;
}

/**
 * The queries package's named queries for this database, checked against Athena's limits so that a bad entry
 * fails the deployment preview with its name rather than an API error halfway through.
 */
export function catalogNamedQueries(database: string): CatalogNamedQuery[] {
  const queries = namedQueries({ database, warehouseTable: WAREHOUSE_TABLE });
  const seen = new Map<string, string>();
  for (const [index, query] of queries.entries()) {
    const where = `named query #${index + 1} "${query.name}" from @spotify-lake/queries`;
    if (query.name.trim().length === 0 || query.name.length > NAMED_QUERY_LIMITS.name) {
      throw new Error(`${where}: name must be 1-${NAMED_QUERY_LIMITS.name} characters`);
    }
    const slug = querySlug(query.name);
    const clash = seen.get(slug);
    if (clash !== undefined) {
      throw new Error(
        `${where}: name clashes with "${clash}"; each query needs its own name (and resource name)`,
      );
    }
    seen.set(slug, query.name);
    if (query.description.trim().length === 0 || query.description.length > NAMED_QUERY_LIMITS.description) {
      throw new Error(`${where}: description must be 1-${NAMED_QUERY_LIMITS.description} characters`);
    }
    if (query.sql.trim().length === 0 || query.sql.length > NAMED_QUERY_LIMITS.query) {
      throw new Error(`${where}: sql must be 1-${NAMED_QUERY_LIMITS.query} characters`);
    }
  }
  return queries;
}

/** Logical name of a named query's resource: stable as long as the query keeps its name. */
export function namedQueryResourceName(componentName: string, queryName: string): string {
  return `${componentName}-query-${querySlug(queryName)}`;
}

const querySlug = (queryName: string) =>
  queryName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
