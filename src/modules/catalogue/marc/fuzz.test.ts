import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/random.js';
import { fuzz, mutate, seedRecords } from './fuzz.testkit.js';
import { readIso2709, readIso2709Buffer } from './iso2709-reader.js';
import type { MarcReadResult } from './record.js';

describe('fuzzing the readers with mutated corpus records', () => {
  it('2,000 ISO 2709 and 500 MARCXML mutations: nothing throws or hangs, every input yields records or error reports', () => {
    const counts = fuzz(2000, 500);
    expect(counts.cases).toBe(2500);
    expect(counts.silent).toBe(0);
    expect(counts.errors).toBeGreaterThan(100);
    expect(counts.records).toBeGreaterThan(1000);
    expect(counts.slowestCaseMs).toBeLessThan(1000);
  });

  it('reading a mutated file in random chunks gives exactly what reading it whole gives', async () => {
    const next = seededRandom(7);
    const seeds = seedRecords(10);
    for (let n = 0; n < 100; n++) {
      const input = mutate(seeds, next);
      const chunks: Buffer[] = [];
      for (let at = 0; at < input.length;) {
        const size = 1 + Math.floor(next() * 300);
        chunks.push(input.subarray(at, at + size));
        at += size;
      }
      const streamed: MarcReadResult[] = [];
      for await (const result of readIso2709(Readable.from(chunks))) streamed.push(result);
      expect(streamed).toEqual([...readIso2709Buffer(input)]);
    }
  });
});
