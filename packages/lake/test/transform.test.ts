import type * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { applyTransform } from '../src/transform';

interface Args {
  a: number;
  b?: string;
}

describe('applyTransform', () => {
  it('returns the inputs unchanged without a transform', () => {
    const opts = {};
    expect(applyTransform<Args>(undefined, 'n', { a: 1 }, opts)).toEqual(['n', { a: 1 }, opts]);
  });

  it('merges an object transform over the args', () => {
    expect(applyTransform<Args>({ b: 'x', a: 2 }, 'n', { a: 1 }, {})[1]).toEqual({ a: 2, b: 'x' });
  });

  it('lets a callback change args and options, and tells it the name', () => {
    const seen: string[] = [];
    const [name, args, opts] = applyTransform<Args>(
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
