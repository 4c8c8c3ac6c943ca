/**
 * Seeded randomness for the sample data. Everything the generator writes derives from the seed through
 * these functions, so the same seed gives the same bytes on every machine and Node version
 * (integer arithmetic only, no Math.random).
 */

/** Murmur3's 32-bit finalizer: a cheap, well-mixed hash of one word. */
export function mix32(value: number): number {
  let x = value >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * A bijection of 32-bit integers keyed by `key`: distinct indexes always give distinct results,
 * which is what makes generated ids unique without remembering them.
 */
export function permute32(index: number, key: number): number {
  // Each step (xor with a constant, xorshift, multiply by an odd number) is invertible mod 2^32.
  let x = (index ^ key) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

const TWO_POW_32 = 0x1_0000_0000;

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): fast, small state, passes PractRand. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /**
   * One independent stream per (seed, stream, index): the generator gives every entity (artist, track)
   * its own stream, so an entity's attributes can be recomputed from its index alone.
   */
  constructor(seed: number, stream = 0, index = 0) {
    this.a = 0;
    this.b = 0;
    this.c = 0;
    this.d = 0;
    this.reseed(seed, stream, index);
  }

  /** Restarts as `new Random(seed, stream, index)` would, without allocating. */
  reseed(seed: number, stream: number, index: number): this {
    this.a = mix32(seed ^ 0x2545f491);
    this.b = mix32(stream ^ 0x9e3779b9 ^ this.a);
    this.c = mix32(index ^ 0x7f4a7c15 ^ this.b);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
    return this;
  }

  /** Next unsigned 32-bit integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / TWO_POW_32;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
}
