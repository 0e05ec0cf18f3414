/**
 * mulberry32 (Tommy Ettinger's 32-bit generator): small, fast and seeded, so synthetic data for
 * benchmarks and tests is the same on every run. The reconstruction has its own generator
 * (xoshiro128**, src/reconstruct/random.ts).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
