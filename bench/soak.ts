// npm run bench:soak → node --expose-gc dist/bench/soak.js (not in CI; loopback only; bounded: SOAK_SECONDS, default 180).
// A mixed load at a fixed rate against the service as `npm start` builds it (bench/http-server.ts, one process, SQLite
// feedback store): evaluate, the three hooks, feedback, discovery, health. Reports throughput, p50/p99, errors and
// the server's RSS and heap (after a full GC) at the start, every 30 s and at the end; writes the "Soak" section of
// docs/benchmarks-http.md (bench:http keeps it).
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { openLoop, type LoadRequest } from './load.js';

const SECONDS = Math.min(Number(process.env.SOAK_SECONDS ?? 180), 600);
const RATE = Number(process.env.SOAK_RATE ?? 300);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 8);
const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const root = (p: string): string => here(`../../${p}`);
const log = (s: string): void => void process.stderr.write(`${s}\n`);
export const SOAK_START = '<!-- soak: written by npm run bench:soak -->';
export const SOAK_END = '<!-- /soak -->';

interface Memory { rss: number; heapUsed: number; cpuMicros: number }

function ask(child: ChildProcess): Promise<Memory> {
  return new Promise((ok) => {
    const on = (m: Record<string, unknown>): void => { if ('rss' in m) { child.off('message', on); ok(m as unknown as Memory); } };
    child.on('message', on);
    child.send({ memory: true });
  });
}

const body = (name: string): string => readFileSync(root(`docs/examples/${name}`), 'utf8');
const orderSelect = JSON.parse(body('cds-order-sign.json')) as { context: Record<string, unknown> };
// Feedback must name a card the service issued (CDS Hooks 2.0): CARD is replaced by one issued before the run.
const feedbackFor = (card: string): string => JSON.stringify({ feedback: [{ card, outcome: 'overridden', overrideReason: { reason: { system: 'urn:leptoguide:cds:override-reason', code: 'mdo-decision' } }, outcomeTimestamp: '2026-11-26T10:00:00Z' }] });
let feedback = feedbackFor('CARD');
const json = { 'content-type': 'application/json' };
const REQUESTS: LoadRequest[] = [
  { method: 'POST', path: '/api/evaluate?lang=en', body: body('2-nsclc-egfr-poor-performance.json') },
  { method: 'POST', path: '/cds-services/leptoguide-patient-view', body: body('cds-patient-view.json') },
  { method: 'POST', path: '/cds-services/leptoguide-order-sign', body: body('cds-order-sign.json') },
  { method: 'POST', path: '/cds-services/leptoguide-order-select', body: JSON.stringify({ ...orderSelect, hook: 'order-select', context: { ...orderSelect.context, selections: ['MedicationRequest/draft-it-mtx'] } }) },
  { method: 'POST', path: '/cds-services/leptoguide-order-sign/feedback', body: feedback },
  { method: 'GET', path: '/cds-services' },
  { method: 'GET', path: '/health' },
];

const child = fork(here('./http-server.js'), [], { execArgv: ['--expose-gc'], env: { ...process.env, BENCH_WORKERS: '1' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const port = await new Promise<number>((ok) => child.once('message', (m: { port: number }) => ok(m.port)));
const url = `http://127.0.0.1:${port}`;
const issued = await (await fetch(`${url}/cds-services/leptoguide-order-sign`, { method: 'POST', headers: json, body: body('cds-order-sign.json') })).json() as { cards: { uuid: string }[] };
feedback = feedbackFor(issued.cards[0]!.uuid);
for (let i = 0; i < REQUESTS.length; i++) if (REQUESTS[i]!.path.endsWith('/feedback')) REQUESTS[i] = { ...REQUESTS[i]!, body: feedback };
log('soak: warm-up 5 s');
await openLoop({ url, connections: CONNECTIONS, seconds: 5, rate: RATE, requests: REQUESTS });
const start = await ask(child);
const samples: { s: number; rss: number; heapUsed: number }[] = [{ s: 0, rss: start.rss, heapUsed: start.heapUsed }];
const t0 = Date.now();
const sampler = setInterval(() => { void ask(child).then((m) => samples.push({ s: Math.round((Date.now() - t0) / 1000), rss: m.rss, heapUsed: m.heapUsed })); }, 30_000);
log(`soak: ${RATE} req/s for ${SECONDS} s over ${CONNECTIONS} connections, ${REQUESTS.length} request kinds in turn`);
const loadBefore = os.loadavg()[0]!;
const r = await openLoop({ url, connections: CONNECTIONS, seconds: SECONDS, rate: RATE, requests: REQUESTS });
clearInterval(sampler);
const end = await ask(child);
samples.push({ s: SECONDS, rss: end.rss, heapUsed: end.heapUsed });
child.disconnect();

const mb = (b: number): string => (b / 1048576).toFixed(1);
const errors = r.errors + r.timeouts + r.non2xx;
const cpuMs = (end.cpuMicros - start.cpuMicros) / 1000 / Math.max(1, r.ok + r.non2xx);
const section = `${SOAK_START}
## Soak

Measured by \`npm run bench:soak\` (\`bench/soak.ts\`, not in CI) on ${new Date().toISOString().slice(0, 10)}: one server process
(\`createApp\` with the SQLite feedback store, JWT check off) on 127.0.0.1, the open-loop generator (\`bench/load.ts\`: evenly
spaced requests, latency from the due time) on the same 2-core machine
(${os.cpus()[0]?.model.trim() ?? 'unknown'}; Node ${process.version}; load average before ${loadBefore.toFixed(2)}, after ${os.loadavg()[0]!.toFixed(2)}).
${RATE} requests/s for ${SECONDS} s over a pool of ${CONNECTIONS} keep-alive connections, after a 5 s warm-up, cycling through ${REQUESTS.length} requests:
\`POST /api/evaluate\`, the patient-view, order-sign and order-select hooks, feedback, discovery and \`/health\`.

| Requests | Requests/s | Server CPU ms/request | p50 ms | p99 ms | max ms | Errors | RSS MB start → end (max) | Heap MB start → end |
|---:|---:|---:|---:|---:|---:|---|---|---|
| ${r.sent} | ${r.served.toFixed(0)} | ${cpuMs.toFixed(2)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${errors} (${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx) | ${mb(start.rss)} → ${mb(end.rss)} (${mb(Math.max(...samples.map((x) => x.rss)))}) | ${mb(start.heapUsed)} → ${mb(end.heapUsed)} |

RSS / heap after GC every 30 s: ${samples.map((x) => `${x.s} s ${mb(x.rss)}/${mb(x.heapUsed)}`).join(', ')} MB.
${SOAK_END}
`;
const file = root('docs/benchmarks-http.md');
if (!process.env.BENCH_NO_WRITE && existsSync(file)) {
  const md = readFileSync(file, 'utf8');
  const a = md.indexOf(SOAK_START);
  const b = md.indexOf(SOAK_END);
  writeFileSync(file, a >= 0 && b > a ? `${md.slice(0, a)}${section}${md.slice(b + SOAK_END.length + 1)}` : `${md.trimEnd()}\n\n${section}`);
}
process.stdout.write(section);
process.exit(0);
