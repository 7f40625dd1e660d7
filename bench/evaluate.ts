import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { evaluate, type Case, type Result } from '../src/index.js';
import { AS_OF, COHORT_SIZE, invalidCases, makeCohort, SEED } from './cohort.js';
import { MODEL } from '../src/guideline/model.js';
import { confirmedSolid, engineStep, fixedShape, floorStep, type Category } from './step.js';

// npm run bench  →  node --expose-gc dist/bench/evaluate.js
// Throughput, allocation and cold start of evaluate() on a generated cohort, and the
// category + performance-gate step through the engine against a hand-written floor.

const TARGET = { rate: 1_000_000, bytes: 10_000, coldMs: 50, ratio: 20 };
const WARM_UP = 20_000;
const PASSES = 3;
const SPAWNS = 5;
const VALIDATE = 5_000;
const PROFILE_N = 20_000;
const OPTIONS = { asOf: AS_OF };
const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (x: number, digits = 0): string => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const log = (s: string): void => void process.stderr.write(`${s}\n`);

// ---- cohort ----

function cohort(): Case[] {
  const t0 = performance.now();
  const cases = makeCohort();
  const bad = invalidCases(cases, VALIDATE);
  if (bad.length) {
    log(`cohort: ${bad.length} invalid cases in the sample, e.g. #${bad[0]!.index}: ${bad[0]!.errors.join('; ')}`);
    process.exit(1);
  }
  log(`cohort: ${fmt(cases.length)} cases, ${fmt(VALIDATE)} validated, ${fmt(performance.now() - t0)} ms`);
  return cases;
}

const share = (n: number, of: number): string => `${fmt((100 * n) / of, 1)}%`;
function tally<T>(xs: Iterable<T>): Map<T, number> {
  const m = new Map<T, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}
const listing = (m: Map<unknown, number>, of: number): string =>
  [...m].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${String(k)} ${share(n, of)}`).join(', ');

// ---- cold start ----

interface Cold { boot: number; modelMs: number; importMs: number; firstMs: number; sinceStartMs: number; totalMs: number }

function coldStart(variant: 'index' | 'core'): Cold {
  const runs: Cold[] = [];
  for (let i = 0; i < SPAWNS; i++) {
    const p = spawnSync(process.execPath, [here('./cold-start.js'), variant], { encoding: 'utf8' });
    if (p.status !== 0) throw new Error(`cold start child failed: ${p.stderr}`);
    runs.push(JSON.parse(p.stdout) as Cold);
  }
  const pick = (k: keyof Cold): number => median(runs.map((r) => r[k]));
  return {
    boot: pick('boot'), modelMs: pick('modelMs'), importMs: pick('importMs'), firstMs: pick('firstMs'),
    sinceStartMs: pick('sinceStartMs'), totalMs: pick('totalMs'),
  };
}

// ---- throughput ----

let sink: Result | undefined;

function pass(cases: readonly Case[], n = cases.length): number {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) sink = evaluate(cases[i % cases.length]!, OPTIONS);
  return performance.now() - t0;
}

function throughput(cases: readonly Case[]): { best: number; median: number; passes: number[] } {
  pass(cases, WARM_UP);
  const rates = Array.from({ length: PASSES }, () => {
    const ms = pass(cases);
    const rate = cases.length / (ms / 1000);
    log(`full pass: ${fmt(ms)} ms, ${fmt(rate)} cases/s`);
    return rate;
  });
  return { best: Math.max(...rates), median: median(rates), passes: rates };
}

// ---- allocation ----

interface Alloc { evaluations: number; bytes: number; gcDuringMeasurement: number }

function allocation(): Alloc {
  const args = ['--expose-gc', '--min-semi-space-size=512', '--max-semi-space-size=512', here('./alloc.js')];
  const p = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (p.status !== 0) throw new Error(`allocation child failed: ${p.stderr}`);
  return JSON.parse(p.stdout) as Alloc;
}

// ---- correctness of the step, then engine vs floor ----

interface Step {
  checked: number; mismatches: number; examples: string[]; subset: number; disagreements: string[];
  /** Rates (cases/s) on the whole subset, on its first SMALL cases (cache-resident), and the floor on fixed-shape copies. */
  engine: number; floor: number; engineSmall: number; floorSmall: number; floorFixed: number;
  categories: Map<Category, number>; positions: Map<string | null, number>; conds: number;
}

/** Full evaluation of every case: its category must equal the engine step's; also tallies the outcomes. */
function verify(cases: readonly Case[]): Pick<Step, 'checked' | 'mismatches' | 'examples' | 'categories' | 'positions' | 'conds'> {
  let mismatches = 0;
  let conds = 0;
  const examples: string[] = [];
  const categories = new Map<Category, number>();
  const positions = new Map<string | null, number>();
  cases.forEach((c, i) => {
    const r = evaluate(c, OPTIONS);
    categories.set(r.category, (categories.get(r.category) ?? 0) + 1);
    positions.set(r.treatment.position, (positions.get(r.treatment.position) ?? 0) + 1);
    conds += conditionsIn(r);
    const engine = Math.floor(engineStep(c, AS_OF) / 3) || null;
    if (engine === r.category) return;
    mismatches++;
    if (examples.length < 5) examples.push(`#${i}: full ${r.category}, step ${engine}`);
  });
  return { checked: cases.length, mismatches, examples, categories, positions, conds: conds / cases.length };
}

/** Conditions evaluated, as recorded in the trace (tables, chart decisions, rules). */
function conditionsIn(r: Result): number {
  let n = 0;
  for (const t of r.trace.tables) for (const row of t.rows) n += row.conds.length;
  for (const ch of r.trace.flowcharts) {
    for (const v of ch.path) {
      n += v.conds?.length ?? 0;
      for (const rule of v.rules ?? []) n += rule.conds.length;
    }
  }
  return n;
}

let checksum = 0;

function engineLoop(cases: readonly Case[], minMs: number): number {
  let n = 0;
  let check = 0;
  const t0 = performance.now();
  do {
    for (let i = 0; i < cases.length; i++) check += engineStep(cases[i]!, AS_OF);
    n += cases.length;
  } while (performance.now() - t0 < minMs);
  checksum += check;
  return n / ((performance.now() - t0) / 1000);
}

function floorLoop(cases: readonly Case[], minMs: number): number {
  let n = 0;
  let check = 0;
  const t0 = performance.now();
  do {
    for (let i = 0; i < cases.length; i++) check += floorStep(cases[i]!);
    n += cases.length;
  } while (performance.now() - t0 < minMs);
  checksum += check;
  return n / ((performance.now() - t0) / 1000);
}

const SMALL = 500;
const best = (sample: () => number): number => Math.max(...Array.from({ length: 5 }, sample));

function step(cases: readonly Case[]): Step {
  const v = verify(cases);
  const subset = cases.filter(confirmedSolid);
  const disagreements: string[] = [];
  const fixed = subset.map(fixedShape);
  subset.forEach((c, i) => {
    const a = engineStep(c, AS_OF);
    const b = floorStep(c);
    const f = floorStep(fixed[i]!);
    if (a !== b || a !== f) disagreements.push(`subset #${i}: engine ${a}, floor ${b}, floor on fixed shape ${f}`);
  });
  const small = subset.slice(0, SMALL);
  engineLoop(subset, 500);
  floorLoop(subset, 200);
  const engine = best(() => engineLoop(subset, 400));
  const floor = best(() => floorLoop(subset, 200));
  const engineSmall = best(() => engineLoop(small, 200));
  const floorSmall = best(() => floorLoop(small, 200));
  const floorFixed = best(() => floorLoop(fixed, 200));
  log(`step: engine ${fmt(engine)}/s, floor ${fmt(floor)}/s, ratio ${fmt(floor / engine, 1)}×; `
    + `${SMALL} cases: ${fmt(floorSmall / engineSmall, 1)}×; floor on fixed shapes ${fmt(floorFixed)}/s`);
  return { ...v, subset: subset.length, disagreements, engine, floor, engineSmall, floorSmall, floorFixed };
}

// ---- where the time and the allocations go ----

interface CallFrame { functionName: string; url: string; lineNumber: number }
interface CpuNode { id: number; callFrame: CallFrame; hitCount?: number; children?: number[] }
interface HeapNode { callFrame: CallFrame; selfSize: number; children: HeapNode[] }
type Hot = { where: string; share: number }[];

const frameName = (f: CallFrame): string => {
  const file = f.url.replace(/^.*\/dist\//, '');
  return `${f.functionName || '(anonymous)'}${file ? ` ${file}:${f.lineNumber + 1}` : ''}`;
};
/** Builtins (no file) are named with their caller: `sort ← run src/engine/evaluate.js:19`. */
const label = (f: CallFrame, caller: string | undefined): string =>
  f.url || f.functionName.startsWith('(') || !caller ? frameName(f) : `${f.functionName || '(anonymous)'} ← ${caller}`;

function top(weights: Map<string, number>, n: number): Hot {
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  return [...weights].sort((a, b) => b[1] - a[1]).slice(0, n).map(([where, w]) => ({ where, share: w / total }));
}
const add = (m: Map<string, number>, k: string, w: number): void => void m.set(k, (m.get(k) ?? 0) + w);

async function profile(cases: readonly Case[], n: number): Promise<{ cpu: Hot; heap: Hot }> {
  const s = new Session();
  s.connect();
  await s.post('Profiler.enable');
  await s.post('Profiler.setSamplingInterval', { interval: 100 });
  await s.post('Profiler.start');
  pass(cases, n);
  const { profile: cpu } = await s.post('Profiler.stop');
  const nodes = cpu.nodes as CpuNode[];
  const parent = new Map<number, CpuNode>();
  for (const node of nodes) for (const c of node.children ?? []) parent.set(c, node);
  const time = new Map<string, number>();
  for (const node of nodes) {
    const caller = parent.get(node.id);
    const k = label(node.callFrame, caller && frameName(caller.callFrame));
    if (k !== '(idle)' && k !== '(program)' && k !== '(root)') add(time, k, node.hitCount ?? 0);
  }
  await s.post('HeapProfiler.enable');
  const sampling = { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true };
  await s.post('HeapProfiler.startSampling', sampling);
  pass(cases, n);
  const { profile: heap } = await s.post('HeapProfiler.stopSampling');
  const bytes = new Map<string, number>();
  const walk = (node: HeapNode, caller?: string): void => {
    add(bytes, label(node.callFrame, caller), node.selfSize);
    node.children.forEach((c) => walk(c, frameName(node.callFrame)));
  };
  walk(heap.head as HeapNode);
  s.disconnect();
  return { cpu: top(time, 12), heap: top(bytes, 12) };
}

// ---- report ----

interface Run {
  date: string; cases: Case[]; cold: Cold; core: Cold; rate: ReturnType<typeof throughput>; alloc: Alloc; step: Step;
  hot: { cpu: Hot; heap: Hot };
}

function machine(): string {
  const cpu = os.cpus()[0];
  return [
    `- CPU: ${cpu?.model ?? 'unknown'} (${os.cpus().length} logical cores${cpu?.speed ? `, ${cpu.speed} MHz` : ''}); one core used`,
    `- Memory: ${fmt(os.totalmem() / 2 ** 30, 1)} GiB`,
    `- OS: ${os.type()} ${os.release()} (${os.arch()})`,
    `- Node ${process.version}, V8 ${process.versions.v8}`,
  ].join('\n');
}

function results(r: Run): { table: string; missed: string[] } {
  const perEval = r.alloc.bytes / r.alloc.evaluations;
  const ratio = r.step.floor / r.step.engine;
  const rows: [string, string, string, boolean | null][] = [
    ['Full evaluation, cases/s (best of 3; median)', `≥ ${fmt(TARGET.rate)}`,
      `${fmt(r.rate.best)} (${fmt(r.rate.median)})`, r.rate.best >= TARGET.rate],
    ['Time per full evaluation', `≤ ${fmt(1e6 / TARGET.rate, 1)} µs`, `${fmt(1e6 / r.rate.best, 1)} µs`, null],
    ['Allocated per evaluation', `≤ ${fmt(TARGET.bytes / 1000)} kB`,
      `${fmt(perEval)} B = ${fmt(perEval / 1000, 1)} kB${r.alloc.gcDuringMeasurement ? ` (${r.alloc.gcDuringMeasurement} GC during measurement: undercount)` : ''}`,
      perEval <= TARGET.bytes],
    ['Cold start: import + first evaluate(), fresh process (median of 5)', `< ${TARGET.coldMs} ms`,
      `${fmt(r.cold.sinceStartMs, 1)} ms (import ${fmt(r.cold.importMs, 1)}, first evaluate ${fmt(r.cold.firstMs, 1)})`,
      r.cold.sinceStartMs < TARGET.coldMs],
    ['— same, process start → first result (incl. Node boot)', '—', `${fmt(r.cold.totalMs, 1)} ms (Node boot ${fmt(r.cold.boot, 1)})`, null],
    ['— same, importing only dist/src/guideline/evaluate.js (no zod)', '—',
      `${fmt(r.core.sinceStartMs, 1)} ms (import ${fmt(r.core.importMs, 1)}, first evaluate ${fmt(r.core.firstMs, 1)})`, null],
    ['Category + gate step, engine, cases/s', '—', fmt(r.step.engine), null],
    ['Category + gate step, hand-written floor, cases/s', '—', fmt(r.step.floor), null],
    ['Engine slowdown vs floor (floor rate / engine rate)', `≤ ${TARGET.ratio}×`, `${fmt(ratio, 1)}×`, ratio <= TARGET.ratio],
  ];
  const table = ['| Metric | Target | Result | Met? |', '|---|---|---|---|',
    ...rows.map(([m, t, v, ok]) => `| ${m} | ${t} | ${v} | ${ok === null ? '' : ok ? 'yes' : '**no**'} |`)].join('\n');
  return { table, missed: missedTargets(r, perEval, ratio) };
}

/** For each missed target: by how much, and what would close it (from this run's profile and the source). */
function missedTargets(r: Run, perEval: number, ratio: number): string[] {
  const out: string[] = [];
  if (r.rate.best < TARGET.rate) {
    out.push(`### Throughput: ${fmt(TARGET.rate / r.rate.best, 0)}× short (${fmt(r.rate.best)} of ${fmt(TARGET.rate)} cases/s)

${THROUGHPUT_FIX}`);
  }
  if (perEval > TARGET.bytes) {
    out.push(`### Allocation: ${fmt(perEval / TARGET.bytes, 1)}× over (${fmt(perEval / 1000, 1)} kB of ${fmt(TARGET.bytes / 1000)} kB)

${ALLOCATION_FIX}`);
  }
  if (r.cold.sinceStartMs >= TARGET.coldMs) {
    out.push(`### Cold start: ${fmt(r.cold.sinceStartMs - TARGET.coldMs, 0)} ms over (${fmt(r.cold.sinceStartMs, 1)} ms of < ${TARGET.coldMs} ms)

Importing the public entry takes ${fmt(r.cold.importMs, 1)} ms; importing only the evaluator (no zod) takes
${fmt(r.core.importMs, 1)} ms, so about ${fmt(r.cold.importMs - r.core.importMs, 0)} ms is zod and the case schema.

${COLD_FIX}`);
  }
  if (ratio > TARGET.ratio) {
    out.push(`### Engine vs floor: ${fmt(ratio / TARGET.ratio, 1)}× over (${fmt(ratio, 1)}× of ≤ ${TARGET.ratio}×)

${RATIO_FIX}`);
  }
  return out;
}

const THROUGHPUT_FIX = `Each evaluation runs the whole model: all 16 checks, \`derive\` of 32 facts, the 4 tables,
both flowcharts with their rules, then builds the result (items with filled texts, facts per
item, missing facts, the full trace). The profile below shows where the time goes; the main
levers, roughly in order of gain:

1. **Build the explanation only when asked.** \`item()\` in \`src/guideline/evaluate.ts\` fills every
   fired rule's text with a regex replace in two languages and copies the facts each condition
   reads; the engine records a \`CondTrace\` object for every predicate it evaluates and a
   \`RuleResult\` per rule. Returning the decision (scope, certainty, category, positions, fired
   rule ids, missing) and computing texts/trace lazily (getters or an \`explain()\` call) removes
   most of the work and allocation per case.
2. **Compile predicates and tables to closures once** in \`compile()\`: resolve each condition to
   its \`test\` function and negation flag, instead of \`condName()\` + a property lookup on the
   predicate record per evaluation; drop the \`JSON.stringify\` of every candidate output in
   \`runTable\` (\`src/engine/evaluate.ts\`), comparing by identity or a precomputed key.
3. **Stop allocating in predicates and checks:** \`mriTypical\` spreads \`[...LINEAR, 'nodular']\` on
   every call, \`check.marker-nsclc\` builds four closures per call, \`derive\` maps the punctures
   twice and builds \`Set\`s; hoist these constants and use plain loops.
4. **Replace Map/Set bookkeeping** (\`MissingSet\`, \`tableMissing\`, the fired \`Set\`, the sort of all
   rules by priority per case) with arrays indexed by precomputed rule/fact numbers.

Even with all of these, 1 µs per case for ~200 predicate evaluations plus 2 flowchart walks is
at the edge of what an interpreter over JavaScript objects can do; reaching ${fmt(TARGET.rate)}/s
likely also needs the model compiled to straight-line code (generated JS per table and chart)
and a result object of fixed shape.`;

const ALLOCATION_FIX = `The allocation profile below names the functions. Most bytes are the explanation: per
evaluation the engine creates a trace object per evaluated condition and rule, per-row
\`RuleResult\`s, the \`candidates\` arrays and JSON strings in \`runTable\`, the \`MissingSet\` maps and sets,
and \`evaluate()\` then builds one \`Item\` per fired rule with two filled strings, a \`facts\` record and
spread copies. Not building the trace and texts unless requested (see throughput, point 1),
interning the \`Item\`s of rules whose text has no placeholders, and computing \`facts\` per item
lazily would bring the decision itself well under 10 kB; \`derive\` alone (32 facts, a few arrays)
is about 1 kB.`;

const COLD_FIX = `1. **zod at import time.** \`src/index.ts\` re-exports \`caseSchema\`, \`caseJsonSchema\` and \`parseCase\`,
   so importing the package loads zod v4 even when only \`evaluate\` is used. Loading zod lazily in
   \`parseCase\` / \`caseJsonSchema\` (dynamic \`import()\`, or a separate \`leptoguide/schema\` export) or
   generating a plain validator at build time removes that part.
2. **The content hash at module load.** \`CONTENT_HASH = contentHash(MODEL)\` in
   \`src/guideline/evaluate.ts\` serialises the whole model, including every function's source,
   with sorted keys and hashes it before the first evaluation (~35 ms cold on this machine).
   Computing it at build time (written to a generated module) or lazily on first use removes it.
3. What remains is loading ~20 modules and the first, unoptimised evaluation (a few ms).`;

const RATIO_FIX = `The engine step runs \`derive\` for all 32 facts, evaluates conditions through the predicate
record, records a trace object per condition and row, serialises each candidate output with
\`JSON.stringify\` to decide the table, and walks the one-node chart through \`Map\` lookups, while the
floor reads five fields. Compiling conditions to closures, deriving facts lazily (on first read),
and skipping the trace when not requested would close most of the gap.`;

function hotTable(h: Hot, what: string): string {
  return [`| ${what} | Function (file:line in dist/) |`, '|---:|---|',
    ...h.map((x) => `| ${fmt(100 * x.share, 1)}% | \`${x.where}\` |`)].join('\n');
}

function markdown(r: Run): string {
  const { table, missed } = results(r);
  const n = r.cases.length;
  const s = r.step;
  const ok = !s.mismatches && !s.disagreements.length;
  return `# Benchmarks

Generated by \`npm run bench\` (\`bench/evaluate.ts\`) on ${r.date}. Numbers vary by a few per cent between runs.

## Machine

${machine()}

## Method

- **Cohort:** ${fmt(n)} cases from \`bench/cohort.ts\` (mulberry32, seed ${SEED}), shaped like LM cohorts: breast ~35%,
  NSCLC ~30%, melanoma ~15%, SCLC ~8%, other solid/germ-cell ~7%, primary brain/haematological (out of scope) ~5%,
  primary not named ~2%; markers per tumour, symptoms, MRI findings, 0–2 punctures with cytology and chemistry,
  KPS in steps of 10 (ADL/ECOG sometimes also, ~1% disagreeing), clinical booleans mostly known, 10–20% of fields
  unknown. Every ${fmt(n / VALIDATE)}th case (${fmt(VALIDATE)}) is validated with \`parseCase\` first; the run aborts on any invalid case.
- **Throughput:** \`evaluate(case, { asOf: '${AS_OF}' })\` in one thread, ${fmt(WARM_UP)} warm-up evaluations, then the
  whole cohort ${PASSES} times; best and median pass.
- **Allocation:** a child process (\`bench/alloc.ts\`) with \`--min-semi-space-size=512 --max-semi-space-size=512\`, so no
  scavenge runs while measuring; after warm-up, \`gc()\` then ${fmt(r.alloc.evaluations / 4)} evaluations, 4 times over cases spread
  over the cohort; allocation = growth of \`heapUsed\` / evaluations. A \`PerformanceObserver\` on \`gc\` entries
  confirms no GC ran (${r.alloc.gcDuringMeasurement} did).
- **Cold start:** ${SPAWNS} fresh \`node\` processes run \`bench/cold-start.ts\`, which reads \`performance.now()\` before a dynamic
  \`import()\` of \`dist/src/index.js\` and after the first \`evaluate()\`; median. The target is compared with this
  library time; process start → first result (including Node's own boot) is shown too.
- **Engine vs floor:** the category + performance-gate step. Engine: a model built from \`MODEL.facts\`, \`MODEL.derive\`,
  \`MODEL.predicates\`, tables \`[certaintyTable, categoryTable]\` and a one-decision chart (a copy of \`tx.performance\`
  with two end nodes), compiled with \`compile()\` and run with \`run()\`. Floor: \`floorStep\` in \`bench/step.ts\`, a
  hand-written if/else over the raw case with the same three-valued semantics (KPS > ADL > ECOG, disagreement =
  unknown; threatening per ADR 0002 item 16; first-hit table with unknown rows kept as candidates). Both are timed on
  the ${fmt(s.subset)} cases with positive cytology or biopsy and a named solid primary (the step's precondition);
  best of 5 samples each.

## Results

${table}

## Correctness checks

- Engine step category = \`evaluate()\` category on all ${fmt(s.checked)} cases: ${s.mismatches ? `**FAILED, ${fmt(s.mismatches)} mismatches** (${s.examples.join('; ')})` : 'yes'}.
- Floor = engine (category and gate) on all ${fmt(s.subset)} subset cases: ${s.disagreements.length ? `**FAILED, ${fmt(s.disagreements.length)} disagreements** (${s.disagreements.slice(0, 5).join('; ')})` : 'yes'}.
${ok ? '' : '\n**The run failed its correctness checks; the timings above are not comparable.**\n'}
## Cohort outcome mix

- Category: ${listing(s.categories, n)}
- Treatment flowchart position: ${listing(s.positions, n)}

## Where the time and the allocations go

Sampled over ${fmt(PROFILE_N)} evaluations of the cohort after the timed passes (\`node:inspector\` CPU profile at 100 µs and
sampling heap profile including collected objects); self time and self allocation per function.

${hotTable(r.hot.cpu, 'CPU self')}

${hotTable(r.hot.heap, 'Bytes')}

## Missed targets

${missed.length ? missed.join('\n\n') : 'None.'}
`;
}

async function main(): Promise<void> {
  if (!globalThis.gc) log('note: run with --expose-gc (npm run bench does)');
  const date = new Date().toISOString().slice(0, 10);
  const cases = cohort();
  const cold = coldStart('index');
  const core = coldStart('core');
  log(`cold start: ${fmt(cold.sinceStartMs, 1)} ms (import ${fmt(cold.importMs, 1)}; core only ${fmt(core.sinceStartMs, 1)})`);
  const rate = throughput(cases);
  const alloc = allocation();
  log(`allocation: ${fmt(alloc.bytes / alloc.evaluations)} B per evaluation, ${alloc.gcDuringMeasurement} GC during measurement`);
  const s = step(cases);
  const hot = await profile(cases, PROFILE_N);
  if (sink === undefined || checksum < 0) log('unreachable');
  const md = markdown({ date, cases, cold, core, rate, alloc, step: s, hot });
  writeFileSync(here('../../docs/benchmarks.md'), md);
  process.stdout.write(md);
  if (s.mismatches || s.disagreements.length) {
    log('bench: correctness checks FAILED (see docs/benchmarks.md)');
    process.exitCode = 1;
  }
}

await main();
