import fc from 'fast-check';
import { COMPILED } from '../src/guideline/model.js';
import { caseArb } from '../test/support/arbitraries.js';
import { AS_OF, makeCohort } from './cohort.js';
import { evaluate, evaluateWith, FAST } from '../src/guideline/evaluate.js';
import { compileFast } from '../src/engine/fast.js';
import { compareWithRun, idsByRule } from './fast-compare.js';

// npm run verify:fast  →  the compiled core against the interpreted reference on 100,000 random cases
// (fast-check, test/support/arbitraries.ts) and on the 100,000 cases of the benchmark cohort (decision, guards,
// provisional lines, missing facts, the whole EngineResult as JSON), then the public Result on 10,000 random cases.
// The same property runs on 20,000 cases in test/engine/fast.property.test.ts. Exits 1 on any difference.

const RANDOM = Number(process.argv[2] ?? 100_000);
const RESULTS = Number(process.argv[3] ?? 10_000);
const IDS = idsByRule(FAST as never);
const t0 = performance.now();
let checked = 0;
fc.assert(fc.property(caseArb, fc.constantFrom('2026-11-26', '2027-06-01', '2020-01-01'), (c, asOf) => {
  const input = { case: c, asOf };
  const problem = compareWithRun(FAST, input, IDS);
  checked++;
  if (problem) throw new Error(problem);
}), { numRuns: RANDOM });
const t1 = performance.now();
let cohortBad = 0;
const cohort = makeCohort();
for (const c of cohort) {
  const input = { case: c, asOf: AS_OF };
  const problem = compareWithRun(FAST, input, IDS);
  if (problem && cohortBad++ < 3) process.stderr.write(`cohort: ${problem}\n`);
}
const t2 = performance.now();
// The public Result (value of information included: compiled variant decisions vs interpreted runs) as JSON.
const INTERPRETED = compileFast(COMPILED, { interpret: true });
let results = 0;
fc.assert(fc.property(caseArb, fc.constantFrom('2026-11-26', '2027-06-01', '2020-01-01'), (c, asOf) => {
  const x = JSON.stringify(evaluateWith(INTERPRETED, c, { asOf }));
  const y = JSON.stringify(evaluate(c, { asOf }));
  results++;
  if (x !== y) throw new Error(`public Result: interpreted ${x.slice(0, 400)} ≠ compiled ${y.slice(0, 400)}`);
}), { numRuns: RESULTS });
const t3 = performance.now();
process.stdout.write(`compiled = interpreted on ${checked.toLocaleString('en-US')} random cases (${((t1 - t0) / 1000).toFixed(1)} s) `
  + `and on ${(cohort.length - cohortBad).toLocaleString('en-US')} of ${cohort.length.toLocaleString('en-US')} cohort cases (${((t2 - t1) / 1000).toFixed(1)} s); `
  + `public Result equal on ${results.toLocaleString('en-US')} random cases (${((t3 - t2) / 1000).toFixed(1)} s)\n`);
if (cohortBad) process.exit(1);
