import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { evaluate, type Case } from '../src/index.js';
import { AS_OF, makeCohort } from './cohort.js';

// npm run bench:needed → node dist/bench/needed.js
// Cost of "needed to decide" (value of information) per case: evaluate() with and without it on the
// generated cohort, median and p95 per case, and how many facts are asked for. Writes docs/benchmarks-needed.md.

const SAMPLE = 5_000;
const WARM_UP = 1_000;
const log = (s: string): void => void process.stderr.write(`${s}\n`);

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
}

function timed(cases: readonly Case[], needed: boolean): { times: number[]; asked: number[] } {
  const times: number[] = [];
  const asked: number[] = [];
  for (const c of cases) {
    const t = performance.now();
    const r = evaluate(c, { asOf: AS_OF, needed });
    times.push(performance.now() - t);
    asked.push(r.missing.length);
  }
  return { times, asked };
}

const cohort = makeCohort().slice(0, SAMPLE + WARM_UP);
log(`cohort ${cohort.length}`);
timed(cohort.slice(0, WARM_UP), true);
timed(cohort.slice(0, WARM_UP), false);
const cases = cohort.slice(WARM_UP);
const without = timed(cases, false);
const withVoi = timed(cases, true);
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const ms = (x: number): string => x.toFixed(3);
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const md = `# Benchmark: needed to decide (value of information)

\`npm run bench:needed\` on ${cpu}, ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)};
${cases.length} cases of the generated cohort (bench/cohort.ts), one core; load average ${os.loadavg().map((x) => x.toFixed(2)).join(', ')} (1, 5, 15 min) at the end.
The base case is decided and explained by the compiled core; the variants are decided by it (\`decide\`, no trace).

| | median ms/case | p95 ms/case | mean facts asked |
|---|---:|---:|---:|
| evaluate, look-ahead only (\`needed: false\`) | ${ms(percentile(without.times, 0.5))} | ${ms(percentile(without.times, 0.95))} | ${mean(without.asked).toFixed(2)} |
| evaluate with value of information (default) | ${ms(percentile(withVoi.times, 0.5))} | ${ms(percentile(withVoi.times, 0.95))} | ${mean(withVoi.asked).toFixed(2)} |

Targets (issue 8/9): value of information for one case ≤ 1 ms median in Node, p95 < 5 ms per keystroke in the
browser. The cost is one evaluation per value of each candidate fact's domain (booleans 2, KPS 3, the driver 3,
therapy history 1 + one per possible option), plus the contexts for facts that matter only jointly; outcomes are
cached by the field assignments that lead to a variant. Each variant is a full decision of a new case (checks,
\`derive\`, tables, walks, guards), read without a trace (\`outcomeOfDecision\`). What would lower it further:
variants as changed facts on \`redecide\` (no second \`derive\` and checks), which needs the domains stated as fact
values, and cheaper variant cases (the patch copies the case objects along its path).
`;
writeFileSync(fileURLToPath(new URL('../../docs/benchmarks-needed.md', import.meta.url)), md);
process.stdout.write(md);
