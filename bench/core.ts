import type { Bundle } from '@medplum/fhirtypes';
import { run } from '../src/engine/evaluate.js';
import { compileFast } from '../src/engine/fast.js';
import { evaluateWith } from '../src/guideline/evaluate.js';
import { COMPILED } from '../src/guideline/model.js';
import { mapFhir } from '../src/fhir/index.js';
import { mapFhirCore } from '../src/fhir-core.js';
import { decide, evaluate, FAST, normaliseCase, type Case, type Result } from '../src/index.js';
import { MODEL } from '../src/guideline/model.js';
import { AS_OF } from './cohort.js';
import { deepCopy, floorFhir, floorRead, materialise } from './floors.js';

// The compiled core's steps, each beside its hand-written floor (bench/floors.ts) on the same cases in the same run:
// decision only, full result (every lazy part read), FHIR bundle → full result. Best of 5 alternating samples.

const OPTIONS = { asOf: AS_OF };
export const SUBSET = 5_000;

export interface Pair { engine: number; floor: number }
export interface CoreRun {
  decision: Pair; decisionSmall: Pair;
  /** The same over the cohort normalised once beforehand (`normaliseCase`, as a caller that parses once would). */
  decisionNormalised: Pair;
  /** cases/s of the parts of a decision: the input checks, derive, and tables + walks over derived facts (redecide). */
  checks: number; derive: number; settle: number;
  full: Pair; fullCohort: number; lazy: number; json: number;
  /** cases/s: decision + explanation (the whole EngineResult, `explain(decide(…))`); the full result without value of information. */
  explained: number; noVoi: number;
  fhir: Pair; mapOnly: number; bundles: number; resources: number;
  /** The same with the zod-free mapper (leptoguide/fhir-core): bundle → full result, and the mapping alone. */
  fhirCore: number; mapCore: number;
  predicateCalls: number;
  /** The interpreted reference in the same run, alternating with the compiled path: decision (`run`) and full result. */
  vsRun: { decision: Pair; full: Pair };
}

const INTERPRETED = compileFast(COMPILED, { interpret: true });

let checksum = 0;
let sink: unknown;

/** Calls `fn` over `items` for at least `minMs`; returns items/s. */
function rate<T>(items: readonly T[], minMs: number, fn: (x: T) => unknown): number {
  let n = 0;
  const t0 = performance.now();
  do {
    for (let i = 0; i < items.length; i++) sink = fn(items[i]!);
    n += items.length;
  } while (performance.now() - t0 < minMs);
  return n / ((performance.now() - t0) / 1000);
}

function readLoop(cases: readonly Case[], minMs: number): number {
  let n = 0;
  const t0 = performance.now();
  do {
    for (let i = 0; i < cases.length; i++) checksum += floorRead(cases[i]!);
    n += cases.length;
  } while (performance.now() - t0 < minMs);
  return n / ((performance.now() - t0) / 1000);
}

function best(engine: () => number, floor: () => number): Pair {
  let e = 0;
  let f = 0;
  for (let i = 0; i < 5; i++) {
    e = Math.max(e, engine());
    f = Math.max(f, floor());
  }
  return { engine: e, floor: f };
}

const bestOf = (x: () => number): number => Math.max(x(), x(), x());

/** Predicate calls per decision (memoised ones not counted), on a separately compiled, counting copy of the model. */
function predicateCalls(cases: readonly Case[]): number {
  let calls = 0;
  const counted = Object.fromEntries(Object.entries(MODEL.predicates).map(([k, p]) => [k, { ...p, test: (f: never) => (calls++, p.test(f)) }]));
  const fast = compileFast({ ...MODEL, predicates: counted } as typeof MODEL);
  for (const c of cases) fast.decide({ case: c, asOf: AS_OF });
  return calls / cases.length;
}

export function coreBench(cases: readonly Case[], bundles: readonly Bundle[], log: (s: string) => void): CoreRun {
  const small = cases.slice(0, 500);
  const subset = cases.slice(0, SUBSET);
  const inputs = cases.map((c) => ({ case: c, asOf: AS_OF }));
  const derived = cases.map((c) => decide(c, OPTIONS));

  // decision only
  rate(cases, 300, (c) => decide(c, OPTIONS));
  readLoop(cases, 200);
  const decision = best(() => rate(cases, 400, (c) => decide(c, OPTIONS)), () => readLoop(cases, 200));
  const decisionSmall = best(() => rate(small, 200, (c) => decide(c, OPTIONS)), () => readLoop(small, 200));
  const normalised = cases.map(normaliseCase);
  const decisionNormalised = best(() => rate(normalised, 400, (c) => decide(c, OPTIONS)), () => readLoop(normalised, 200));
  const checks = bestOf(() => rate(inputs, 300, (i) => MODEL.checks.filter((k) => k.test(i))));
  const derive = bestOf(() => rate(inputs, 300, (i) => MODEL.derive(i)));
  const settle = bestOf(() => rate(derived, 300, (d) => FAST.redecide(d, {})));
  log(`decision: ${Math.round(decision.engine)}/s, floor ${Math.round(decision.floor)}/s; checks ${Math.round(checks)}/s, derive ${Math.round(derive)}/s, tables+walks ${Math.round(settle)}/s`);

  // full result
  const plain = subset.map((c) => JSON.parse(JSON.stringify(evaluate(c, OPTIONS))) as unknown);
  rate(subset, 300, (c) => materialise(evaluate(c, OPTIONS)));
  const full = best(() => rate(subset, 400, (c) => materialise(evaluate(c, OPTIONS))), () => rate(plain, 200, deepCopy));
  const fullCohort = bestOf(() => rate(cases, 400, (c) => materialise(evaluate(c, OPTIONS))));
  const lazy = bestOf(() => rate(cases, 300, (c) => evaluate(c, OPTIONS)));
  const json = bestOf(() => rate(subset, 300, (c) => JSON.stringify(evaluate(c, OPTIONS))));
  const explained = bestOf(() => rate(inputs, 300, (i) => FAST.explain(FAST.decide(i))));
  const noVoi = bestOf(() => rate(subset, 300, (c) => materialise(evaluate(c, { ...OPTIONS, needed: false }))));
  log(`full result: ${Math.round(full.engine)}/s, floor ${Math.round(full.floor)}/s; lazy ${Math.round(lazy)}/s; `
    + `decide+explain ${Math.round(explained)}/s; without value of information ${Math.round(noVoi)}/s`);

  // FHIR bundle → full result
  const results = bundles.map((b) => JSON.parse(JSON.stringify(evaluate(mapFhir(b, OPTIONS).case, OPTIONS))) as unknown);
  const pairs = bundles.map((b, i) => [b, results[i]] as const);
  const fhirStep = (b: Bundle): Result => materialise(evaluate(mapFhir(b, OPTIONS).case, OPTIONS));
  rate(bundles, 300, fhirStep);
  const fhir = best(() => rate(bundles, 400, fhirStep), () => rate(pairs, 200, ([b, r]) => [floorFhir(b), deepCopy(r)]));
  const mapOnly = bestOf(() => rate(bundles, 300, (b) => mapFhir(b, OPTIONS)));
  const fhirCore = bestOf(() => rate(bundles, 300, (b) => materialise(evaluate(mapFhirCore(b, OPTIONS).case, OPTIONS))));
  const mapCore = bestOf(() => rate(bundles, 300, (b) => mapFhirCore(b, OPTIONS)));
  log(`FHIR: ${Math.round(fhir.engine)} bundles/s, floor ${Math.round(fhir.floor)}/s; mapping alone ${Math.round(mapOnly)}/s`);

  // compiled vs interpreted, alternating (engine = compiled, floor = interpreted here)
  const vsRun = {
    decision: best(() => rate(subset, 300, (c) => decide(c, OPTIONS)), () => rate(inputs.slice(0, SUBSET), 300, (i) => run(COMPILED, i))),
    full: best(() => rate(subset, 300, (c) => materialise(evaluate(c, OPTIONS))), () => rate(subset, 300, (c) => materialise(evaluateWith(INTERPRETED, c, OPTIONS)))),
  };
  log(`compiled vs interpreted: decision ${Math.round(vsRun.decision.engine)} vs ${Math.round(vsRun.decision.floor)}/s, full ${Math.round(vsRun.full.engine)} vs ${Math.round(vsRun.full.floor)}/s`);
  const calls = predicateCalls(cases.slice(0, 5_000));
  if (sink === undefined || Number.isNaN(checksum)) log('unreachable');
  return {
    decision, decisionSmall, decisionNormalised, checks, derive, settle, full, fullCohort, lazy, json, explained, noVoi, fhir, mapOnly, fhirCore, mapCore,
    vsRun, bundles: bundles.length, resources: bundles.reduce((n, b) => n + (b.entry?.length ?? 0), 0) / bundles.length, predicateCalls: calls,
  };
}
