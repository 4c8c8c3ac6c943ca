import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The CloudFormation resource schemas in shared/ (the registry's own JSON schemas), and a validator for the subset
 * of JSON Schema they use, so that the shapes a component produces are checked against AWS's own description of
 * the resource: property names, types, enums, required properties, lengths, minimums and maximums.
 */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  $ref?: string;
  definitions?: Record<string, JsonSchema>;
}

/**
 * Folders that may hold `schemas/cloudformation`: `SPOTIFY_SHARED_DATA` (shared/ or its data/), then a `shared/`
 * beside any folder above `from` (the repository's parent in a clone, a worktree's parents too).
 */
export function cfnSchemaDirs(from: string): string[] {
  const shared = process.env.SPOTIFY_SHARED_DATA;
  const dirs = shared ? [shared, join(shared, '..')] : [];
  for (let dir = from; ; dir = dirname(dir)) {
    dirs.push(join(dir, 'shared'));
    if (dirname(dir) === dir) break;
  }
  return dirs.map((dir) => join(dir, 'schemas/cloudformation'));
}

/** The schema `file` (e.g. `aws-glue-job.json`), or undefined when no shared/ folder holds it. */
export function findCfnSchema(file: string, from: string): JsonSchema | undefined {
  const path = cfnSchemaDirs(from)
    .map((dir) => join(dir, file))
    .find((candidate) => existsSync(candidate));
  return path === undefined ? undefined : (JSON.parse(readFileSync(path, 'utf8')) as JsonSchema);
}

/** The schema of one definition, e.g. `RecrawlPolicy`. */
export function definition(root: JsonSchema, name: string): JsonSchema {
  const found = root.definitions?.[name];
  if (!found) throw new Error(`schema has no definition ${name}`);
  return found;
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Every violation of `schema` by `value`, as `path: problem`; empty when it conforms. */
export function validate(root: JsonSchema, value: unknown, schema: JsonSchema = root, path = '$'): string[] {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/definitions/', '');
    return validate(root, value, definition(root, name), path);
  }
  const errors: string[] = [];
  const actual = typeOf(value);
  if (schema.type) {
    const allowed = Array.isArray(schema.type) ? schema.type : [schema.type];
    const ok = allowed.some((t) => t === actual || (t === 'number' && actual === 'integer'));
    if (!ok) return [`${path}: expected ${allowed.join('|')}, got ${actual}`];
  }
  if (schema.enum && !schema.enum.includes(value))
    errors.push(`${path}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength)
      errors.push(`${path}: shorter than ${schema.minLength}`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      errors.push(`${path}: longer than ${schema.maxLength}`);
    if (schema.pattern && !new RegExp(schema.pattern).test(value))
      errors.push(`${path}: does not match ${schema.pattern}`);
  }
  if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) {
    errors.push(`${path}: below ${schema.minimum}`);
  }
  if (typeof value === 'number' && schema.maximum !== undefined && value > schema.maximum) {
    errors.push(`${path}: above ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      errors.push(`${path}: fewer than ${schema.minItems} items`);
    if (schema.items) {
      for (const [i, item] of value.entries())
        errors.push(...validate(root, item, schema.items, `${path}[${i}]`));
    }
  }
  if (
    actual === 'object' &&
    (schema.properties || schema.patternProperties || schema.additionalProperties === false)
  ) {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? [])
      if (object[key] === undefined) errors.push(`${path}: missing required ${key}`);
    for (const [key, child] of Object.entries(object)) {
      if (child === undefined) continue; // absent in JSON
      const property = schema.properties?.[key];
      const pattern = Object.entries(schema.patternProperties ?? {}).find(([p]) =>
        new RegExp(p).test(key),
      )?.[1];
      if (property) errors.push(...validate(root, child, property, `${path}.${key}`));
      else if (pattern) errors.push(...validate(root, child, pattern, `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: unknown property ${key}`);
    }
  }
  return errors;
}

/** `{ a: 'b' }` as CloudFormation tag list `[{ Key: 'a', Value: 'b' }]`. */
export function cfnTagList(tags: Record<string, string>): { Key: string; Value: string }[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}
