// The pretest step (scripts/setup-test-deps.sh): silent when Chromium and PostgreSQL are there; otherwise installs
// them as root on Debian, or stops with one line naming the command. Missing packages are simulated with
// CHROMIUM_PATH / POSTGRES_ROOT pointing nowhere, and a stand-in apt-get on PATH: nothing is uninstalled or installed.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, '../../scripts/setup-test-deps.sh');
const asRoot = process.getuid?.() === 0;
const GONE = { CHROMIUM_PATH: '/nonexistent/chromium', POSTGRES_ROOT: '/nonexistent/postgresql' };

function run(env: Record<string, string>, asUser?: string): { code: number | null; out: string } {
  const argv = asUser ? ['setpriv', '--reuid', asUser, '--regid', 'nogroup', '--clear-groups', 'bash', SCRIPT] : ['bash', SCRIPT];
  const r = spawnSync(argv[0]!, argv.slice(1), { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('setup-test-deps.sh', () => {
  const present = existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') && existsSync('/usr/lib/postgresql');
  it.runIf(present)('is silent and succeeds when Chromium and PostgreSQL are installed', () => {
    expect(run({})).toEqual({ code: 0, out: '' });
  });

  it('as a non-root user with both missing: exit 1 and one line naming the exact command', () => {
    const r = run(GONE, asRoot ? 'nobody' : undefined);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/chromium, postgresql/);
    if (existsSync('/etc/debian_version')) expect(lines[0]).toContain('apt-get update && apt-get install -y chromium postgresql');
  });

  it('names only what is missing', () => {
    const r = run({ CHROMIUM_PATH: GONE.CHROMIUM_PATH }, asRoot ? 'nobody' : undefined);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Tests need chromium:/);
  });

  it.runIf(asRoot && existsSync('/etc/debian_version'))('as root on Debian: runs apt-get update and install non-interactively', () => {
    const bin = mkdtempSync(join(tmpdir(), 'lg-apt-'));
    const log = join(bin, 'calls');
    writeFileSync(join(bin, 'apt-get'), `#!/bin/sh\necho "$DEBIAN_FRONTEND $*" >> ${log}\n`);
    chmodSync(join(bin, 'apt-get'), 0o755);
    const r = run({ ...GONE, PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}` });
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['noninteractive update -qq', 'noninteractive install -y -qq chromium postgresql']);
    // The stand-in installed nothing, so the script says what is still missing and fails.
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/still missing after apt-get: chromium, postgresql/);
  });
});
