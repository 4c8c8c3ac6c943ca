import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';

/**
 * The CloudFormation resource schemas of QuickSight in shared/ (the registry's own JSON schemas, located as the
 * catalog's tests locate theirs), a full JSON-schema validator over them (ajv), and the mapping from aws-native's
 * camelCase to CloudFormation's property names, read from the schema itself: `kpiVisual` is `KPIVisual`,
 * `exportToCsvOption` is `ExportToCSVOption`, which no mechanical case conversion gets right.
 */
const SHARED = process.env.SPOTIFY_SHARED_DATA;
const SCHEMA_DIRS = [
  ...(SHARED ? [SHARED, join(SHARED, '..')] : []),
  join(__dirname, '../../../../../shared'),
].map((dir) => join(dir, 'schemas/cloudformation'));

export type QuickSightSchemaFile =
  | 'aws-quicksight-dashboard.json'
  | 'aws-quicksight-analysis.json'
  | 'aws-quicksight-dataset.json'
  | 'aws-quicksight-datasource.json';

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  definitions?: Record<string, JsonSchema>;
}

export function schemaPath(file: QuickSightSchemaFile): string | undefined {
  return SCHEMA_DIRS.map((dir) => join(dir, file)).find((candidate) => existsSync(candidate));
}

/** Why the schema tests are skipped, or undefined when the schemas are there. */
export const SCHEMAS_MISSING = schemaPath('aws-quicksight-dashboard.json')
  ? undefined
  : `CloudFormation schemas not found in ${SCHEMA_DIRS.join(', ')} (set SPOTIFY_SHARED_DATA to the shared/ folder)`;

const cache = new Map<string, JsonSchema>();
export function loadSchema(file: QuickSightSchemaFile): JsonSchema {
  const cached = cache.get(file);
  if (cached) return cached;
  const path = schemaPath(file);
  if (!path) throw new Error(`CloudFormation schema ${file} not found in ${SCHEMA_DIRS.join(', ')}`);
  const schema = JSON.parse(readFileSync(path, 'utf8')) as JsonSchema;
  cache.set(file, schema);
  return schema;
}

function resolveRef(root: JsonSchema, schema: JsonSchema): JsonSchema {
  let current = schema;
  while (current.$ref) {
    const name = current.$ref.replace('#/definitions/', '');
    const found = root.definitions?.[name];
    if (!found) throw new Error(`schema has no definition ${name}`);
    current = found;
  }
  return current;
}

/**
 * `value` (aws-native camelCase) with every property renamed to the schema's own name for it, matched without
 * case. A property the schema does not know keeps its name, so the validator reports it as unknown.
 */
export function toCfn(root: JsonSchema, value: unknown, schema: JsonSchema = root): unknown {
  const resolved = resolveRef(root, schema);
  if (Array.isArray(value))
    return value.map((item) => (resolved.items ? toCfn(root, item, resolved.items) : item));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined) continue;
    const named = Object.keys(resolved.properties ?? {}).find((p) => p.toLowerCase() === key.toLowerCase());
    if (named) {
      out[named] = toCfn(root, child, resolved.properties![named]!);
      continue;
    }
    // Maps keyed by the user (PhysicalTableMap): keys stay, values follow the pattern's schema.
    const pattern = Object.entries(resolved.patternProperties ?? {}).find(([p]) =>
      new RegExp(p).test(key),
    )?.[1];
    out[key] = pattern ? toCfn(root, child, pattern) : child;
  }
  return out;
}

const validators = new Map<string, ValidateFunction>();
function validatorFor(file: QuickSightSchemaFile, definition: string | undefined): ValidateFunction {
  const key = `${file}#${definition ?? ''}`;
  const cached = validators.get(key);
  if (cached) return cached;
  // CloudFormation schemas use keywords of their own (insertionOrder, tagging, handlers): not validation rules.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const root = loadSchema(file);
  const schema = definition ? { definitions: root.definitions, $ref: `#/definitions/${definition}` } : root;
  const validate = ajv.compile(schema);
  validators.set(key, validate);
  return validate;
}

/**
 * Every violation of the schema (or of one of its definitions, e.g. `DashboardVersionDefinition`) by `value`, a
 * camelCase aws-native input converted with `toCfn`. Empty when it conforms.
 */
export function cfnViolations(file: QuickSightSchemaFile, value: unknown, definition?: string): string[] {
  const root = loadSchema(file);
  const start = definition ? { $ref: `#/definitions/${definition}` } : root;
  const converted = toCfn(root, value, start);
  const validate = validatorFor(file, definition);
  if (validate(converted)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '$'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
  );
}
