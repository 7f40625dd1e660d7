// `npm start`: read the environment, listen, print the address; the feedback store opens in the background
// (retried until it is there: the API, the web app and the hooks do not need it).
// WORKERS > 1 runs that many processes on the same port (node:cluster); the jti replay cache is per process then.
import cluster from 'node:cluster';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { configFromEnv, type Listen, type ServerConfig } from './config.js';
import { defaultDeps } from './deps.js';
import { errorClass } from './errors.js';
import { postgresStore } from './feedback/postgres.js';
import { resilientStore } from './feedback/resilient.js';
import { sqliteStore } from './feedback/sqlite.js';

function worker(config: ServerConfig, listen: Listen): void {
  const url = listen.databaseUrl;
  const logEvent = (e: object): void => console.log(JSON.stringify(e));
  const feedback = resilientStore(
    url
      ? () => postgresStore(url, {
        poolMax: listen.databasePoolMax, timeoutMs: listen.databaseTimeoutMs,
        onError: (e) => logEvent({ event: 'feedback-store', idleConnectionError: errorClass(e) }),
      })
      : async () => sqliteStore(listen.sqlitePath),
    { queueMax: listen.feedbackQueueMax, log: logEvent },
  );
  const app = createApp(config, defaultDeps({ feedback }));
  const server = serve({ fetch: app.fetch, port: listen.port, hostname: listen.host }, (info) => {
    if (!cluster.isWorker || cluster.worker?.id === 1) {
      const host = info.address.includes(':') ? `[${info.address}]` : info.address;
      console.log(`LeptoGuide listening on http://${host}:${info.port} (public URL ${config.publicUrl}; auth ${config.auth.enabled ? 'on' : 'off'}; `
        + `feedback in ${listen.databaseUrl ? 'PostgreSQL' : listen.sqlitePath}; ${listen.workers} process${listen.workers > 1 ? 'es' : ''})`);
    }
  });
  const stop = (): void => { server.close(() => { void feedback.close().then(() => process.exit(0)); }); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function primary(workers: number): void {
  for (let i = 0; i < workers; i++) cluster.fork();
  let stopping = false;
  cluster.on('exit', (w, code) => {
    if (stopping) return;
    console.error(`LeptoGuide: worker ${w.id} exited (${code ?? 'signal'}); stopping`);
    stopping = true;
    for (const other of Object.values(cluster.workers ?? {})) other?.kill();
    process.exitCode = 1;
  });
  const stop = (): void => { stopping = true; for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM'); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function main(): void {
  const { config, listen } = configFromEnv(process.env);
  if (listen.workers > 1 && cluster.isPrimary) primary(listen.workers);
  else worker(config, listen);
}

try {
  main();
} catch (e) {
  console.error(`LeptoGuide: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
