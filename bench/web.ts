// Web app measurements (not a test): re-evaluation per input change, in Node and in Chromium, and first paint on
// localhost. Writes docs/benchmarks-web.md. Run: npm run bench:web (builds first).
/// <reference lib="dom" />
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import { launch, serveStatic } from './browser.js';
import { evaluate, parseCase, type Case } from '../src/index.js';

const ROOT = join(import.meta.dirname, '../..');
const WEB = join(ROOT, 'dist/web');
const AS_OF = '2026-11-26';

/** Every vignette case, rebuilt one top-level field at a time: each step is one input change in the form. */
function inputSequences(): unknown[][] {
  const dir = join(ROOT, 'test/vignettes');
  return readdirSync(dir).filter((f) => f.endsWith('.json')).flatMap((f) => {
    const data = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { vignettes: { case: Record<string, unknown> }[] };
    return data.vignettes.map((v) => {
      const steps: unknown[] = [];
      let draft: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v.case)) {
        draft = { ...draft, [k]: x };
        steps.push(draft);
      }
      return steps;
    });
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length * 0.95)]!;
}

/** What the app does per change: validate the draft, evaluate it. */
function perChangeNode(): { changes: number; meanUs: number; p95Us: number } {
  const seqs = inputSequences();
  const once = (d: unknown): void => {
    const p = parseCase(d);
    if (p.ok) evaluate(p.case as Case, { asOf: AS_OF });
  };
  for (let i = 0; i < 3; i++) seqs.flat().forEach(once);
  const times: number[] = [];
  for (let pass = 0; pass < 20; pass++) {
    for (const d of seqs.flat()) {
      const t0 = performance.now();
      once(d);
      times.push(performance.now() - t0);
    }
  }
  return { changes: times.length, meanUs: (1000 * times.reduce((a, b) => a + b, 0)) / times.length, p95Us: 1000 * p95(times) };
}

async function browserRuns(url: string): Promise<{ fcp: number[]; ready: number[]; renderMs: number[]; version: string }> {
  const browser = await launch();
  const fcp: number[] = [];
  const ready: number[] = [];
  for (let i = 0; i < 11; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('[data-testid="result"]').waitFor();
    fcp.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN));
    ready.push(await page.evaluate(() => performance.getEntriesByName('leptoguide-rendered')[0]?.startTime ?? NaN));
    await context.close();
  }
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.locator('input[data-action="open-file"]').setInputFiles(join(ROOT, 'docs/examples/1-breast-her2-confirmed.json'));
  await page.locator('[data-testid="result"][data-category="1"]').waitFor();
  // One input change = a click on a yes/no answer that changes the advice; measured until the result's DOM has changed.
  const renderMs = await page.evaluate(async () => {
    const out: number[] = [];
    const result = document.querySelector('[data-testid="result"]')!;
    for (let i = 0; i < 60; i++) {
      const radio = document.querySelector<HTMLInputElement>(`[data-field="raisedIcpSigns"] input[value="${i % 2 ? 'no' : 'yes'}"]`)!;
      const changed = new Promise<void>((ok) => {
        const mo = new MutationObserver(() => { mo.disconnect(); ok(); });
        mo.observe(result, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      const t0 = performance.now();
      radio.click();
      await changed;
      out.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 5));
    }
    return out.slice(6);
  });
  const version = browser.version();
  await browser.close();
  return { fcp, ready, renderMs, version };
}

function sizes(): { file: string; raw: number; gzip: number }[] {
  const html = readFileSync(join(WEB, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\.\/([^"]+\.(?:js|css))"/g)].map((m) => {
    const buf = readFileSync(join(WEB, m[1]!));
    return { file: m[1]!, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  });
}

const node = perChangeNode();
const srv = await serveStatic(WEB);
const br = await browserRuns(srv.url);
srv.server.close();
const files = sizes();
const kb = (n: number): string => (n / 1024).toFixed(1);
const total = files.reduce((n, f) => n + f.gzip, 0);
const md = `# Benchmarks — web app

Measured by \`npm run bench:web\` (bench/web.ts) on ${new Date().toISOString().slice(0, 10)}: ${os.cpus()[0]?.model ?? 'unknown CPU'} ×${os.cpus().length},
Node ${process.version}, Chromium ${br.version} (headless, --disable-gpu). Numbers from one run; re-run to refresh.

## Web app

| What | Target | Measured |
|---|---|---|
| Re-evaluation per input change (parseCase + evaluate, Node) | < 1 ms | mean ${(node.meanUs / 1000).toFixed(3)} ms, p95 ${(node.p95Us / 1000).toFixed(3)} ms over ${node.changes.toLocaleString('en-US')} changes |
| Input change → result re-rendered (Chromium, click to DOM updated, incl. Preact render) | — | median ${median(br.renderMs).toFixed(2)} ms, p95 ${p95(br.renderMs).toFixed(2)} ms |
| First contentful paint, localhost, fresh context (static heading in index.html) | — | median ${median(br.fcp).toFixed(0)} ms (of ${br.fcp.length} loads) |
| App rendered with a result (\`performance.mark\` after the first render) | — | median ${median(br.ready).toFixed(0)} ms |
| Initial JS + CSS, gzip (checked in CI by test/web/size.test.ts) | ≤ 100 kB | ${kb(total)} kB |

First paint shows the static heading of \`index.html\`; the app itself appears when the bundle has run (the core
compiles the model and builds its zod schemas at import) and the first render is done. These runs were
on a shared 2-vCPU machine without GPU, possibly alongside other workloads: treat the timings as indicative.

The input changes are every vignette of \`test/vignettes/\` rebuilt one top-level field at a time, 20 passes after
warm-up — what the app does on each change (validate the draft with \`parseCase\`, then \`evaluate\`).

| Initial asset | Size | gzip |
|---|---|---|
${files.map((f) => `| \`${f.file}\` | ${kb(f.raw)} kB | ${kb(f.gzip)} kB |`).join('\n')}
`;
writeFileSync(join(ROOT, 'docs/benchmarks-web.md'), md);
console.log(md);
