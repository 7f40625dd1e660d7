import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { evaluate, type Case, type Result } from '../src/index.js';
import { AS_OF, invalidCases, makeCohort } from './cohort.js';
import { coreBench } from './core.js';
import { makeFhirCohort } from './fhir-cohort.js';
import { materialise } from './floors.js';
import { profile } from './profile.js';
import { fmt, markdown, type Alloc, type Cold, type Step } from './report.js';
import { confirmedSolid, engineStep, fixedShape, floorStep } from './step.js';

// npm run bench  →  node --expose-gc dist/bench/evaluate.js
// Throughput, allocation and cold start of evaluate() on a generated cohort (full result: every lazily built part
// read), the compiled core's steps beside hand-written floors (bench/core.ts: decision only, full result, FHIR bundle
// → result), and the category + performance-gate step through the interpreted engine against a hand-written floor.
// Writes docs/benchmarks.md and prints it; progress goes to stderr.

const WARM_UP = 20_000;
const PASSES = 3;
const SPAWNS = 5;
const VALIDATE = 5_000;
const PROFILED = 20_000;
const SMALL = 500;
const OPTIONS = { asOf: AS_OF };

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const log = (s: string): void => void process.stderr.write(`${s}\n`);

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

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

// ---- cold start ----

function coldStart(variant: 'index' | 'core' | 'core-esm' | 'core-modules' | 'schema'): Cold {
  const runs: Cold[] = [];
  for (let i = 0; i < SPAWNS; i++) {
    const p = spawnSync(process.execPath, [here('./cold-start.js'), variant], { encoding: 'utf8' });
    if (p.status !== 0) throw new Error(`cold start child failed: ${p.stderr}`);
    runs.push(JSON.parse(p.stdout) as Cold);
  }
  const m = (k: keyof Cold): number => median(runs.map((r) => r[k]));
  return { boot: m('boot'), modelMs: m('modelMs'), importMs: m('importMs'), firstMs: m('firstMs'), sinceStartMs: m('sinceStartMs'), totalMs: m('totalMs') };
}

// ---- throughput ----

let sink: Result | undefined;

/** Evaluates n cases (cycling through the cohort); returns milliseconds. */
function pass(cases: readonly Case[], n = cases.length): number {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) sink = materialise(evaluate(cases[i % cases.length]!, OPTIONS));
  return performance.now() - t0;
}

function throughput(cases: readonly Case[]): { best: number; median: number; passes: number[] } {
  pass(cases, WARM_UP);
  const passes = Array.from({ length: PASSES }, () => {
    const ms = pass(cases);
    log(`full pass: ${fmt(ms)} ms, ${fmt(cases.length / (ms / 1000))} cases/s`);
    return cases.length / (ms / 1000);
  });
  return { best: Math.max(...passes), median: median(passes), passes };
}

// ---- allocation ----

function allocation(mode: 'full' | 'decide' | 'lazy' | 'fhir' = 'full'): Alloc {
  const args = ['--expose-gc', '--min-semi-space-size=512', '--max-semi-space-size=512', here('./alloc.js'), mode];
  const p = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (p.status !== 0) throw new Error(`allocation child failed: ${p.stderr}`);
  return JSON.parse(p.stdout) as Alloc;
}

// ---- the category + gate step ----

/** Conditions evaluated, as recorded in the trace (table rows, chart decisions, rules). */
function conditionsIn(r: Result): number {
  let n = 0;
  for (const t of r.trace.tables) for (const row of t.rows) n += row.conds.length;
  for (const chart of r.trace.flowcharts) {
    for (const v of chart.path) {
      n += v.conds?.length ?? 0;
      for (const rule of v.rules ?? []) n += rule.conds.length;
    }
  }
  return n;
}

/** Full evaluation of every case; its category must equal the engine step's. Also tallies the outcomes. */
function verify(cases: readonly Case[]): Pick<Step, 'checked' | 'mismatches' | 'examples' | 'categories' | 'positions' | 'conds'> {
  let mismatches = 0;
  let conds = 0;
  const examples: string[] = [];
  const categories = new Map<unknown, number>();
  const positions = new Map<unknown, number>();
  cases.forEach((c, i) => {
    const r = evaluate(c, OPTIONS);
    categories.set(r.category, (categories.get(r.category) ?? 0) + 1);
    positions.set(r.treatment.position, (positions.get(r.treatment.position) ?? 0) + 1);
    conds += conditionsIn(r);
    const step = Math.floor(engineStep(c, AS_OF) / 3) || null;
    if (step === r.category) return;
    mismatches++;
    if (examples.length < 5) examples.push(`#${i}: evaluate ${r.category}, step ${step}`);
  });
  return { checked: cases.length, mismatches, examples, categories, positions, conds: conds / cases.length };
}

let checksum = 0;

/** Engine and floor get their own loops so each call site stays monomorphic. Returns cases/s. */
function engineLoop(cases: readonly Case[], minMs: number): number {
  let n = 0;
  const t0 = performance.now();
  do {
    for (let i = 0; i < cases.length; i++) checksum += engineStep(cases[i]!, AS_OF);
    n += cases.length;
  } while (performance.now() - t0 < minMs);
  return n / ((performance.now() - t0) / 1000);
}

function floorLoop(cases: readonly Case[], minMs: number): number {
  let n = 0;
  const t0 = performance.now();
  do {
    for (let i = 0; i < cases.length; i++) checksum += floorStep(cases[i]!);
    n += cases.length;
  } while (performance.now() - t0 < minMs);
  return n / ((performance.now() - t0) / 1000);
}

/** Best of 5 samples each, engine and floor alternating so that both see the same machine load. */
function bestPair(engine: () => number, floor: () => number): [number, number] {
  let e = 0;
  let f = 0;
  for (let i = 0; i < 5; i++) {
    e = Math.max(e, engine());
    f = Math.max(f, floor());
  }
  return [e, f];
}

function step(cases: readonly Case[]): Step {
  const v = verify(cases);
  const subset = cases.filter(confirmedSolid);
  const fixed = subset.map(fixedShape);
  const disagreements: string[] = [];
  subset.forEach((c, i) => {
    const engine = engineStep(c, AS_OF);
    const floor = floorStep(c);
    const floorFixed = floorStep(fixed[i]!);
    if (engine !== floor || engine !== floorFixed) disagreements.push(`#${i}: engine ${engine}, floor ${floor}, fixed shape ${floorFixed}`);
  });
  const small = subset.slice(0, SMALL);
  engineLoop(subset, 500);
  floorLoop(subset, 200);
  const [engine, floor] = bestPair(() => engineLoop(subset, 400), () => floorLoop(subset, 200));
  const [engineSmall, floorSmall] = bestPair(() => engineLoop(small, 200), () => floorLoop(small, 200));
  const floorFixed = bestPair(() => 0, () => floorLoop(fixed, 200))[1];
  log(`step: engine ${fmt(engine)}/s, floor ${fmt(floor)}/s (${fmt(floor / engine, 1)}×); `
    + `${SMALL} cases ${fmt(floorSmall / engineSmall, 1)}×; floor on fixed shapes ${fmt(floorFixed)}/s`);
  return { ...v, subset: subset.length, small: small.length, disagreements, engine, floor, engineSmall, floorSmall, floorFixed };
}

// ---- main ----

async function main(): Promise<void> {
  const date = new Date().toISOString().slice(0, 10);
  const load = os.loadavg()[0]!;
  const cases = cohort();
  const cold = coldStart('index');
  const coreCold = coldStart('core');
  const coreEsm = coldStart('core-esm');
  const coreModules = coldStart('core-modules');
  const schema = coldStart('schema');
  log(`cold start: ${fmt(cold.sinceStartMs, 1)} ms (import ${fmt(cold.importMs, 1)}); bundled core ${fmt(coreCold.sinceStartMs, 1)} ms `
    + `(without the code cache ${fmt(coreEsm.sinceStartMs, 1)}, tsc modules ${fmt(coreModules.sinceStartMs, 1)})`);
  const rate = throughput(cases);
  const alloc = allocation();
  const allocs = { decide: allocation('decide'), lazy: allocation('lazy'), fhir: allocation('fhir') };
  log(`allocation: ${fmt(alloc.bytes / alloc.evaluations)} B per evaluation (${alloc.gcDuringMeasurement} GC while measuring); `
    + `decision ${fmt(allocs.decide.bytes / allocs.decide.evaluations)} B, FHIR bundle ${fmt(allocs.fhir.bytes / allocs.fhir.evaluations)} B`);
  const core = coreBench(cases, makeFhirCohort(), log);
  const s = step(cases);
  const hot = await profile(() => void pass(cases, PROFILED));
  if (sink === undefined || Number.isNaN(checksum)) log('unreachable: keeps results alive');
  const md = markdown({
    date, load: [load, os.loadavg()[0]!], size: cases.length, validated: VALIDATE, warmUp: WARM_UP, spawns: SPAWNS, profiled: PROFILED,
    cold, core: coreCold, coreEsm, coreModules, schema, rate, alloc, allocs, fast: core, step: s, hot,
  });
  writeFileSync(here('../../docs/benchmarks.md'), md);
  process.stdout.write(md);
  if (s.mismatches || s.disagreements.length) {
    log('bench: correctness checks FAILED (see docs/benchmarks.md)');
    process.exitCode = 1;
  }
}

await main();
