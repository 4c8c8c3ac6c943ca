import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const AWS_PACKAGE = dirname(createRequire(__filename).resolve('@pulumi/aws/package.json'));
const cache = new Map<string, boolean>();

/**
 * Whether the @pulumi/aws resource of a type token (`aws:s3/bucket:Bucket`) takes `tags`, read from the provider's
 * own declaration of its args (`s3/bucket.d.ts`, `interface BucketArgs`), so a graph-wide tag check covers every
 * taggable type, including ones added to the component later, without a hand-kept list.
 */
export function takesTags(type: string): boolean {
  const cached = cache.get(type);
  if (cached !== undefined) return cached;
  const match = /^aws:([a-zA-Z0-9]+)\/([a-zA-Z0-9]+):([A-Za-z0-9]+)$/.exec(type);
  if (!match) throw new Error(`takesTags: ${type} is not an @pulumi/aws resource type token`);
  const [, module, file, resource] = match;
  const declaration = readFileSync(join(AWS_PACKAGE, module!, `${file}.d.ts`), 'utf8');
  const start = declaration.indexOf(`export interface ${resource}Args {`);
  if (start < 0) throw new Error(`takesTags: no ${resource}Args in @pulumi/aws/${module}/${file}.d.ts`);
  const body = declaration.slice(start, declaration.indexOf('\n}', start));
  const result = /^\s+tags\?:/m.test(body);
  cache.set(type, result);
  return result;
}
