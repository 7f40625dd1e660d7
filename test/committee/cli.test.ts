import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCohort } from '../../bench/cohort.js';
import { makeFixtureRepo } from '../../bench/committee-fixture.js';
import { loadVignettes } from '../support/vignettes.js';
import { CONTENT_HASH } from '../../src/guideline/content-hash.js';
import { expectedChanged, expectedCodeChanged, expectedIds, NEW_RULE } from './fixture.js';

// The committee commands through the built bin, on a throwaway git repository holding this tree's src/ and the
// fixture revision (KPS gate at 60, one new rule) and the code revision (KPS 60 only in facts.ts) as real commits.
const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/leptoguide.js');
const VIGNETTES = join(ROOT, 'test/vignettes');
const AS_OF = '2026-11-26';
const tmp = mkdtempSync(join(tmpdir(), 'leptoguide-committee-'));
const repo = join(tmp, 'repo');
const commits = { base: '', fixture: '', broken: '', code: '' };

function cli(args: string[], cwd = repo): { code: number; out: string; err: string } {
  const r = spawnSync('node', [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
beforeAll(() => {
  mkdirSync(repo);
  Object.assign(commits, makeFixtureRepo(repo, ROOT));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  for (const c of Object.values(commits)) rmSync(join(tmpdir(), `leptoguide-revision-${c}`), { recursive: true, force: true });
});

describe('export-knowledge', () => {
  it('prints one verified document whose hash is the build’s CONTENT_HASH; a tampered copy is refused by every command', () => {
    const r = cli(['export-knowledge'], ROOT);
    expect(r.code).toBe(0);
    const k = JSON.parse(r.out) as { format: string; contentHash: string; declarations: { rules: { text: { nl: string } }[] } };
    const hash = /CONTENT_HASH = '([0-9a-f]+)'/.exec(readFileSync(join(ROOT, 'src/guideline/content-hash.ts'), 'utf8'))![1];
    expect(k).toMatchObject({ format: 'leptoguide-knowledge/1', contentHash: hash });
    const good = join(tmp, 'knowledge.json');
    writeFileSync(good, r.out);
    const same = cli(['diff', good, good, '--format', 'json']);
    expect(same.code).toBe(0);
    expect(JSON.parse(same.out).changes).toEqual([]);
    // The same src/ transpiled by the loader has the same knowledge, hash included, as the tsc build.
    const built = JSON.parse(cli(['diff', good, commits.base, '--format', 'json']).out) as { head: { contentHash: string }; changes: unknown[] };
    expect(built.changes).toEqual([]);
    expect(built.head.contentHash).toBe(hash);
    k.declarations.rules[0]!.text.nl += ' (aangepast)';
    const bad = join(tmp, 'tampered.json');
    writeFileSync(bad, JSON.stringify(k));
    for (const args of [['export-knowledge', bad], ['diff', bad, good], ['impact', good, bad, '--cases', VIGNETTES]]) {
      const x = cli(args);
      expect(x.code, args.join(' ')).toBe(2);
      expect(x.err).toMatch(/Kennisbestand geweigerd: de inhoudshash .* past niet bij de inhoud/);
      expect(x.out).toBe('');
    }
    expect(cli(['diff', bad, good, '--lang', 'en']).err).toMatch(/Knowledge file refused: the content hash/);
  });
});

describe('diff and impact between git revisions', () => {
  it('the diff names exactly the fixture’s declarations, in Dutch Markdown for the minutes', () => {
    const r = cli(['diff', commits.base, commits.fixture, '--format', 'json']);
    expect(r.code, r.err).toBe(0);
    const d = JSON.parse(r.out) as { base: { revision: string }; changes: { change: string; part: string; id: string }[] };
    // predicates.ts is a code module too: the revision's edit of its text is named beside the declarations.
    expect(d.changes.map((c) => `${c.change} ${c.part}:${c.id}`).sort()).toEqual([
      `added rule:${NEW_RULE}`, 'changed code:src/guideline/predicates.ts', 'changed node:diagnostic/dx.signs', 'changed predicate:perf70',
    ]);
    expect(d.base.revision).toContain(commits.base.slice(0, 12));
    const md = cli(['diff', commits.base, commits.fixture, '--format', 'markdown']).out;
    expect(md).toContain('## Kennisverschil');
    expect(md).toContain('~~70~~ **60**');
    expect(cli(['diff', commits.base, commits.base]).out).toContain('Geen wijzigingen in de kennis.');
  });
  it('a change in a helper of derive only (code revision) changes the hash, is named by diff and flips its vignettes', () => {
    const r = cli(['diff', commits.base, commits.code, '--format', 'json']);
    expect(r.code, r.err).toBe(0);
    const d = JSON.parse(r.out) as { base: { contentHash: string }; head: { contentHash: string }; changes: { change: string; part: string; id: string }[] };
    expect(d.changes.map((c) => `${c.change} ${c.part}:${c.id}`)).toEqual(['changed code:src/guideline/facts.ts']);
    expect(d.head.contentHash).not.toBe(d.base.contentHash);
    expect(d.base.contentHash).toBe(CONTENT_HASH);
    const text = cli(['diff', commits.base, commits.code]).out;
    expect(text).toContain('code gewijzigd: src/guideline/facts.ts — het effect blijkt alleen uit de gevolgen voor casussen');
    expect(text).toMatch(/-\d+: if \(p\.kps !== undefined\) vote\('kps', p\.kps >= 70\);/);
    expect(text).toMatch(/\+\d+: if \(p\.kps !== undefined\) vote\('kps', p\.kps >= 60\);/);
    const i = cli(['impact', commits.base, commits.code, '--cases', VIGNETTES, '--format', 'json', '--as-of', AS_OF]);
    expect(i.code, i.err).toBe(0);
    const doc = JSON.parse(i.out) as { summary: { groups: { change: string }[] }; cases: { name: string; changes: string[] }[] };
    const expected = expectedIds(loadVignettes(), expectedCodeChanged, AS_OF);
    expect(expected.length).toBeGreaterThan(10);
    expect(doc.cases.map((c) => c.name)).toEqual(expected);
    expect(doc.summary.groups.map((g) => g.change)).toEqual(['code:src/guideline/facts.ts']);
    // Its export binds nothing of this build: impact refuses it, naming the module; the revision itself runs.
    const file = join(tmp, 'code.json');
    writeFileSync(file, cli(['export-knowledge', commits.code]).out);
    const refused = cli(['impact', commits.base, file, '--cases', VIGNETTES]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('de code van dit kennisbestand verschilt van die van deze versie van LeptoGuide (code:src/guideline/facts.ts)');
    expect(cli(['diff', commits.base, file, '--format', 'json']).out).toContain('"part": "code"');
  });
  it('an export of the working tree (this tree’s src/) has the build’s CONTENT_HASH and is run by this build', () => {
    const r = cli(['export-knowledge', 'worktree']);
    expect(r.code, r.err).toBe(0);
    const k = JSON.parse(r.out) as { contentHash: string; declarations: { code: Record<string, string> } };
    expect(k.contentHash).toBe(CONTENT_HASH);
    expect(Object.keys(k.declarations.code)).toContain('src/guideline/facts.ts');
    const file = join(tmp, 'worktree.json');
    writeFileSync(file, r.out);
    const i = cli(['impact', file, commits.base, '--cases', VIGNETTES, '--format', 'json', '--as-of', AS_OF]);
    expect(i.code, i.err).toBe(0);
    expect(JSON.parse(i.out).summary.changedCases).toBe(0);
  });
  it('impact on the vignette bank flips exactly the vignettes the cut-off and the new rule reach', () => {
    const r = cli(['impact', commits.base, commits.fixture, '--cases', VIGNETTES, '--format', 'json', '--as-of', AS_OF]);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out) as { summary: { cases: number; changedCases: number; groups: { change: string }[] }; cases: { name: string }[] };
    const vignettes = loadVignettes();
    const expected = expectedIds(vignettes, expectedChanged, AS_OF);
    expect(doc.summary.cases).toBe(vignettes.length);
    expect(doc.cases.map((c) => c.name)).toEqual(expected);
    expect(doc.summary.groups.map((g) => g.change)).toEqual(expect.arrayContaining(['predicate:perf70', `rule:${NEW_RULE}`]));
    const same = JSON.parse(cli(['impact', commits.base, commits.base, '--cases', VIGNETTES, '--format', 'json']).out);
    expect(same.summary.changedCases).toBe(0);
    expect(same.cases).toEqual([]);
    const text = cli(['impact', commits.base, commits.fixture, '--cases', VIGNETTES, '--lang', 'en']).out;
    expect(text).toContain(`with a different result: ${expected.length}`);
  });
  it('worker threads give the same report as one thread on an NDJSON cohort', () => {
    const file = join(tmp, 'cohort.ndjson');
    writeFileSync(file, makeCohort(1500).map((c) => JSON.stringify(c)).join('\n') + '\n');
    const run = (workers: string): string => {
      const r = cli(['impact', commits.base, commits.fixture, '--cases', file, '--format', 'json', '--workers', workers, '--as-of', AS_OF]);
      expect(r.code, r.err).toBe(0);
      return r.out;
    };
    const one = run('1');
    expect(JSON.parse(one).summary.cases).toBe(1500);
    expect(JSON.parse(one).summary.changedCases).toBeGreaterThan(0);
    expect(run('3')).toBe(one);
  });
  it('reads FHIR Bundles and the examples (CDS requests through their prefetch)', () => {
    const fhir = JSON.parse(cli(['impact', commits.base, commits.fixture, '--cases', join(ROOT, 'test/fhir/bundles'), '--format', 'json']).out);
    expect(fhir.summary.cases).toBeGreaterThan(5);
    const ex = cli(['impact', commits.base, commits.fixture, '--cases', join(ROOT, 'docs/examples'), '--format', 'json']);
    expect(ex.code, ex.err).toBe(0);
    expect(JSON.parse(ex.out).summary.cases).toBe(5);
  });
  it('names the revision and what it lacks when an older revision cannot be used', () => {
    const r = cli(['diff', commits.broken, commits.base]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`revisie ${commits.broken}`);
    expect(r.err).toContain('GUIDELINE');
    const u = cli(['diff', 'no-such-revision']);
    expect(u.code).toBe(2);
    expect(u.err).toContain('Onbekende git-revisie of bestand: no-such-revision');
  });
});
