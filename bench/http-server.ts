// The service as `npm start` builds it (SQLite feedback store, auth off), in a child process the HTTP benchmark drives:
// BENCH_WORKERS processes on one port (node:cluster, like WORKERS=n npm start). Reports the port over IPC and answers
// { memory: true } with RSS, used heap (each after a full GC) and CPU time, summed over the primary and the workers.
import cluster, { type Worker } from 'node:cluster';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../src/server/app.js';
import { configFromEnv } from '../src/server/config.js';
import { defaultDeps } from '../src/server/deps.js';
import { sqliteStore } from '../src/server/feedback/sqlite.js';

interface Memory { rss: number; heapUsed: number; cpuMicros: number }

function memory(): Memory {
  (globalThis as { gc?: () => void }).gc?.();
  const u = process.memoryUsage();
  const cpu = process.cpuUsage();
  return { rss: u.rss, heapUsed: u.heapUsed, cpuMicros: cpu.user + cpu.system };
}

function askWorker(w: Worker): Promise<Memory> {
  return new Promise((ok) => {
    w.once('message', (m: Memory) => ok(m));
    w.send({ memory: true });
  });
}

if (cluster.isPrimary) {
  const n = Number(process.env.BENCH_WORKERS ?? 2);
  const dbDir = mkdtempSync(join(tmpdir(), 'lg-bench-'));
  const workers = Array.from({ length: n }, () => cluster.fork({ BENCH_DB: join(dbDir, 'feedback.sqlite') }));
  let ready = 0;
  cluster.on('listening', (_w, address) => { if (++ready === n) process.send?.({ port: address.port }); });
  process.on('message', (m: { memory?: boolean }) => {
    if (!m.memory) return;
    void Promise.all(workers.map(askWorker)).then((ms) => {
      const own = memory();
      process.send?.({
        rss: ms.reduce((a, x) => a + x.rss, own.rss), heapUsed: ms.reduce((a, x) => a + x.heapUsed, own.heapUsed),
        cpuMicros: ms.reduce((a, x) => a + x.cpuMicros, own.cpuMicros),
      });
    });
  });
  process.on('disconnect', () => { for (const w of workers) w.kill(); process.exit(0); });
} else {
  const { config } = configFromEnv({ ...process.env, LEPTOGUIDE_AUTH: 'off', WEB_DIR: '' });
  const app = createApp(config, defaultDeps({ feedback: sqliteStore(process.env.BENCH_DB!), log: () => undefined }));
  serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  process.on('message', (m: { memory?: boolean }) => { if (m.memory) process.send?.(memory()); });
}
