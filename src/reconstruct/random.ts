/**
 * A small seeded pseudo-random generator for the reconstruction search.
 *
 * xoshiro128** (Blackman & Vigna 2018) with its state filled by splitmix32 from one 32-bit seed.
 * Only 32-bit integer arithmetic (`Math.imul`, `>>> 0`), so the stream is identical on every
 * platform and Node version: the same seed always gives the same reconstruction.
 */

/** A seeded stream of pseudo-random numbers. */
export interface Random {
  /** Uniform 32-bit unsigned integer. */
  uint32(): number;
  /** Uniform float in [0, 1) with 32 bits of randomness. */
  float(): number;
  /** Uniform integer in [0, n) (n ≥ 1). */
  int(n: number): number;
  /** Uniform integer in [lo, hi] (inclusive). */
  between(lo: number, hi: number): number;
  /** Standard normal deviate (Box–Muller). */
  normal(): number;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** xoshiro128** seeded from a 32-bit integer. */
export function createRandom(seed: number): Random {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  if ((a | b | c | d) === 0) a = 1;
  const uint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const float = (): number => uint32() / 4294967296;
  const int = (n: number): number => Math.floor(float() * n);
  return {
    uint32,
    float,
    int,
    between: (lo, hi) => lo + int(hi - lo + 1),
    normal: () => {
      const u = 1 - float();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * float());
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Derives the seed of the i-th independent run from a base seed (splitmix32 of the pair). */
export function deriveSeed(base: number, index: number): number {
  return splitmix32((Math.imul(base >>> 0, 0x01000193) ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0)();
}

/** In-place Fisher–Yates shuffle. */
export function shuffle<T>(rng: Random, values: T[]): T[] {
  for (let i = values.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = values[i];
    values[i] = values[j];
    values[j] = tmp;
  }
  return values;
}
