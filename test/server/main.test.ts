// `npm start` as a new user runs it: node dist/src/server/main.js, configured by environment variables only.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

const MAIN = join(__dirname, '../../dist/src/server/main.js');
const example = readFileSync(join(__dirname, '../../docs/examples/cds-patient-view.json'), 'utf8');
const children: ChildProcess[] = [];
afterEach(() => { for (const c of children.splice(0)) c.kill(); });

async function start(env: Record<string, string>): Promise<{ url: string; output: () => string }> {
  const cwd = mkdtempSync(join(tmpdir(), 'lg-cwd-'));
  const child = spawn(process.execPath, [MAIN], { cwd, env: { PATH: process.env.PATH, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
  const url = await new Promise<string>((ok, fail) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m) ok(m[1]!);
    });
    child.once('exit', (code) => fail(new Error(`exited ${code}: ${out}`)));
  });
  return { url, output: () => out };
}

const post = (url: string, body: string): Promise<Response> => fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });

describe('npm start', () => {
  it('serves discovery and answers the example hook request with cards; feedback lands in SQLite', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'lg-main-')), 'feedback.sqlite');
    const { url, output } = await start({ LEPTOGUIDE_AUTH: 'off', SQLITE_PATH: db, PUBLIC_URL: 'https://leptoguide.example.org' });
    const discovery = await (await fetch(`${url}/cds-services`)).json() as { services: { id: string }[] };
    expect(discovery.services.map((s) => s.id)).toContain('leptoguide-patient-view');
    const { cards } = await (await post(`${url}/cds-services/leptoguide-patient-view`, example)).json() as { cards: { uuid: string; summary: string }[] };
    expect(cards).toHaveLength(1);
    const fb = { feedback: [{ card: cards[0]!.uuid, outcome: 'overridden', outcomeTimestamp: '2026-11-26T10:00:00Z' }] };
    expect((await post(`${url}/cds-services/leptoguide-patient-view/feedback`, JSON.stringify(fb))).status).toBe(200);
    const rows = new Database(db, { readonly: true }).prepare('SELECT card_uuid, outcome, guideline_version FROM cds_feedback').all();
    expect(rows).toEqual([{ card_uuid: cards[0]!.uuid, outcome: 'overridden', guideline_version: '2022-09' }]);
    const logLines = output().split('\n').filter((l) => l.startsWith('{'));
    expect(logLines.length).toBeGreaterThanOrEqual(3);
    expect(output()).not.toContain('nsclc');
  });

  it('checks JWTs by default (no NODE_ENV=development): an unsigned hook call is 401', async () => {
    const { url } = await start({});
    expect((await post(`${url}/cds-services/leptoguide-patient-view`, example)).status).toBe(401);
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });

  it('refuses bad configuration with a message', async () => {
    await expect(start({ CDS_ISSUERS: 'nonsense' })).rejects.toThrow(/CDS_ISSUERS must be a JSON object/);
  });
});
