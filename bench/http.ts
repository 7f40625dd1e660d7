// npm run bench:http → node --expose-gc dist/bench/http.js
// Fixed-rate open-loop load (bench/load.ts) on POST /api/evaluate and the patient-view hook against the service in a child process;
// requests/s, p50/p99 latency, errors and the server's memory before and after. Writes docs/benchmarks-http.md.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { openLoop, type LoadResult } from './load.js';

const RATE = Number(process.env.BENCH_RATE ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
/** Rates of the capacity sweep (requests/s, BENCH_SWEEP_SECONDS each, one warm server per endpoint); '' skips it. */
const SWEEP = (process.env.BENCH_SWEEP ?? '50,100,150,200,300,500,700,1000').split(',').filter(Boolean).map(Number);
const SWEEP_SECONDS = Number(process.env.BENCH_SWEEP_SECONDS ?? 5);
const SERVER_CPUS = process.env.BENCH_SERVER_CPUS ?? '';
const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const root = (p: string): string => here(`../../${p}`);
const log = (s: string): void => void process.stderr.write(`${s}\n`);

interface Memory { rss: number; heapUsed: number; cpuMicros: number }
interface Run { name: string; path: string; result: LoadResult; before: Memory; after: Memory; loadBefore: number }

function ask<T>(child: ChildProcess, message: object, key: string): Promise<T> {
  return new Promise((ok) => {
    const on = (m: Record<string, unknown>): void => { if (key in m) { child.off('message', on); ok(m as T); } };
    child.on('message', on);
    child.send(message);
  });
}

async function start(): Promise<{ child: ChildProcess; url: string }> {
  const env = { ...process.env, BENCH_WORKERS: String(WORKERS) };
  // BENCH_SERVER_CPUS pins the service to those cores (taskset), so the load generator can be pinned to the others:
  // BENCH_SERVER_CPUS=1 BENCH_WORKERS=1 taskset -c 0 node --expose-gc dist/bench/http.js
  const child = SERVER_CPUS
    ? spawn('taskset', ['-c', SERVER_CPUS, process.execPath, '--expose-gc', here('./http-server.js')], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    : fork(here('./http-server.js'), [], { execArgv: ['--expose-gc'], env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((ok) => child.once('message', (m: { port: number }) => ok(m.port)));
  return { child, url: `http://127.0.0.1:${port}` };
}

async function load(url: string, path: string, body: string, seconds: number, rate = RATE): Promise<LoadResult> {
  return openLoop({ url, path, body, rate, seconds, connections: CONNECTIONS });
}

async function measure(name: string, path: string, body: string): Promise<Run> {
  const { child, url } = await start();
  log(`${name}: warm-up 3 s`);
  await load(url, path, body, 3);
  const loadBefore = os.loadavg()[0]!;
  const before = await ask<Memory>(child, { memory: true }, 'rss');
  log(`${name}: ${RATE} req/s for ${SECONDS} s over ${CONNECTIONS} connections`);
  const result = await load(url, path, body, SECONDS);
  const after = await ask<Memory>(child, { memory: true }, 'rss');
  child.disconnect();
  return { name, path, result, before, after, loadBefore };
}

interface Step { rate: number; result: LoadResult; cpuMs: number }
interface Sweep { name: string; steps: Step[] }

/** The same endpoint at rising fixed rates on one warm server: where p99 passes 10 ms. */
async function sweep(name: string, path: string, body: string): Promise<Sweep> {
  const { child, url } = await start();
  await load(url, path, body, 3, SWEEP[0]);
  const steps: Step[] = [];
  for (const rate of SWEEP) {
    log(`${name}: sweep ${rate} req/s for ${SWEEP_SECONDS} s`);
    const before = await ask<Memory>(child, { memory: true }, 'rss');
    const result = await load(url, path, body, SWEEP_SECONDS, rate);
    const after = await ask<Memory>(child, { memory: true }, 'rss');
    steps.push({ rate, result, cpuMs: (after.cpuMicros - before.cpuMicros) / 1000 / Math.max(1, result.ok + result.non2xx) });
  }
  child.disconnect();
  return { name, steps };
}

function sweepReport(sweeps: readonly Sweep[]): string {
  if (!sweeps.length) return '';
  const ok = (x: Step): boolean => x.result.p99 <= 10 && x.result.served >= x.rate * 0.98
    && x.result.errors + x.result.timeouts + x.result.non2xx === 0;
  return `
## Capacity sweep

The same requests at rising fixed rates, ${SWEEP_SECONDS} s each, on one warm server per endpoint (the settings above otherwise):
the highest rate at which p99 stays ≤ 10 ms with every request answered is the service's capacity on this machine.

| Endpoint | Asked req/s | Served req/s | Server CPU ms/request | p50 ms | p99 ms | Errors | Generator's worst send lag, ms |
|---|---:|---:|---:|---:|---:|---:|---:|
${sweeps.flatMap((w) => w.steps.map((x) => `| ${w.name} | ${n(x.rate)} | ${n(x.result.served)} | ${n(x.cpuMs, 2)} | ${n(x.result.p50, 1)} | ${n(x.result.p99, 1)} | ${x.result.errors + x.result.timeouts + x.result.non2xx} | ${n(x.result.maxSendLag, 1)} |`)).join('\n')}

${sweeps.map((w) => {
    const best = w.steps.filter(ok).map((x) => x.rate);
    return `- ${w.name}: p99 ≤ 10 ms up to ${best.length ? `${n(Math.max(...best))} requests/s` : `none of the rates tried`}.`;
  }).join('\n')}
`;
}

/** The CPUs this process (the load generator) may run on, from /proc (Linux); '' elsewhere. */
function ownCpus(): string {
  try { return /Cpus_allowed_list:\s*(\S+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? ''; } catch { return ''; }
}

const mb = (b: number): string => (b / 1048576).toFixed(1);
const n = (x: number, d = 0): string => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

function row(r: Run): string {
  const res = r.result;
  const errors = res.errors + res.timeouts + res.non2xx;
  const cpuMs = (r.after.cpuMicros - r.before.cpuMicros) / 1000 / Math.max(1, res.ok + res.non2xx);
  return `| ${r.name} | ${n(res.served)} | ${n(cpuMs, 2)} | ${n(res.p50, 1)} | ${n(res.p99, 1)} | ${n(res.max, 1)} | ${errors} (${res.errors} errors, ${res.timeouts} timeouts, ${res.non2xx} non-2xx) | ${mb(r.before.rss)} → ${mb(r.after.rss)} | ${mb(r.before.heapUsed)} → ${mb(r.after.heapUsed)} |`;
}

function report(runs: readonly Run[]): string {
  const cpu = os.cpus();
  const met = (r: Run): string => (r.result.p99 <= 10 && r.result.served >= RATE * 0.98 && r.result.errors + r.result.timeouts + r.result.non2xx === 0 ? 'yes' : '**no**');
  return `# Benchmarks: HTTP service

Generated by \`npm run bench:http\` (\`bench/http.ts\`) on ${new Date().toISOString().slice(0, 10)}; overwritten on every run.
The core library benchmarks are in [benchmarks.md](benchmarks.md).

## Machine

- CPU: ${cpu[0]?.model.trim() ?? 'unknown'}, ${cpu.length} logical cores (server and load generator share them)
- Node ${process.version}; load average (1 min) before each timed run: ${runs.map((r) => r.loadBefore.toFixed(2)).join(', ')}; at the end: ${os.loadavg()[0]!.toFixed(2)}
  (above the core count means other processes competed for the CPU and latencies are inflated)

## Method

- The service runs in child processes as \`WORKERS=${WORKERS} npm start\` builds it${SERVER_CPUS ? ` (pinned with taskset to CPU ${SERVER_CPUS}; the load generator to the other core)` : ''}: ${WORKERS} Node process${WORKERS > 1 ? 'es' : ''} sharing the
  port through \`node:cluster\`, each \`createApp\` with the SQLite feedback store (one file), JWT check off, request log
  lines counted instead of printed; on 127.0.0.1. The load generator (\`bench/load.ts\`, in this process) runs on the same
  machine, on CPU ${ownCpus() || 'any'}${SERVER_CPUS ? `; the service on CPU ${SERVER_CPUS}` : ' (not pinned: it competes with the service)'}.
- Open-loop load (\`bench/load.ts\`): ${n(RATE)} requests/s evenly spaced (request i due at i / rate, whatever the server does)
  over a pool of ${CONNECTIONS} keep-alive connections for ${SECONDS} s, after a 3 s warm-up; a fresh server per endpoint. Latency counts
  from the due time, so queueing in the pool or the server is in it (no coordinated omission). autocannon's \`overallRate\`,
  used before, sends each connection's share of a second back to back and then waits for the next second: a burst per
  second, whose drain time was what its p99 showed.
- \`POST /api/evaluate?lang=en\`: \`docs/examples/2-nsclc-egfr-poor-performance.json\` (validation, evaluation, localized result of ~17 kB).
- \`POST /cds-services/leptoguide-patient-view\`: \`docs/examples/cds-patient-view.json\` (~30 kB of prefetched FHIR:
  mapping, evaluation, the Markdown card, one card row written to SQLite).
- Memory: RSS and used heap summed over the server processes, each after a full GC, before and after the timed run.
- Server CPU per request: user + system CPU time of the server processes during the timed run / responses; less
  sensitive to other load than latency. Capacity on 2 cores ≈ 2,000 / this figure requests/s, less the load generator's share.

## Results

| Endpoint | Requests/s | Server CPU ms/request | p50 ms | p99 ms | max ms | Errors | RSS MB before → after | Heap MB before → after |
|---|---:|---:|---:|---:|---:|---|---|---|
${runs.map(row).join('\n')}

Target: p99 ≤ 10 ms at 1,000 requests/s on 2 cores, zero errors, flat memory.
${runs.map((r) => `- ${r.name}: ${met(r)}`).join('\n')}
`;
}

const evaluateBody = readFileSync(root('docs/examples/2-nsclc-egfr-poor-performance.json'), 'utf8');
const hookBody = readFileSync(root('docs/examples/cds-patient-view.json'), 'utf8');
const runs = [
  await measure('POST /api/evaluate', '/api/evaluate?lang=en', evaluateBody),
  await measure('POST /cds-services/leptoguide-patient-view', '/cds-services/leptoguide-patient-view', hookBody),
];
const sweeps = SWEEP.length ? [
  await sweep('POST /api/evaluate', '/api/evaluate?lang=en', evaluateBody),
  await sweep('POST /cds-services/leptoguide-patient-view', '/cds-services/leptoguide-patient-view', hookBody),
] : [];
// The soak section (npm run bench:soak) is kept.
const previous = existsSync(root('docs/benchmarks-http.md')) ? readFileSync(root('docs/benchmarks-http.md'), 'utf8') : '';
const soak = /<!-- soak:[\s\S]*<!-- \/soak -->\n/.exec(previous)?.[0];
const body = report(runs) + sweepReport(sweeps);
const md = soak ? `${body}\n${soak}` : body;
if (!process.env.BENCH_NO_WRITE) writeFileSync(root('docs/benchmarks-http.md'), md);
process.stdout.write(md);
