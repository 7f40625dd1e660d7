import os from 'node:os';
import { MODEL } from '../src/guideline/model.js';
import { AS_OF, SEED } from './cohort.js';
import type { CoreRun } from './core.js';
import { FHIR_BUNDLES, TARGET_SIZE } from './fhir-cohort.js';
import { top, type Hot, type Weights } from './profile.js';

// docs/benchmarks.md from one run's measurements.

export const TARGET = {
  rate: 150_000, bytes: 5_000, coldMs: 15, ratio: 20, decision: 1_000_000, decisionBytes: 200, fhir: 50_000, floorRatio: 10,
};

export interface Cold { boot: number; modelMs: number; importMs: number; firstMs: number; sinceStartMs: number; totalMs: number }
export interface Alloc { evaluations: number; bytes: number; gcDuringMeasurement: number }
export interface Step {
  checked: number; mismatches: number; examples: string[]; subset: number; small: number; disagreements: string[];
  /** cases/s: engine and floor on the subset, on its first `small` cases, and the floor on fixed-shape copies. */
  engine: number; floor: number; engineSmall: number; floorSmall: number; floorFixed: number;
  categories: Map<unknown, number>; positions: Map<unknown, number>;
  /** Conditions evaluated per case, from the trace. */
  conds: number;
}
export interface Run {
  date: string; load: [number, number]; size: number; validated: number; warmUp: number; spawns: number; profiled: number;
  /** core: `leptoguide/core` as Node resolves it (bundled core, code cache); coreEsm: the bundle as plain ESM; coreModules: the tsc modules. */
  cold: Cold; core: Cold; coreEsm: Cold; coreModules: Cold; schema: Cold; rate: { best: number; median: number; passes: number[] }; alloc: Alloc; step: Step;
  allocs: { decide: Alloc; lazy: Alloc; fhir: Alloc }; fast: CoreRun;
  hot: { cpu: Weights; heap: Weights };
}

export const fmt = (x: number, digits = 0): string =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (x: number): string => `${fmt(100 * x, 1)}%`;
const tick = (ok: boolean | null): string => (ok === null ? '' : ok ? 'yes' : '**no**');

function machine(r: Run): string {
  const cpu = os.cpus()[0];
  return [
    `- CPU: ${cpu?.model ?? 'unknown'}, ${os.cpus().length} logical cores${cpu?.speed ? ` at ${cpu.speed} MHz` : ''}; the benchmark uses one`,
    `- Memory: ${fmt(os.totalmem() / 2 ** 30, 1)} GiB`,
    `- OS: ${os.type()} ${os.release()} (${os.arch()})`,
    `- Node ${process.version}, V8 ${process.versions.v8}`,
    `- Load average (1 min) at start and end of the run: ${fmt(r.load[0], 2)}, ${fmt(r.load[1], 2)} — other work on the machine slows the
  timed passes`,
  ].join('\n');
}

/** A warning when other processes competed for the cores during the run. */
function loaded(r: Run): string {
  const cores = os.cpus().length;
  if (Math.max(...r.load) <= cores) return '';
  return `
**This run was made on a loaded machine** (load average ${fmt(r.load[0], 1)} → ${fmt(r.load[1], 1)} on ${cores} cores: other sessions' builds and
tests, or a build just before): absolute rates and the cold start may be depressed, by up to 2× when another process
takes the second core for the whole run. The pairs measured in alternating samples
(compiled vs interpreted, each step vs its floor) are the meaningful comparison; the allocation figures do not depend on load.
`;
}

const perEval = (r: Run): number => r.alloc.bytes / r.alloc.evaluations;
const sampledBytes = (r: Run): number => [...r.hot.heap.values()].reduce((x, y) => x + y, 0);
const ratio = (r: Run): number => r.step.floor / r.step.engine;
const ratioSmall = (r: Run): number => r.step.floorSmall / r.step.engineSmall;

const per = (a: Alloc): number => a.bytes / a.evaluations;
const gcNote = (a: Alloc): string => (a.gcDuringMeasurement ? ` (${a.gcDuringMeasurement} GC ran: an undercount)` : '');
const times = (floor: number, engine: number): string => `${fmt(floor / engine, 1)}×`;

function resultsTable(r: Run): string {
  const s = r.step;
  const f = r.fast;
  const rows: [string, string, string, boolean | null][] = [
    ['**Decision only** (`decide`: checks, derive, tables, walks; no trace), cases/s over the cohort', `≥ ${fmt(TARGET.decision)}`,
      fmt(f.decision.engine), f.decision.engine >= TARGET.decision],
    ['— hand-written floor: read every case field the decision reads, decide nothing', '', `${fmt(f.decision.floor)} (decision is ${times(f.decision.floor, f.decision.engine)} slower)`,
      null],
    [`— same on 500 cache-resident cases: decision ${fmt(f.decisionSmall.engine)}/s, floor ${fmt(f.decisionSmall.floor)}/s`, '', times(f.decisionSmall.floor, f.decisionSmall.engine), null],
    [`— same over the cohort normalised once beforehand (\`normaliseCase\`: every field present, one shape): decision ${fmt(f.decisionNormalised.engine)}/s, floor ${fmt(f.decisionNormalised.floor)}/s`, '',
      `${times(f.decisionNormalised.floor, f.decisionNormalised.engine)} (decision ${fmt(f.decisionNormalised.engine / f.decision.engine, 2)}× the rate on cases as entered)`, null],
    ['— its parts: input checks alone / `derive` alone / tables + walks over derived facts (`redecide`), per second', '',
      `${fmt(f.checks)} / ${fmt(f.derive)} / ${fmt(f.settle)}`, null],
    ['— predicate calls per decision (memoised between fact writes)', '', fmt(f.predicateCalls, 1), null],
    [`— the interpreted \`run\` on the first ${fmt(5_000)} cases, alternating: compiled ${fmt(f.vsRun.decision.engine)}/s, interpreted ${fmt(f.vsRun.decision.floor)}/s`, '',
      `compiled ${times(f.vsRun.decision.engine, f.vsRun.decision.floor)} faster`, null],
    ['Allocated per decision', `≤ ${fmt(TARGET.decisionBytes)} B`, `${fmt(per(r.allocs.decide))} B${gcNote(r.allocs.decide)}`, per(r.allocs.decide) <= TARGET.decisionBytes],
    ['**Full result** (`evaluate`, value of information included, every part of the result read), cases/s over the cohort: best of 3 passes (median)', `≥ ${fmt(TARGET.rate)}`,
      `${fmt(r.rate.best)} (${fmt(r.rate.median)})`, r.rate.best >= TARGET.rate],
    [`— same on the first ${fmt(5_000)} cases, beside the floor`, '', `${fmt(f.full.engine)}/s`, null],
    ['— hand-written floor: a plain deep copy of the same materialised result (allocate the same object graph)', '',
      `${fmt(f.full.floor)} (full result is ${times(f.full.floor, f.full.engine)} slower)`, null],
    [`— the interpreted path (\`run\` + the same result), alternating: compiled ${fmt(f.vsRun.full.engine)}/s, interpreted ${fmt(f.vsRun.full.floor)}/s`, '',
      `compiled ${times(f.vsRun.full.engine, f.vsRun.full.floor)} faster`, null],
    ['— `evaluate` alone, result not walked / `JSON.stringify(evaluate(…))`, per second', '',
      `${fmt(f.lazy)} / ${fmt(f.json)}`, null],
    [`— the same full result without value of information (\`needed: false\`), first ${fmt(5_000)} cases, per second`, '', fmt(f.noVoi), null],
    ['— decision + explanation alone (`explain(decide(…))`: the whole `EngineResult`, trace and missing facts), cases/s', `≥ ${fmt(TARGET.rate)}`,
      fmt(f.explained), f.explained >= TARGET.rate],
    ['Allocated per full result', `≤ ${fmt(TARGET.bytes / 1000)} kB`, `${fmt(perEval(r))} B = ${fmt(perEval(r) / 1000, 1)} kB${gcNote(r.alloc)}`, perEval(r) <= TARGET.bytes],
    ['— per `evaluate`, result not walked', '', `${fmt(per(r.allocs.lazy))} B${gcNote(r.allocs.lazy)}`, null],
    [`**FHIR bundle → full result** (\`mapFhir\` + \`evaluate\`, ${fmt(f.resources, 0)} resources per bundle), bundles/s`, `≥ ${fmt(TARGET.fhir)}`,
      fmt(f.fhir.engine), f.fhir.engine >= TARGET.fhir],
    ['— hand-written floor: one pass, a Map look-up per resource, values copied; plus the result floor', '',
      `${fmt(f.fhir.floor)} (${times(f.fhir.floor, f.fhir.engine)} slower)`, null],
    ['— `mapFhir` alone, bundles/s', '', fmt(f.mapOnly), null],
    ['— with the zod-free mapper (`leptoguide/fhir-core`): bundle → full result / mapping alone, bundles/s', `≥ ${fmt(TARGET.fhir)}`,
      `${fmt(f.fhirCore)} / ${fmt(f.mapCore)}`, f.fhirCore >= TARGET.fhir],
    ['— allocated per bundle → full result', '', `${fmt(per(r.allocs.fhir) / 1000, 1)} kB${gcNote(r.allocs.fhir)}`, null],
    ['Cold start: import `leptoguide/core` + first `evaluate()` in a fresh process (median of 5; bundled core, Node entry with V8 code cache)',
      `< ${TARGET.coldMs} ms`, `${fmt(r.core.sinceStartMs, 1)} ms (import ${fmt(r.core.importMs, 1)}, first evaluate ${fmt(r.core.firstMs, 1)})`,
      r.core.sinceStartMs < TARGET.coldMs],
    ['— process start → first result, incl. Node boot', '', `${fmt(r.core.totalMs, 1)} ms (Node boot ${fmt(r.core.boot, 1)})`, null],
    ['— bundled core without the code cache (`dist/core.js`, plain ESM: the "default" condition, and Node with other V8 flags)', '',
      `${fmt(r.coreEsm.sinceStartMs, 1)} ms (import ${fmt(r.coreEsm.importMs, 1)}, first evaluate ${fmt(r.coreEsm.firstMs, 1)})`, null],
    ['— tsc modules, unbundled (`dist/src/core.js`)', '',
      `${fmt(r.coreModules.sinceStartMs, 1)} ms (model ${fmt(r.coreModules.modelMs, 1)}, rest of import `
      + `${fmt(r.coreModules.importMs - r.coreModules.modelMs, 1)}, first evaluate ${fmt(r.coreModules.firstMs, 1)})`, null],
    ['— full public entry `leptoguide` (zod schema, renderers, texts) + first `evaluate()`', '',
      `${fmt(r.cold.sinceStartMs, 1)} ms (import ${fmt(r.cold.importMs, 1)}, first evaluate ${fmt(r.cold.firstMs, 1)})`, null],
    ['— importing only `src/guideline/case-schema.js` (zod)', '', `${fmt(r.schema.importMs, 1)} ms`, null],
    ['Category + gate step, interpreted engine (`run`), cases/s', '', fmt(s.engine), null],
    ['Category + gate step, hand-written floor, cases/s', '', fmt(s.floor), null],
    ['Interpreted engine vs floor: floor rate / engine rate', `≤ ${TARGET.ratio}×`, `${fmt(ratio(r), 1)}×`, ratio(r) <= TARGET.ratio],
    [`— same on ${fmt(s.small)} cases (stay in cache): engine ${fmt(s.engineSmall)}/s, floor ${fmt(s.floorSmall)}/s`,
      `≤ ${TARGET.ratio}×`, `${fmt(ratioSmall(r), 1)}×`, ratioSmall(r) <= TARGET.ratio],
    ['— floor on fixed-shape copies of the subset, cases/s', '', fmt(s.floorFixed), null],
  ];
  return ['| Metric | Target | Result | Met? |', '|---|---|---|---|',
    ...rows.map(([m, t, v, ok]) => `| ${m} | ${t} | ${v} | ${tick(ok)} |`)].join('\n');
}

function hotTable(h: Hot, what: string, col: string): string {
  return [`| ${what} | ${col} |`, '|---:|---|', ...h.map((x) => `| ${pct(x.share)} | ${x.where.replace(/\|/g, '\\|')} |`)].join('\n');
}


// ---- missed targets: by how much, and what would close it ----

const us = (perSecond: number): string => `${fmt(1e6 / perSecond, 2)} µs`;

function decisionGap(r: Run): string {
  const f = r.fast;
  const engineOnly = 1e6 / f.settle;
  return `### Decision only: ${fmt(TARGET.decision / f.decision.engine, 1)}× short

${fmt(f.decision.engine)} of ${fmt(TARGET.decision)} decisions/s: ${us(f.decision.engine)} per case against 1 µs. The parts, timed alone:
the ${MODEL.checks.length} input checks ${us(f.checks)}, \`derive\` of ${Object.keys(MODEL.facts).length} facts ${us(f.derive)}, and the tables and walks over derived
facts ${fmt(engineOnly, 2)} µs (\`redecide\`, which also copies the facts record once). The compiled core itself is index arrays: every
condition list split into positive and negated predicate indices, table rows with output classes, chart edges as
node indices, rules as a bitset, the safety guards as a pass over that bitset; a predicate runs at most once between the writes of the facts it declares
(${fmt(f.predicateCalls, 1)} predicate calls per decision). What is left is the guideline's own code over the raw case: \`derive\` and the
checks read a JSON case whose objects have many shapes (every optional field absent or present, so property reads
are megamorphic; over cases normalised once to one shape beforehand, \`normaliseCase\`, the decision runs at ${fmt(f.decisionNormalised.engine)}/s,
${fmt(f.decisionNormalised.engine / f.decision.engine, 2)}× — but making that copy inside \`decide\` costs about what it saves, so only a caller that parses once and decides
often gains), and \`derive\`, the checks and the predicates allocate as they go (\`known(v, fn)\` and \`primaryIs(...)\`
build a closure per call; \`derive\` and the date checks no longer build intermediate arrays). The floor
(reading every field the decision reads, deciding nothing) runs at ${fmt(f.decision.floor)}/s: the decision is ${times(f.decision.floor, f.decision.engine)}
slower than merely reading its input${f.decision.floor / f.decision.engine <= TARGET.floorRatio ? ', within the 10× asked' : ', more than the 10× asked'}.

What would close it, all in the knowledge code (it changes the content hash, so it is the guideline owner's call):
1. normalise the case once at parse time into a fixed-shape record (all keys present), so every read is monomorphic;
2. \`derive\` as one pass over that record, folding the checks in (they read the same fields);
3. predicates without per-call closures (\`known(v, (x) => …)\` → a plain comparison) and with \`Set\` membership;
4. in the engine, generated straight-line code per table and chart at build time (no \`new Function\`, which the
   browser's CSP may forbid) would remove the remaining dispatch through arrays.`;
}

function allocationGap(r: Run): string {
  const d = per(r.allocs.decide);
  const lazy = per(r.allocs.lazy);
  return `### Allocation

Per decision: ${fmt(d)} B against ≤ ${TARGET.decisionBytes} B${d <= TARGET.decisionBytes ? '' : ` (${fmt(d / TARGET.decisionBytes, 1)}× over)`}. The core's own part is the \`Decision\` and one
array of small integers (table rows, chart ends, fired and pending rule bitsets, guard codes, issue bitset) and the
values the tables overwrote: about 300 B.
The rest is the guideline's \`derive\` (the facts record of ${Object.keys(MODEL.facts).length} fields, the performance and
mri records, symptomatic locations) and the predicates' closures (\`known(v, fn)\`, \`primaryIs(...)\`, arrays built to
compare option candidates); the same knowledge-code changes as above remove most of it.

Per full result: ${fmt(perEval(r) / 1000, 1)} kB against ≤ ${fmt(TARGET.bytes / 1000)} kB${perEval(r) <= TARGET.bytes ? '' : ` (${fmt(perEval(r) / TARGET.bytes, 1)}× over)`}; \`evaluate\`, result not walked: ${fmt(lazy / 1000, 1)} kB.
Most of it is value of information: every variant is a copy of the case along the patched path, a decision (a facts
record of ${Object.keys(MODEL.facts).length} fields, its slots) and an outcome (headline record, item and pending sets). The explanation interns what
repeats (a frozen \`CondTrace\` per condition and value, a \`RuleResult\` per rule and tuple of condition values, a decision
visit per node and answer, candidate lists per table and candidate set, each guard's idle result), so what it allocates
is what differs per case: an \`Item\` with its facts record per fired rule, the step visits and their rule lists, table
results, guard results, the missing facts. Closing it: value of information on \`redecide\` with changed facts (no case
copies, no second facts record) or on demand; a result with fewer per-case objects (items sharing one facts record,
trace as indices), which changes the public \`Result\` objects (not its JSON).`;
}

function throughputGap(r: Run): string {
  const f = r.fast;
  return `### Full result: ${fmt(TARGET.rate / r.rate.best, 1)}× short

${fmt(r.rate.best)} of ${fmt(TARGET.rate)} full results/s (${us(r.rate.best)} per case). The public result is the decision (${us(f.decision.engine)}),
the explanation (decision + explanation: ${us(f.explained)}, ${fmt(f.explained)}/s), the value of information and the items.
Value of information is most of it: without it (\`needed: false\`) the full result runs at ${fmt(f.noVoi)}/s. It decides the case
again once per value of every candidate fact (booleans 2, KPS 3, the driver 3, therapy history 1 + one per option),
plus the contexts for facts that matter only together; those variant decisions now run on the compiled core
(\`decide\`, no trace) and are cached by the assignments made, yet each is a full decision (checks, \`derive\`, tables,
walks, guards) of a new case. The explanation replays every condition of every visited row, rule, decision and guard
(the interpreter's order, no short cut), the look-ahead after a stop and the missing facts; the result adds an item
with a facts record per fired line. The floor, a plain deep copy of the same materialised result, runs at
${fmt(f.full.floor)}/s (full result ${times(f.full.floor, f.full.engine)} slower).

What would close it: value of information on \`redecide\` (the changed facts only, no second \`derive\` and checks) once the
domains are stated as fact values rather than case patches; value of information computed on demand (a separate call,
or only for the facts a client shows); a smaller result (trace as indices into the model, items sharing one facts
record) behind the same JSON.`;
}

function fhirGap(r: Run): string {
  const f = r.fast;
  return `### FHIR bundle → result: ${fmt(TARGET.fhir / f.fhir.engine, 1)}× short

${fmt(f.fhir.engine)} of ${fmt(TARGET.fhir)} bundles/s. \`mapFhir\` alone runs at ${fmt(f.mapOnly)}/s (the rest is the full result above). Each
Observation's code is now one map look-up (system → code over all 22 code groups), code tables are indexed on
first use and drug names compiled once; per bundle the mapper still validates the built case with the zod schema
(\`parseCase\`, a bug guard), and writes a bilingual issue with formatted strings for every resource it does not read
(here most of the padding: labs, vitals, other diagnoses) and a \`Candidate\` with its \`Source\` per value. What would
close it: the zod-free entry \`leptoguide/fhir-core\` (\`mapFhirCore\`, same content as \`mapFhir\`, no schema check): here
${fmt(f.fhirCore)}/s (mapping alone ${fmt(f.mapCore)}/s; best of 3, not alternating with \`mapFhir\`, so only as good as the load allowed); the service still uses the validated \`mapFhir\` (switching is one line in
\`src/server/cds/fhir-port.ts\`, a choice to drop the bug guard); issues built lazily from a code and arguments; and the result work above.`;
}

function coldGap(r: Run): string {
  const { core, coreEsm, coreModules } = r;
  return `### Cold start: ${fmt(core.sinceStartMs - TARGET.coldMs, 0)} ms over

${fmt(core.sinceStartMs, 1)} ms against < ${TARGET.coldMs} ms for \`leptoguide/core\` (no zod, no renderers; the content hash is
generated at build time), the bundled core as Node resolves it: one file run with V8's code cache made at build time
(scripts/bundle-core.js), so neither parsing nor compiling is left; the import takes ${fmt(core.importMs, 1)} ms (reading the
script and the cache, building the model and compiling it to index arrays, in V8's interpreter) and the first evaluation
${fmt(core.firstMs, 1)} ms (the explanation and the value of information's re-decisions, interpreted). Without the code cache
(plain ESM bundle, or any V8 flag, which makes V8 reject the cache): ${fmt(coreEsm.sinceStartMs, 1)} ms; the tsc modules unbundled:
${fmt(coreModules.sinceStartMs, 1)} ms. The full public entry additionally loads zod (${fmt(r.schema.importMs, 0)} ms alone), the renderers and the texts.

What would close it: lazy construction of the parts of the model a first evaluation does not touch, a cheaper first
value of information, or a V8 startup snapshot (\`node --build-snapshot\`), which also removes Node's own
boot (${fmt(core.boot, 0)} ms here) if the process start itself matters.`;
}

function ratioGap(r: Run, which: 'cohort' | 'small'): string {
  const x = which === 'cohort' ? ratio(r) : ratioSmall(r);
  const where = which === 'cohort' ? `the ${fmt(r.step.subset)}-case subset` : `${fmt(r.step.small)} cache-resident cases`;
  return `### Engine vs floor (${where}): ${fmt(x / TARGET.ratio, 2)}× over

${fmt(x, 1)}× against ≤ ${TARGET.ratio}×. The engine step runs \`derive\` of all ${Object.keys(MODEL.facts).length} facts, looks every condition up in the
predicate record, keeps a trace object per condition and row, serialises each candidate output to decide a table,
and walks the chart through \`Map\` lookups; the floor reads a dozen fields. Deriving facts on first read, conditions
compiled to closures and an opt-in trace would close the gap.`;
}

function missed(r: Run): string[] {
  const out: string[] = [];
  if (r.fast.decision.engine < TARGET.decision) out.push(decisionGap(r));
  if (r.rate.best < TARGET.rate) out.push(throughputGap(r));
  if (perEval(r) > TARGET.bytes || per(r.allocs.decide) > TARGET.decisionBytes) out.push(allocationGap(r));
  if (r.fast.fhir.engine < TARGET.fhir) out.push(fhirGap(r));
  if (r.core.sinceStartMs >= TARGET.coldMs) out.push(coldGap(r));
  if (ratio(r) > TARGET.ratio) out.push(ratioGap(r, 'cohort'));
  if (ratioSmall(r) > TARGET.ratio) out.push(ratioGap(r, 'small'));
  return out;
}

// ---- the page ----

const listing = (m: Map<unknown, number>, of: number): string =>
  [...m].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k === null ? 'none' : String(k)} ${pct(n / of)}`).join(', ');

export function markdown(r: Run): string {
  const s = r.step;
  const ok = !s.mismatches && !s.disagreements.length;
  const gaps = missed(r);
  return `# Benchmarks

Generated by \`npm run bench\` (\`bench/evaluate.ts\`) on ${r.date}; overwritten on every run. Rates vary between runs,
by a few per cent on a quiet machine and by up to 2× when other processes compete for the cores (see the load average).

## Machine

${machine(r)}
${loaded(r)}
## Method

- **Cohort.** ${fmt(r.size)} cases from \`bench/cohort.ts\` (mulberry32, seed ${SEED}), mixed like LM cohorts: breast ~35%, NSCLC
  ~30%, melanoma ~15%, SCLC ~8%, other solid and germ-cell ~7%, primary brain or haematological (out of scope) ~5%; the
  primary is not named in ~2%. Markers per tumour, symptoms, MRI findings, 0–2 punctures with cytology and CSF
  chemistry, KPS in steps of 10 (ADL or ECOG sometimes too, ~1% disagreeing), clinical booleans mostly known, 10–20%
  of fields unknown. ${fmt(r.validated)} cases spread over the cohort are validated with \`parseCase\` first; the run aborts on
  any invalid one.
- **Full result.** \`evaluate(case, { asOf: '${AS_OF}' })\` on one thread with every part built on first read read
  (recommendations, missing, trace, IDs): ${fmt(r.warmUp)} warm-up evaluations, then the whole cohort ${r.rate.passes.length} times
  (${r.rate.passes.map((x) => fmt(x)).join(', ')} cases/s); best and median pass.
- **Compiled core beside floors** (\`bench/core.ts\`, floors in \`bench/floors.ts\`). Each step and its hand-written floor run
  on the same cases in the same run, best of 5 alternating samples each (≥ 200–400 ms per sample). Decision only:
  \`decide(case)\` over the cohort; floor: a function reading every case field \`derive\` and the checks read, deciding
  nothing. Full result: the first ${fmt(5_000)} cases; floor: a plain deep copy of each case's materialised result. FHIR:
  ${fmt(FHIR_BUNDLES)} bundles of ${TARGET_SIZE} resources from \`bench/fhir-cohort.ts\` (each realistic bundle of \`test/fhir/bundles\`
  padded with older KPS and CSF results, labs and vitals LeptoGuide does not read, other diagnoses and medications),
  \`mapFhir\` then the full result; floor: one pass with a Map look-up per resource and the values copied, plus the
  result floor. The compiled core equals the interpreted \`run\` on 100,000 random cases and on this cohort
  (\`npm run verify:fast\`; 20,000 random cases in \`test/engine/fast.property.test.ts\`).
- **Allocation.** For the full result, the decision, \`evaluate\` with the result not walked and a FHIR bundle: a child process (\`bench/alloc.ts\`) with \`--min-semi-space-size=512 --max-semi-space-size=512\`, so no
  scavenge runs while measuring: after warm-up, 4 × (\`gc()\`, then ${fmt(r.alloc.evaluations / 4)} evaluations of cases spread over the
  cohort); allocation = growth of \`heapUsed\` / evaluations. A \`PerformanceObserver\` on \`gc\` entries checks that no GC
  ran meanwhile (${r.alloc.gcDuringMeasurement} did). Cross-check: the sampling heap profiler (below) estimates
  ${fmt(sampledBytes(r) / r.profiled / 1000, 1)} kB per evaluation.
- **Cold start.** ${r.spawns} fresh \`node\` processes per variant run \`bench/cold-start.ts\`: \`performance.now()\` before a dynamic
  \`import()\` and after the first \`evaluate()\`; median. The target is compared with this library time for \`leptoguide/core\` as
  package.json exports it to Node (the bundled core: \`dist/core.node.js\`, code cache); the plain ESM bundle, the unbundled tsc
  modules and the full entry \`dist/src/index.js\` are measured the same way. The time from process start (Node's own boot
  included) is shown too.
- **Engine vs floor.** The category + performance-gate step. Engine: a model of \`MODEL.facts\`, \`MODEL.derive\`,
  \`MODEL.predicates\`, tables \`[certaintyTable, categoryTable]\` (category reads certainty) and one chart holding a copy
  of the \`tx.performance\` decision with two end nodes, built with \`compile()\` and run with \`run()\`. Floor: \`floorStep\`
  in \`bench/step.ts\`, an if/else over the raw case with the same three-valued semantics (KPS > ADL > ECOG,
  disagreement = unknown; threatening per ADR 0002 item 16; first-hit table keeping unknown rows as candidates). Both
  run over the ${fmt(s.subset)} cases with positive cytology or biopsy and a named solid primary (the step's precondition),
  best of 5 alternating samples each; also over the first ${fmt(s.small)} of them, which stay in cache.

## Results

${resultsTable(r)}

## Correctness checks

- Engine step category = \`evaluate()\` category on all ${fmt(s.checked)} cases: ${s.mismatches
    ? `**FAILED: ${fmt(s.mismatches)} mismatches** (${s.examples.join('; ')})` : 'yes'}.
- Floor = engine, category and gate, on all ${fmt(s.subset)} subset cases (and on their fixed-shape copies): ${s.disagreements.length
    ? `**FAILED: ${fmt(s.disagreements.length)} disagreements** (${s.disagreements.slice(0, 5).join('; ')})` : 'yes'}.
${ok ? '' : '\n**The run failed its correctness checks: the comparison above is void.**\n'}
## Cohort outcome mix

- Category: ${listing(s.categories, s.checked)} (none = LM not confirmed or probable, out of scope, or undecided)
- Treatment flowchart end: ${listing(s.positions, s.checked)} (none = stopped on an unknown)

## Where the time and the allocations go

${fmt(r.profiled)} evaluations of the cohort after the timed passes, under the \`node:inspector\` CPU profiler (100 µs) and then the
sampling heap profiler (collected objects included). Self time and self bytes per function; a builtin is shown with
its caller (\`←\`); line numbers are in \`dist/\`.

${hotTable(top(r.hot.cpu, 12), 'CPU', 'Function')}

${hotTable(top(r.hot.heap, 12), 'Bytes', 'Allocated in')}

## Missed targets

${gaps.length ? gaps.join('\n\n') : 'None.'}
`;
}
