import type * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { applyResourceTransform, createChild } from '../src/resource-transform';

interface Args {
  a: number;
  b?: string;
}

describe('applyResourceTransform', () => {
  it('returns name, args and options unchanged without a hook', () => {
    const args = { a: 1 };
    const opts = { protect: true };
    const [name, out, outOpts] = applyResourceTransform<Args>(undefined, 'n', args, opts);
    expect(name).toBe('n');
    expect(out).toBe(args);
    expect(outOpts).toBe(opts);
  });

  it('merges an object hook over the args, the hook winning', () => {
    expect(applyResourceTransform<Args>({ b: 'x', a: 2 }, 'n', { a: 1 }, {})[1]).toEqual({ a: 2, b: 'x' });
  });

  it('lets a function hook change args and options, and tells it the logical name', () => {
    const seen: string[] = [];
    const [name, args, opts] = applyResourceTransform<Args>(
      (args, opts: pulumi.CustomResourceOptions, name) => {
        args.a = 5;
        opts.ignoreChanges = ['b'];
        seen.push(name);
      },
      'lake-data',
      { a: 1 },
      {},
    );
    expect([name, args, opts, seen]).toEqual([
      'lake-data',
      { a: 5 },
      { ignoreChanges: ['b'] },
      ['lake-data'],
    ]);
  });
});

describe('createChild', () => {
  it('constructs the child with the parent in its options, after the hook', () => {
    const parent = { urn: 'parent' } as unknown as pulumi.Resource;
    const built = createChild<Args, unknown[]>(
      parent,
      { b: 'hooked' },
      'child',
      { a: 1 },
      (name, args, opts) => [name, args, opts],
      { protect: true },
    );
    expect(built).toEqual(['child', { a: 1, b: 'hooked' }, { protect: true, parent }]);
  });
});
