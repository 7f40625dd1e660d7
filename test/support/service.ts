// The service as `npm start` runs it (node dist/src/server/main.js), on 127.0.0.1 and a free port, for the fault suite.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAIN = join(import.meta.dirname, '../../dist/src/server/main.js');

export interface Service {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything it printed (stdout and stderr). */
  output(): string;
  alive(): boolean;
  stop(): Promise<void>;
}

export async function startService(env: Record<string, string>): Promise<Service> {
  const cwd = mkdtempSync(join(tmpdir(), 'lg-svc-'));
  const child = spawn(process.execPath, [MAIN], { cwd, env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let exited = false;
  child.once('exit', () => { exited = true; });
  child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
  const url = await new Promise<string>((ok, fail) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m) ok(m[1]!);
    });
    child.once('exit', (code) => fail(new Error(`exited ${code}: ${out}`)));
  });
  return {
    url, child,
    output: () => out,
    alive: () => !exited,
    stop: () => new Promise<void>((ok) => {
      if (exited) { ok(); return; }
      child.once('exit', () => ok());
      child.kill('SIGKILL');
    }),
  };
}

/** Polls until check() is true or the time is up; returns whether it became true. */
export async function until(check: () => Promise<boolean>, timeoutMs: number, everyMs = 200): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return true;
    if (Date.now() > end) return false;
    await new Promise((ok) => setTimeout(ok, everyMs));
  }
}
