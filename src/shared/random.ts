import { fnv1a } from './hash.js';

/**
 * A small deterministic pseudo-random generator (mulberry32) for generated data that must come out the
 * same every time: the demo catalogue's editions, the fuzz tests' mutations (a failing case is replayed
 * by its number), the benchmarks' synthetic records. A string seed is hashed (FNV-1a) first.
 * Not for anything secret.
 */
export function seededRandom(seed: number | string): () => number {
  let state = typeof seed === 'number' ? seed >>> 0 : fnv1a(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
