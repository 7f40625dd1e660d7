import fc from 'fast-check';
import { run } from '../src/engine/evaluate.js';
import { FAST } from '../src/guideline/evaluate.js';
import { COMPILED } from '../src/guideline/model.js';
import { caseArb } from '../test/support/arbitraries.js';
import { AS_OF, makeCohort } from './cohort.js';
import { differs, fromFast, fromRun, idsByRule } from './fast-compare.js';

// npm run verify:fast  →  the compiled core against the interpreted reference on 100,000 random cases
// (fast-check, test/support/arbitraries.ts) and on the 100,000 cases of the benchmark cohort.
// The same property runs on 20,000 cases in test/engine/fast.property.test.ts. Exits 1 on any difference.

const RANDOM = Number(process.argv[2] ?? 100_000);
const IDS = idsByRule(FAST as never);
const t0 = performance.now();
let checked = 0;
fc.assert(fc.property(caseArb, fc.constantFrom('2026-11-26', '2027-06-01', '2020-01-01'), (c, asOf) => {
  const input = { case: c, asOf };
  const problem = differs(fromRun(run(COMPILED, input), IDS), fromFast(FAST, input));
  checked++;
  if (problem) throw new Error(problem);
}), { numRuns: RANDOM });
const t1 = performance.now();
let cohortBad = 0;
const cohort = makeCohort();
for (const c of cohort) {
  const input = { case: c, asOf: AS_OF };
  const problem = differs(fromRun(run(COMPILED, input), IDS), fromFast(FAST, input));
  if (problem && cohortBad++ < 3) process.stderr.write(`cohort: ${problem}\n`);
}
const t2 = performance.now();
process.stdout.write(`compiled = interpreted on ${checked.toLocaleString('en-US')} random cases (${((t1 - t0) / 1000).toFixed(1)} s) `
  + `and on ${(cohort.length - cohortBad).toLocaleString('en-US')} of ${cohort.length.toLocaleString('en-US')} cohort cases (${((t2 - t1) / 1000).toFixed(1)} s)\n`);
if (cohortBad) process.exit(1);
