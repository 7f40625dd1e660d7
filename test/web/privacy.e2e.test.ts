// Privacy: while a full case is entered, every request must stay on the page's origin and carry no case data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import type { Browser, Request } from 'playwright-core';
import { loadVignettes } from '../support/vignettes.js';
import { enterCase, launch, serveStatic } from './support.js';

let server: Server;
let url: string;
let browser: Browser;

beforeAll(async () => {
  ({ server, url } = await serveStatic());
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Distinctive values typed into the form: none may appear in any request. */
function caseValues(c: unknown): string[] {
  if (Array.isArray(c)) return c.flatMap(caseValues);
  if (c && typeof c === 'object') return Object.values(c).flatMap(caseValues);
  return typeof c === 'string' || typeof c === 'number' ? [String(c)] : [];
}

describe('privacy', () => {
  it('sends nothing off the origin and no case data while a full case is entered, saved and viewed; no CSP errors', async () => {
    const v = loadVignettes().find((x) => x.id === 'csf-second-lp-positive-confirmed')!;
    const c = { ...v.case, assessmentDate: '2026-10-31', performance: { kps: 80 }, markers: v.case.markers };
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const requests: Request[] = [];
    context.on('request', (r) => requests.push(r));
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(url);
    await page.locator('[data-testid="result"]').waitFor();
    const afterLoad = requests.length;
    await enterCase(page, c);
    await page.locator('[data-field="lumbarPunctures[0].protein"] input').fill('0.87');
    await Promise.all([page.waitForEvent('download'), page.locator('[data-action="save"]').click()]);
    await page.locator('[data-view="flowcharts"]').click();
    await page.locator('[data-view="tables"]').click();
    await page.locator('[data-action="lang"]').click();
    await page.waitForTimeout(200);
    const origin = new URL(url).origin;
    const values = [...new Set([...caseValues(c), '0.87', '2026-10-31'])].filter((x) => x.length >= 2 && !/^(true|false)$/.test(x));
    const offending = requests.filter((r) => {
      if (r.url().startsWith('blob:') || r.url().startsWith('data:')) return false;
      if (new URL(r.url()).origin !== origin) return true;
      const body = r.postData() ?? '';
      const path = decodeURIComponent(new URL(r.url()).pathname + new URL(r.url()).search);
      return r.method() !== 'GET' || values.some((x) => body.includes(x) || path.includes(x));
    });
    expect(offending.map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
    expect(requests.slice(afterLoad).filter((r) => !r.url().startsWith('blob:')).map((r) => r.url())).toEqual([]);
    expect(page.url()).toBe(url);
    expect(problems, 'console errors (e.g. CSP violations)').toEqual([]);
    await context.close();
  });
});
