// A throwaway PostgreSQL cluster for tests: initdb in a temp dir, a free port, unix socket in that dir; stopped and removed after.
// As root (CI) the cluster runs as the 'postgres' user. Returns a reason instead when the server binaries are absent.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Postgres {
  readonly url: string;
  /** Stops the cluster and removes it. */
  stop(): void;
  /** Shuts the server down (fast: open connections get 57P01), keeping the data. */
  halt(): void;
  /** Starts it again on the same port and data. */
  start(): void;
  /** SIGSTOP / SIGCONT the postmaster and its backends: a stalled database. */
  pause(): void;
  resume(): void;
  /** Runs SQL with psql; returns its unaligned output. */
  sql(query: string): string;
}

function binDir(): string | null {
  const root = process.env.POSTGRES_ROOT ?? '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** Why PostgreSQL tests cannot run here, or null when they can. */
export function postgresMissing(): string | null {
  return binDir() ? null : 'PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)';
}

export async function startPostgres(): Promise<Postgres> {
  const bin = binDir();
  if (!bin) throw new Error(postgresMissing()!);
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'lg-pg-'));
  const data = join(dir, 'data');
  const run = (cmd: string, args: string[]): string => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
    return execFileSync(file, argv, { stdio: 'pipe', cwd: dir, encoding: 'utf8' });
  };
  if (asRoot) {
    chmodSync(dir, 0o777);
    execFileSync('chown', ['postgres', dir]);
  }
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const start = (): void => { run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses='' -c fsync=off`, 'start']); };
  start();
  run('createdb', ['-h', dir, '-p', String(port), '-U', 'postgres', 'leptoguide']);
  /** The postmaster and every process it started. */
  const pids = (): number[] => {
    const main = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(main)], { encoding: 'utf8' }).split('\n').map(Number).filter((n) => n > 0);
    return [main, ...children];
  };
  const signal = (sig: NodeJS.Signals): void => { for (const pid of pids()) { try { process.kill(pid, sig); } catch { /* exited */ } } };
  return {
    url: `postgresql://postgres@/leptoguide?host=${encodeURIComponent(dir)}&port=${port}`,
    stop: () => {
      try { signal('SIGCONT'); run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']); } catch { /* not running */ } finally { rmSync(dir, { recursive: true, force: true }); }
    },
    halt: () => { run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']); },
    start,
    pause: () => signal('SIGSTOP'),
    resume: () => signal('SIGCONT'),
    sql: (query) => run('psql', ['-h', dir, '-p', String(port), '-U', 'postgres', '-d', 'leptoguide', '-At', '-c', query]),
  };
}
