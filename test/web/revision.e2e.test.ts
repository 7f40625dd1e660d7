/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The Revision page in Chromium: two knowledge files (the build's export and a fixture head with one changed rule text,
// one changed table row and one changed node label) and cases chosen as a folder and as files; the diff names exactly
// those declarations, the impact table the cases the changed row flips (computed here, in Node, with the library), the
// changed node is marked on both sides; Dutch first, English after switching; axe clean at desktop and 375 px; a tampered
// file is refused; a head whose function or code module differs gets no impact; no request leaves 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Server } from 'node:http';
import { execFileSync } from 'node:child_process';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { CONTENT_HASH, MODEL, evaluate, evaluatorFor, type Case, type KnowledgeFile, type Result } from '../../src/index.js';
import { contentHash } from '../../src/engine/hash.js';
import { codeDigest } from '../../src/committee/code.js';
import { CODE_EDIT } from '../../bench/committee-fixture.js';
import { casesFromText } from '../../web/src/revision/cases.js';
import { launch, localToday, serveStatic, watchCsp } from './support.js';

const ROOT = join(import.meta.dirname, '../..');
/** The base as a committee member makes it: `leptoguide export-knowledge` (the CLI on the tsc build in dist/). */
function exportBuilt(): KnowledgeFile {
  const out = execFileSync(process.execPath, [join(ROOT, 'bin/leptoguide.js'), 'export-knowledge'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out) as KnowledgeFile;
}

const RULE = 'tx.category-1';
const ROW = { table: 'table.category', row: 'category.3' };
const NODE = { chart: 'treatment', node: 'tx.performance' };
const VIGNETTE_FILES = ['behandeling-categorieen.json', 'behandeling-performance.json', 'prognose-opvolging.json'];

interface Decl {
  rules: readonly { id: string; text: { nl: string; en: string } }[];
  tables: readonly { id: string; rows: readonly { id: string; when: readonly unknown[] }[] }[];
  flowcharts: readonly { id: string; nodes: readonly { id: string; label: { nl: string; en: string } }[] }[];
}

/** The fixture revision, applied by copying: to the exported declarations (the file) and to the model itself (the expectation). */
function revise<T extends Decl>(d: T): T {
  return {
    ...d,
    rules: d.rules.map((r) => (r.id === RULE ? { ...r, text: { nl: `${r.text.nl} Herzien door de commissie.`, en: `${r.text.en} Revised by the committee.` } } : r)),
    tables: d.tables.map((t) => (t.id !== ROW.table ? t : {
      ...t, rows: t.rows.map((r) => (r.id === ROW.row ? { ...r, when: r.when.filter((c) => c !== 'progressiveNoOptions') } : r)),
    })),
    flowcharts: d.flowcharts.map((c) => (c.id !== NODE.chart ? c : {
      ...c, nodes: c.nodes.map((n) => (n.id === NODE.node ? { ...n, label: { nl: `Prestatie: ${n.label.nl}`, en: `Performance: ${n.label.en}` } } : n)),
    })),
  };
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let server: Server;
let url: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const requests: Request[] = [];
const problems: string[] = [];
let csp: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'lg-revision-'));
const files = { base: join(dir, 'base.json'), head: join(dir, 'head.json'), tampered: join(dir, 'tampered.json'), unbound: join(dir, 'unbound.json'),
  code: join(dir, 'code.json') };
const casesDir = join(dir, 'cases');
const cohort = join(dir, 'cohort.ndjson');

/** What the page must list: every loaded case whose visible result differs between the two models. */
let expected: { names: string[]; total: number; category: Map<string, [unknown, unknown]> };

function signature(r: Result): string {
  return JSON.stringify([r.category, r.diagnosis.certainty, r.diagnosis.eanoType, r.diagnosis.position, r.treatment.position,
    r.recommendations.map((x) => `${x.rule}:${x.kind}`).sort(), r.missing.map((m) => m.fact).sort()]);
}

beforeAll(async () => {
  const base = exportBuilt();
  const declarations = revise(base.declarations as unknown as Decl);
  const head = { ...base, contentHash: contentHash(declarations), declarations };
  writeFileSync(files.base, JSON.stringify(base));
  writeFileSync(files.head, JSON.stringify(head));
  const tampered = JSON.parse(JSON.stringify(head)) as Json;
  tampered.declarations.rules.find((r: Json) => r.id === RULE).text.nl = 'Stilletjes veranderd.';
  writeFileSync(files.tampered, JSON.stringify(tampered));
  const unboundDecl = JSON.parse(JSON.stringify(declarations)) as Json;
  const perf70 = unboundDecl.predicates.perf70;
  expect(perf70.test.$fn).toContain('f.perf70');
  perf70.test = { $fn: perf70.test.$fn.replace('f.perf70', 'f.perf70 === true') };
  writeFileSync(files.unbound, JSON.stringify({ ...head, contentHash: contentHash(unboundDecl), declarations: unboundDecl }));
  // The KPS threshold changed only in performance() (facts.ts, a helper of derive): every declaration as in the base.
  const facts = readFileSync(join(ROOT, CODE_EDIT.file), 'utf8');
  const codeDecl = { ...base.declarations, code: { ...base.declarations.code, ...codeDigest([[CODE_EDIT.file, facts.replace(CODE_EDIT.from, CODE_EDIT.to)]]) } };
  writeFileSync(files.code, JSON.stringify({ ...base, contentHash: contentHash(codeDecl), declarations: codeDecl }));

  // Cases: the example folder (three cases, two CDS Hooks requests), a file that is no case, a README; three vignette
  // files; an NDJSON cohort with a broken line.
  mkdirSync(casesDir);
  cpSync(join(ROOT, 'docs/examples'), join(casesDir, 'examples'), { recursive: true });
  writeFileSync(join(casesDir, 'notes.json'), '{"hello":1}');
  writeFileSync(join(casesDir, 'README.md'), '# not a case');
  const lines = ['{"primaryTumour":"breast","symptoms":["headache"],"mri":{"done":true,"regions":["brain"],"findings":["linear-sulcal"]},"knownCancer":true,'
    + '"performance":{"kps":50},"systemicDisease":{"status":"controlled"}}', '{not json'];
  writeFileSync(cohort, `${lines.join('\n')}\n`);

  // Expected, in Node: the fixture revision applied to the model itself, each case under both.
  const headEval = evaluatorFor(revise(MODEL as unknown as Decl) as unknown as typeof MODEL, 'fixture');
  const load = { cases: [], problems: [] } as ReturnType<typeof casesFromText>;
  // The order the page reads them in: by file name.
  for (const f of [...chosenFiles()].sort((a, b) => basename(a).localeCompare(basename(b)))) casesFromText(basename(f), readFileSync(f, 'utf8'), load);
  const today = localToday();
  const category = new Map<string, [unknown, unknown]>();
  const names = load.cases.filter((c) => {
    const opts = { asOf: c.asOf ?? today };
    const a = evaluate(c.case as Case, opts);
    const b = headEval(c.case as Case, opts);
    if (a.category !== b.category) category.set(c.name, [a.category, b.category]);
    return signature(a) !== signature(b);
  }).map((c) => c.name);
  expected = { names, total: load.cases.length, category };

  ({ server, url } = await serveStatic());
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  context.on('request', (r) => requests.push(r));
  page = await context.newPage();
  csp = await watchCsp(page);
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function seriousViolations(p: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function openRevision(p: Page, head = files.head): Promise<void> {
  await p.goto(url);
  await p.locator('[data-view="revision"]').click();
  await p.locator('[data-testid="revision"]').waitFor();
  await p.locator('input[data-action="knowledge-base"]').setInputFiles(files.base);
  await p.locator('input[data-action="knowledge-head"]').setInputFiles(head);
}

const EXAMPLES = ['1-breast-her2-confirmed.json', '2-nsclc-egfr-poor-performance.json', '3-melanoma-suspected-negative-lp.json', 'cds-order-sign.json', 'cds-patient-view.json'];
/** The plain-file pick: the examples (two of them CDS Hooks requests, mapped), three vignette files and the cohort. */
function chosenFiles(): string[] {
  return [...EXAMPLES.map((f) => join(casesDir, 'examples', f)), ...VIGNETTE_FILES.map((f) => join(ROOT, 'test/vignettes', f)), cohort];
}

async function loadCases(p: Page): Promise<void> {
  // A folder pick (sub-folders included, named by their path; CDS requests mapped; other files skipped, counted) …
  await p.locator('input[data-action="cases-folder"]').setInputFiles(casesDir);
  await p.locator('[data-testid="cases-loaded"][data-n="5"]').waitFor();
  await expect(p.locator('[data-testid="cases-loaded"]').textContent()).resolves.toContain('1 andere bestanden overgeslagen');
  await expect(p.locator('[data-testid="case-problems"]').textContent()).resolves.toContain('cases/notes.json: geen geldige casus — hello: onbekend veld');
  // … and a pick of plain files, which replaces it.
  await p.locator('input[data-action="cases-files"]').setInputFiles(chosenFiles());
  await p.locator(`[data-testid="cases-loaded"][data-n="${expected.total}"]`).waitFor();
}

describe('revision page', () => {
  it('lists exactly the changed declarations, with word diffs, in Dutch', async () => {
    await openRevision(page);
    await page.locator('[data-testid="rev-diff"]').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    await expect(page.locator('#rev-diff-h').textContent()).resolves.toBe('Wijzigingen in de kennis');
    const changes = await page.locator('li.rev-change').evaluateAll((els) => els.map((e) => {
      const d = (e as HTMLElement).dataset;
      return `${d.change}:${d.part}:${d.id}`;
    }));
    expect(changes.sort()).toEqual([`changed:node:${NODE.chart}/${NODE.node}`, `changed:rule:${RULE}`, `changed:table-row:${ROW.table}/${ROW.row}`]);
    const rule = page.locator(`li.rev-change[data-id="${RULE}"]`);
    await expect(rule.locator('[data-field="text.nl"] ins').textContent()).resolves.toBe('Herzien door de commissie.');
    await expect(rule.locator('[data-field="text.en"] ins').textContent()).resolves.toBe('Revised by the committee.');
    await expect(page.locator(`li.rev-change[data-id="${ROW.table}/${ROW.row}"] [data-field="when"] del`).textContent()).resolves.toBe('progressiveNoOptions');
    await expect(rule.textContent()).resolves.toContain('TX-CATEGORY-1');
  });

  it('shows the impact table: the cases the changed row flips, grouped under it, with counts', async () => {
    expect(expected.names.length, 'the fixture must flip some cases').toBeGreaterThan(0);
    await loadCases(page);
    await expect(page.locator('[data-testid="cases-loaded"]').textContent()).resolves.toContain(`${expected.total} casussen uit 9 bestanden`);
    const report = page.locator('[data-testid="rev-impact-report"]');
    await report.waitFor({ timeout: 30_000 });
    expect(Number(await report.getAttribute('data-cases'))).toBe(expected.total);
    expect(Number(await report.getAttribute('data-changed'))).toBe(expected.names.length);
    // Every case the row flips is listed under it; the rule whose text changed may share a case whose undecided
    // category it also left pending; the node whose label changed decides nothing new.
    const groups = await page.locator('section.rev-group').evaluateAll((els) => els.map((e) => ({
      change: (e as HTMLElement).dataset.change!, count: Number((e as HTMLElement).dataset.count),
      names: [...e.querySelectorAll<HTMLElement>('tbody tr')].map((tr) => tr.dataset.case!),
    })));
    const row = groups.find((g) => g.change === `table-row:${ROW.table}/${ROW.row}`);
    expect(row).toEqual({ change: `table-row:${ROW.table}/${ROW.row}`, count: expected.names.length, names: expected.names });
    for (const g of groups) {
      expect([`table-row:${ROW.table}/${ROW.row}`, `rule:${RULE}`]).toContain(g.change);
      expect(g.names.every((n) => expected.names.includes(n)), g.change).toBe(true);
      expect(g.names.length).toBe(g.count);
    }
    const [name, [before, after]] = [...expected.category][0]!;
    await expect(page.locator(`tr[data-case="${name}"] [data-headline="category"]`).textContent()).resolves.toBe(`${String(before ?? '—')} → ${String(after ?? '—')}`);
    // Files that are no cases are named, not silently dropped.
    await expect(page.locator('[data-testid="case-problems"]').textContent()).resolves.toMatch(/^Niet ingelezen \(1\)cohort\.ndjson, regel 2: geen geldige JSON/);
  });

  it('marks the changed node in both flowcharts, and only that node', async () => {
    const marked = await page.locator('.rev-svg g[class*="rev-"]').evaluateAll((els) => els.map((e) => {
      const side = e.closest<HTMLElement>('[data-side]')!.dataset.side;
      const chart = e.closest<HTMLElement>('[data-chart]')!.dataset.chart;
      return `${side}:${chart}:${e.getAttribute('data-node') ?? e.getAttribute('data-edge')}:${e.getAttribute('class')}`;
    }));
    expect(marked.sort()).toEqual([`base:${NODE.chart}:${NODE.node}:node decision rev-changed`, `head:${NODE.chart}:${NODE.node}:node decision rev-changed`]);
    const stroke = await page.locator(`[data-side="head"] g[data-node="${NODE.node}"] > polygon`).evaluate((e) => getComputedStyle(e).strokeWidth);
    expect(stroke).toBe('5px');
    await expect(page.locator(`[data-chart="${NODE.chart}"] [data-testid="changed-nodes"]`).textContent()).resolves.toContain('Prestatie: KPS ≥ 70');
  });

  it('is in English after one click, and axe finds nothing serious', async () => {
    await page.locator('[data-action="lang"]').click();
    await expect(page.locator('#rev-diff-h').textContent()).resolves.toBe('Changes to the knowledge');
    await expect(page.locator('[data-testid="rev-impact-summary"]').textContent()).resolves.toBe(`${expected.names.length} of ${expected.total} cases get different advice.`);
    await expect(page.locator(`[data-chart="${NODE.chart}"] [data-testid="changed-nodes"]`).textContent()).resolves.toContain('Performance: KPS ≥ 70');
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('[data-action="lang"]').click();
    await expect(page.locator('#rev-diff-h').textContent()).resolves.toBe('Wijzigingen in de kennis');
  });

  it('refuses a tampered knowledge file, naming it and the hash', async () => {
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    await page.locator('input[data-action="knowledge-head"]').setInputFiles(files.tampered);
    const err = page.locator('[data-side="head"] [data-testid="knowledge-error"]');
    await err.waitFor();
    const text = await err.textContent();
    expect(text).toContain('tampered.json');
    expect(text).toContain('Kennisbestand geweigerd');
    expect(text).toContain('inhoudshash');
    expect(await page.locator('[data-testid="rev-diff"]').count()).toBe(0);
  });

  it('runs no function that differs from the app: names it, diffs, and offers no impact', async () => {
    await page.locator('input[data-action="knowledge-head"]').setInputFiles(files.unbound);
    const unbound = page.locator('[data-testid="knowledge-unbound"]');
    await unbound.waitFor();
    expect(await unbound.count()).toBe(1);
    await expect(unbound.textContent()).resolves.toMatch(/^unbound\.json: deze functies .*: predicate:perf70 \(1\)\..*leptoguide impact/);
    await expect(page.locator('[data-testid="rev-impact"]').getAttribute('data-state')).resolves.toBe('unavailable');
    await expect(page.locator('li.rev-change[data-part="predicate"][data-id="perf70"] [data-field="test"] ins').textContent()).resolves.toContain('=== true');
  });

  it('binds nothing of a file whose code modules differ from the app’s: names the module, diffs it, offers no impact', async () => {
    await page.locator('input[data-action="knowledge-head"]').setInputFiles(files.code);
    const code = page.locator('[data-side="head"] [data-testid="knowledge-code"]');
    await code.waitFor();
    await expect(code.textContent()).resolves.toMatch(/^code\.json: de code van dit bestand verschilt .*: src\/guideline\/facts\.ts\..*leptoguide impact/);
    expect(await page.locator('[data-side="head"] [data-testid="knowledge-unbound"]').count()).toBe(0);
    await expect(page.locator('[data-testid="rev-impact"]').getAttribute('data-state')).resolves.toBe('unavailable');
    expect(await page.locator('li.rev-change').count()).toBe(1);
    await expect(page.locator('li.rev-change[data-part="code"][data-id="src/guideline/facts.ts"]').textContent()).resolves
      .toContain('het effect blijkt alleen uit de gevolgen voor casussen');
  });

  it('takes this app\'s own knowledge as the base without a file: the same diff and impact as the exported file', async () => {
    await page.locator('input[data-action="knowledge-head"]').setInputFiles(files.head);
    await page.locator('[data-action="knowledge-bundled"]').click();
    await expect(page.locator('[data-side="base"] [data-testid="knowledge-ok"]').textContent()).resolves.toContain(`inhoudshash ${CONTENT_HASH}`);
    expect(JSON.parse(readFileSync(files.base, 'utf8')).contentHash).toBe(CONTENT_HASH);
    expect(await page.locator('li.rev-change').count()).toBe(3);
    const report = page.locator('[data-testid="rev-impact-report"]');
    await report.waitFor({ timeout: 30_000 });
    expect(Number(await report.getAttribute('data-changed'))).toBe(expected.names.length);
  });

  it('fits a 375 px phone (no sideways scrolling of the page), axe clean', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 375, height: 800 });
    await openRevision(phone);
    await loadCases(phone);
    await phone.locator('[data-testid="rev-impact-report"]').waitFor({ timeout: 30_000 });
    expect(await phone.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.close();
  });

  it('sent nothing off 127.0.0.1, and nothing but GETs of the app; no CSP violation or script error', async () => {
    expect(csp).toEqual([]);
    expect(problems).toEqual([]);
    const off = requests.filter((r) => !/^(blob|data):/.test(r.url()) && (new URL(r.url()).hostname !== '127.0.0.1' || r.method() !== 'GET'));
    expect(off.map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
    const paths = requests.map((r) => new URL(r.url()).pathname);
    expect(paths.every((p) => p === '/' || p.startsWith('/assets/'))).toBe(true);
  });
});
