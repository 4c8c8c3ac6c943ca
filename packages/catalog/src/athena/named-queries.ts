/** Athena's limits on a named query (CreateNamedQuery). */
export const NAMED_QUERY_LIMITS = { name: 128, description: 1024, query: 262144 } as const;

/** A saved query for Athena's console (an `AWS::Athena::NamedQuery`); the console prompts for each `?`. */
export interface CatalogNamedQuery {
  readonly name: string;
  readonly description: string;
  readonly sql: string;
}

/** Where the named queries' SQL reads from: this catalog's database and its warehouse table. */
export interface NamedQueryTarget {
  readonly databaseName: string;
  readonly warehouseTable: string;
}

/**
 * The named queries a catalog saves: a list, or a function of the target that renders each query's SQL for the
 * catalog's database (known only once the database resolves). The stacks pass the queries package's
 * `namedQueries`; the component itself knows nothing of any query package.
 */
export type NamedQuerySource =
  | readonly CatalogNamedQuery[]
  | ((target: NamedQueryTarget) => readonly CatalogNamedQuery[]);

/**
 * The named queries for this target, checked against Athena's limits so that a bad entry fails the deployment
 * preview with its position and name rather than an API error halfway through.
 */
export function catalogNamedQueries(source: NamedQuerySource, target: NamedQueryTarget): CatalogNamedQuery[] {
  const queries = typeof source === 'function' ? source(target) : source;
  if (!Array.isArray(queries)) {
    throw new Error(
      `namedQueries must give a list of { name, description, sql }; got ${JSON.stringify(queries)}`,
    );
  }
  const seen = new Map<string, string>();
  for (const [index, query] of queries.entries()) {
    const where = `named query #${index + 1} "${query?.name}"`;
    if (typeof query !== 'object' || query === null)
      throw new Error(`${where}: must be { name, description, sql }`);
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
  return [...queries];
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
