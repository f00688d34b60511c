/**
 * Fuzzes the MARC readers with mutated corpus records and prints the counts.
 * Run: npx tsx bench/marc-fuzz.ts [ISO cases, default 100000] [MARCXML cases, default 20000] [seed]
 */
import { fuzz } from '../src/modules/catalogue/marc/fuzz.testkit.js';

const cases = Number(process.argv[2] ?? 100_000);
const xmlCases = Number(process.argv[3] ?? 20_000);
const seed = Number(process.argv[4] ?? 1);
const started = performance.now();
const counts = fuzz(cases, xmlCases, seed);
const seconds = (performance.now() - started) / 1000;
console.log(`MARC fuzz, seed ${seed}: ${cases} ISO 2709 + ${xmlCases} MARCXML mutated inputs in ${seconds.toFixed(1)} s`);
console.log(`  cases run:                  ${counts.cases}`);
console.log(`  records read:               ${counts.records} (${counts.recordsWithWarnings} with warnings)`);
console.log(`  error reports:              ${counts.errors}`);
console.log(`  inputs yielding nothing:    ${counts.silent}`);
console.log(`  records the writer refused: ${counts.unwritable} (bad tag or over ISO 2709 limits); all others read back`);
console.log(`  slowest case:               ${counts.slowestCaseMs.toFixed(1)} ms`);
console.log('  exceptions escaping:        0 (the run would have stopped)');
if (counts.silent > 0) process.exitCode = 1;
