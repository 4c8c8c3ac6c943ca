import { describe, expect, it } from 'vitest';
import { applyTransform } from '../src/transform';

interface Args {
  name: string;
  description?: string;
}

describe('applyTransform', () => {
  it('returns args and options untouched without a hook', () => {
    const args: Args = { name: 'a' };
    const [out, opts] = applyTransform<Args>(undefined, 'child', args, { protect: true });
    expect(out).toBe(args);
    expect(opts).toEqual({ protect: true });
  });

  it('merges an object hook over the computed args', () => {
    const [out] = applyTransform<Args>(
      { description: 'mine' },
      'child',
      { name: 'a', description: 'theirs' },
      {},
    );
    expect(out).toEqual({ name: 'a', description: 'mine' });
  });

  it('lets a function hook mutate args and options, and tells it the child name', () => {
    const seen: string[] = [];
    const [out, opts] = applyTransform<Args>(
      (args, opts, name) => {
        seen.push(name);
        args.description = `for ${name}`;
        opts.protect = true;
      },
      'cat-db',
      { name: 'a' },
      {},
    );
    expect(seen).toEqual(['cat-db']);
    expect(out.description).toBe('for cat-db');
    expect(opts.protect).toBe(true);
  });
});
