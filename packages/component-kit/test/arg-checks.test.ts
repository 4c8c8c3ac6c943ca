import * as pulumi from '@pulumi/pulumi';
import { settle } from '@spotify-lake/testing';
import { describe, expect, it } from 'vitest';
import { assertKnownKeys, assertTransformHooks, checkedInput, isPending } from '../src/arg-checks';

const positive = (value: number) => {
  if (value <= 0) throw new Error(`size must be positive; got ${value}`);
};

describe('assertKnownKeys', () => {
  it('accepts known keys', () => {
    expect(() => assertKnownKeys('Thing "t"', 'argument', { a: 1 }, ['a', 'b'])).not.toThrow();
  });

  it('names the owner, every unknown key, a near miss and the allowed keys', () => {
    expect(() => assertKnownKeys('Thing "t"', 'argument', { A: 1, zz: 2 }, ['a', 'b'])).toThrow(
      'Thing "t": unknown argument "A", "zz" ("A": did you mean "a"?); expected a, b',
    );
  });

  it('leaves the prefix to a caller that adds its own (empty owner)', () => {
    expect(() => assertKnownKeys('', 'crawler option', { x: 1 }, ['a'])).toThrow(
      /^unknown crawler option "x"; expected a$/,
    );
  });
});

describe('assertTransformHooks', () => {
  it('accepts undefined, object and function hooks for known children', () => {
    expect(() => assertTransformHooks('T', undefined, ['bucket'])).not.toThrow();
    expect(() =>
      assertTransformHooks('T', { bucket: () => undefined, key: { a: 1 } }, ['bucket', 'key']),
    ).not.toThrow();
  });

  it('rejects a non-object, an unknown child and a hook of the wrong kind', () => {
    expect(() => assertTransformHooks('T', 'x', ['bucket'])).toThrow(
      'T: transform must be an object of hooks',
    );
    expect(() => assertTransformHooks('T', { bukcet: {} }, ['bucket'])).toThrow(
      /unknown transform hook "bukcet"/,
    );
    expect(() => assertTransformHooks('T', { bucket: 3 }, ['bucket'])).toThrow(
      'T: transform.bucket must be an object merged over the args or a function',
    );
  });
});

describe('checkedInput', () => {
  it('checks a plain value at once', () => {
    expect(checkedInput(3, positive)).toBe(3);
    expect(() => checkedInput(-1, positive)).toThrow('size must be positive; got -1');
  });

  it('checks an Output when it resolves, with the prefix', async () => {
    expect(isPending(pulumi.output(1))).toBe(true);
    expect(isPending(1)).toBe(false);
    await expect(settle(checkedInput(Promise.resolve(-2), positive, 'Thing "t": '))).rejects.toThrow(
      'Thing "t": size must be positive; got -2',
    );
    await expect(settle(checkedInput(Promise.resolve(2), positive))).resolves.toBe(2);
  });
});
