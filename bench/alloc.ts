import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { mapFhir } from '../src/fhir/index.js';
import { decide, evaluate } from '../src/index.js';
import { AS_OF, makeCohort } from './cohort.js';
import { makeFhirCohort } from './fhir-cohort.js';
import { materialise } from './floors.js';

// Child of the benchmark, run with a young generation big enough that no GC
// happens while measuring: the growth of heapUsed is then exactly what was allocated.
// node --expose-gc --min-semi-space-size=512 --max-semi-space-size=512 dist/bench/alloc.js [full|decide|lazy|fhir]
// full: evaluate() with every lazy part read; decide: the decision only; lazy: evaluate() with nothing read;
// fhir: a ~50-resource bundle mapped and its full result.

const BATCH = 5_000;
const BATCHES = 4;
const WARM_UP = 20_000;

const gc = globalThis.gc;
if (!gc) throw new Error('alloc: run with --expose-gc');

const mode = process.argv[2] ?? 'full';
const o = { asOf: AS_OF };
const cases: readonly unknown[] = mode === 'fhir' ? makeFhirCohort() : makeCohort();
const step = {
  full: (c: unknown) => materialise(evaluate(c as never, o)),
  decide: (c: unknown) => decide(c as never, o),
  lazy: (c: unknown) => evaluate(c as never, o),
  fhir: (c: unknown) => materialise(evaluate(mapFhir(c as never, o).case, o)),
}[mode];
if (!step) throw new Error(`alloc: unknown mode ${mode}`);
const stride = Math.max(1, Math.floor(cases.length / (BATCH * BATCHES)));
const sink: unknown[] = new Array<unknown>(64);
for (let i = 0; i < WARM_UP; i++) sink[i & 63] = step(cases[i % cases.length]!);

const gcs: PerformanceEntry[] = [];
new PerformanceObserver((list) => gcs.push(...list.getEntries())).observe({ entryTypes: ['gc'] });

let bytes = 0;
const windows: [number, number][] = [];
for (let b = 0; b < BATCHES; b++) {
  gc();
  const from = performance.now();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < BATCH; i++) sink[i & 63] = step(cases[((b * BATCH + i) * stride) % cases.length]!);
  const after = process.memoryUsage().heapUsed;
  windows.push([from, performance.now()]);
  bytes += after - before;
}
await sleep(50); // let the observer deliver
const during = gcs.filter((e) => windows.some(([a, z]) => e.startTime >= a && e.startTime <= z)).length;
process.stdout.write(JSON.stringify({ evaluations: BATCH * BATCHES, bytes, gcDuringMeasurement: during }));
