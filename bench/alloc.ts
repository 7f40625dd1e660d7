import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { evaluate, type Result } from '../src/index.js';
import { AS_OF, makeCohort } from './cohort.js';

// Child of the benchmark, run with a young generation big enough that no GC
// happens while measuring: the growth of heapUsed is then exactly what was allocated.
// node --expose-gc --min-semi-space-size=512 --max-semi-space-size=512 dist/bench/alloc.js

const BATCH = 5_000;
const BATCHES = 4;
const WARM_UP = 20_000;

const gc = globalThis.gc;
if (!gc) throw new Error('alloc: run with --expose-gc');

const cases = makeCohort();
const stride = Math.floor(cases.length / (BATCH * BATCHES));
const sink: Result[] = new Array<Result>(64);
for (let i = 0; i < WARM_UP; i++) sink[i & 63] = evaluate(cases[i % cases.length]!, { asOf: AS_OF });

const gcs: PerformanceEntry[] = [];
new PerformanceObserver((list) => gcs.push(...list.getEntries())).observe({ entryTypes: ['gc'] });

let bytes = 0;
const windows: [number, number][] = [];
for (let b = 0; b < BATCHES; b++) {
  gc();
  const from = performance.now();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < BATCH; i++) sink[i & 63] = evaluate(cases[(b * BATCH + i) * stride]!, { asOf: AS_OF });
  const after = process.memoryUsage().heapUsed;
  windows.push([from, performance.now()]);
  bytes += after - before;
}
await sleep(50); // let the observer deliver
const during = gcs.filter((e) => windows.some(([a, z]) => e.startTime >= a && e.startTime <= z)).length;
process.stdout.write(JSON.stringify({ evaluations: BATCH * BATCHES, bytes, gcDuringMeasurement: during }));
