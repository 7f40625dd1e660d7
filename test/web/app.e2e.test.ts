/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The app in Chromium: language, print, copy, save/open, flowchart path, keyboard-only entry, phone width, axe.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { answerOf, evaluate, parseCase, renderNote, renderReport, type Case } from '../../src/index.js';
import { answerShown, freshCase, launch, localToday, serveStatic, shownResult, watchCsp } from './support.js';

const EXAMPLE = join(import.meta.dirname, '../../docs/examples/1-breast-her2-confirmed.json');
const exampleCase = (): Case => {
  const p = parseCase(JSON.parse(readFileSync(EXAMPLE, 'utf8')));
  if (!p.ok) throw new Error('example invalid');
  return p.case;
};

let server: Server;
let url: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ server, url } = await serveStatic());
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url.slice(0, -1) });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function openExample(p: Page = page): Promise<void> {
  await freshCase(p, url);
  await p.locator('input[data-action="open-file"]').setInputFiles(EXAMPLE);
  await p.locator('[data-testid="result"][data-category="1"]').waitFor();
}

async function seriousViolations(p: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

function pdfPages(pdf: Buffer): number {
  const counts = [...pdf.toString('latin1').matchAll(/\/Count (\d+)/g)].map((m) => Number(m[1]));
  return Math.max(0, ...counts);
}

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(p: Page, selector: string, max = 250): Promise<void> {
  for (let i = 0; i < max; i++) {
    await p.keyboard.press('Tab');
    if (await p.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`could not reach ${selector} with Tab`);
}

describe('web app', () => {
  it('opens a case file and shows the library result', async () => {
    await openExample();
    const lib = evaluate(exampleCase(), { asOf: localToday() });
    expect((await shownResult(page)).ids).toEqual([...lib.ids]);
    await expect(page.locator('[data-testid="notice"]').textContent()).resolves.toContain('Casus geopend');
  });

  it('saves the case as a JSON file on the user\'s device', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="save"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^leptoguide-case-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
    const saved = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(saved).toEqual(exampleCase());
  });

  it('switches language with one click, texts from the core in English', async () => {
    await page.locator('[data-action="lang"]').click();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('#result-h').textContent()).resolves.toBe('Advice');
    const lib = evaluate(exampleCase(), { asOf: localToday() });
    const first = lib.recommendations.find((i) => i.kind === 'do')!;
    await expect(page.locator(`li.rec[data-rule="${first.rule}"] .rec-text`).textContent()).resolves.toBe(first.text.en);
    await page.locator('[data-action="lang"]').click();
    await expect(page.locator('#result-h').textContent()).resolves.toBe('Advies');
  });

  it('copies the report as text in the chosen language', async () => {
    await openExample();
    await page.locator('[data-action="copy"]').click();
    await page.locator('[data-testid="notice"]', { hasText: 'Gekopieerd' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const lib = evaluate(exampleCase(), { asOf: localToday() });
    const report = renderReport(lib, 'nl', 'text');
    const text = copied;
    const at = [...report].findIndex((ch, i) => text[i] !== ch);
    expect(at === -1 ? '' : `${report.slice(at - 40, at + 40)} <> ${text.slice(at - 40, at + 40)}`).toBe('');
    expect(text).toContain('INVOER');
  });

  it('copies a short EHR note: ≤ 1,200 characters, date, diagnosis, category, plan, not to do, version and hash', async () => {
    await openExample();
    await page.locator('[data-action="copy-note"]').click();
    await page.locator('[data-testid="notice"]', { hasText: 'notitie' }).waitFor();
    const note = await page.evaluate(() => navigator.clipboard.readText());
    const lib = evaluate(exampleCase(), { asOf: localToday() });
    expect(note).toBe(renderNote(lib, 'nl', lib.asOf!));
    expect(note.length).toBeLessThanOrEqual(1200);
    const a = answerOf(lib);
    for (const part of [lib.asOf!, a.diagnosis.nl, a.category.nl, a.planLines[0]!.nl, lib.guideline.version, lib.guideline.contentHash]) expect(note).toContain(part);
    expect(note).toContain('Niet doen: intrathecale chemotherapie');
  });

  it('prints a one-page summary: date, inputs, advice, IDs, version', async () => {
    await page.emulateMedia({ media: 'print' });
    onTestFinished(() => page.emulateMedia({ media: 'screen' }));
    expect(await page.locator('.case-form').isVisible()).toBe(false);
    expect(await page.locator('.toolbar').isVisible()).toBe(false);
    await expect(page.locator('.print-date').textContent()).resolves.toContain(localToday());
    await expect(page.locator('[data-testid="inputs"]').textContent()).resolves.toContain('HER2');
    await expect(page.locator('[data-testid="result"]').textContent()).resolves.toContain('TX-MDO');
    await expect(page.locator('[data-testid="version"]').textContent()).resolves.toContain('2022-09');
    // The answer heads the printed page, and the inputs read "label: value".
    const top = await page.evaluate(() => [document.querySelector('[data-testid="answer"]')!.getBoundingClientRect().top,
      document.querySelector('[data-testid="result"]')!.getBoundingClientRect().top]);
    expect(top[0]).toBeLessThan(top[1]!);
    expect(await page.locator('[data-testid="answer-plan"]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="inputs"] dt').first().evaluate((dt) => getComputedStyle(dt, '::after').content)).toBe('": "');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdfPages(pdf)).toBe(1);
  });

  it('highlights the patient\'s path in both flowcharts and explains a node', async () => {
    await page.locator('[data-view="flowcharts"]').click();
    const lib = evaluate(exampleCase(), { asOf: localToday() });
    for (const chart of lib.trace.flowcharts) {
      const visited = await page.locator(`[data-chart="${chart.chart}"] g.visited`).evaluateAll((gs) => gs.map((g) => g.getAttribute('data-node')));
      expect(visited.sort()).toEqual(chart.path.map((v) => v.node).filter((n) => n !== chart.stoppedAt).sort());
    }
    const decision = lib.trace.flowcharts[1]!.path.find((v) => v.kind === 'decision')!;
    await page.locator(`[data-chart="treatment"] g[data-node="${decision.node}"]`).focus();
    await page.keyboard.press('Enter');
    const panel = page.locator('[data-chart="treatment"] [data-testid="node-panel"]');
    await expect(panel.getAttribute('data-node')).resolves.toBe(decision.node);
    await expect(panel.textContent()).resolves.toContain('Antwoord');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the decision tables with the deciding row marked', async () => {
    await page.locator('[data-view="tables"]').click();
    const lib = evaluate(exampleCase(), { asOf: localToday() });
    const cat = lib.trace.tables.find((t) => t.table === 'table.category')!;
    expect(await page.locator('table[data-table="table.category"] tr.decided').getAttribute('data-row')).toBe(cat.row);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('has no serious or critical axe violations on the case view (empty, filled, invalid, English)', async () => {
    await freshCase(page, url);
    expect(await seriousViolations(page)).toEqual([]);
    await openExample();
    await page.locator('li.rec details').first().evaluate((d) => { (d as HTMLDetailsElement).open = true; });
    await page.locator('[data-field="performance.adlIndependent"] input[value="no"]').check();
    await page.locator('[data-field="performance.ecog"] select').selectOption('3');
    await page.locator('[data-field="performance.adlIndependent"] .field-error').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('[data-action="lang"]').click();
    await expect(page.locator('[data-field="performance.adlIndependent"] .field-error').textContent()).resolves.toMatch(/[a-z]/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows invalid input inline at the field in the chosen language', async () => {
    await freshCase(page, url);
    await page.locator('[data-field="primaryTumour"] select').selectOption('nsclc');
    await page.locator('[data-field="markers.pdl1Tps"] input').pressSequentially('150');
    const err = page.locator('[data-field="markers.pdl1Tps"] .field-error');
    await err.waitFor();
    const nl = await err.textContent();
    await page.locator('[data-action="lang"]').click();
    const en = await err.textContent();
    expect(nl).not.toBe(en);
    expect(await page.locator('[data-field="markers.pdl1Tps"] input').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows a contradiction from an opened file at its fields, even answers that would otherwise be hidden', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lg-')), 'contradiction.json');
    writeFileSync(file, JSON.stringify({ primaryTumour: 'melanoma', mri: { done: false, findings: ['linear-sulcal'] } }));
    await freshCase(page, url);
    await page.locator('input[data-action="open-file"]').setInputFiles(file);
    await page.locator('[data-field="mri.findings"] .field-error').waitFor();
    await page.locator('[data-field="mri.done"] .field-error').waitFor();
    const issues = await page.locator('[data-testid="issues"]').textContent();
    expect(issues).toContain('MRI met gadolinium verricht?');
    expect(issues).not.toContain('mri.done');
  });

  it('shows the guideline version and, from 2027, the revision warning', async () => {
    await freshCase(page, url);
    await expect(page.locator('[data-testid="version"]').textContent()).resolves.toContain('2022-09');
    expect(await page.locator('[data-testid="revision"]').count()).toBe(0);
    await page.locator('[data-field="assessmentDate"] input').fill('2027-01-02');
    await page.locator('[data-testid="revision"]').waitFor();
  });

  it('the empty form does not claim "no suspicion"; the answer asks what is needed', async () => {
    await freshCase(page, url);
    const shown = await answerShown(page);
    expect(shown.diagnosis).not.toMatch(/Geen verdenking/i);
    expect(shown.diagnosis).toContain('nog niet te beoordelen');
    expect(await page.locator('[data-testid="missing"] li').count()).toBeGreaterThan(0);
  });

  it('asks only what applies: CTC for breast cancer only, "threatening" only for progressive disease with options, a named tumour is diagnosed', async () => {
    await freshCase(page, url);
    const field = (f: string) => page.locator(`[data-field="${f}"]`);
    await field('primaryTumour').locator('select').selectOption('nsclc');
    expect(await field('knownCancer').locator('input[value="yes"]').isChecked()).toBe(true);
    expect(await field('knownCancer').locator('input[value="unknown"]').count()).toBe(0);
    await page.locator('[data-action="add-lp"]').click();
    await field('lumbarPunctures[0].cytology').waitFor();
    expect(await field('lumbarPunctures[0].ctc').count()).toBe(0);
    await field('primaryTumour').locator('select').selectOption('breast');
    await field('lumbarPunctures[0].ctc').waitFor();
    expect(await field('systemicDisease.threatening').count()).toBe(0);
    await field('systemicDisease.status').locator('select').selectOption('controlled');
    expect(await field('systemicDisease.threatening').count()).toBe(0);
    await field('systemicDisease.status').locator('select').selectOption('progressive-with-options');
    await field('systemicDisease.threatening').waitFor();
    await field('primaryTumour').locator('select').selectOption('primary-brain');
    expect(await field('knownCancer').count()).toBe(0);
  });

  it('no lost work: confirms before clearing a changed case and before leaving with unsaved changes', async () => {
    const p = await context.newPage();
    await p.goto(url);
    await p.locator('[data-field="primaryTumour"] select').selectOption('melanoma');
    const dialogs: string[] = [];
    p.once('dialog', (d) => { dialogs.push(d.type()); void d.dismiss(); });
    await p.locator('[data-action="new"]').click();
    await expect.poll(() => dialogs).toEqual(['confirm']);
    expect(await p.locator('[data-field="primaryTumour"] select').inputValue()).toBe('melanoma');
    p.once('dialog', (d) => { dialogs.push(d.type()); void d.accept(); });
    await p.locator('[data-action="new"]').click();
    await expect.poll(() => p.locator('[data-field="primaryTumour"] select').inputValue()).toBe('');
    await p.locator('[data-field="primaryTumour"] select').selectOption('breast');
    p.once('dialog', (d) => { dialogs.push(d.type()); void d.accept(); });
    await p.goto(url);
    expect(dialogs).toEqual(['confirm', 'confirm', 'beforeunload']);
    // An unchanged case is cleared without a question.
    await p.locator('[data-action="new"]').click();
    expect(dialogs).toHaveLength(3);
    await p.close();
  });

  it('stores no patient data in the browser; only the language choice is remembered', async () => {
    const p = await context.newPage();
    await p.goto(url);
    await p.locator('[data-action="lang"]').click();
    await p.locator('[data-field="primaryTumour"] select').selectOption('melanoma');
    await p.locator('[data-field="performance.kps"] select').selectOption('60');
    const stored = await p.evaluate(() => ({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }));
    expect(stored).toEqual({ local: { 'leptoguide.lang': 'en' }, session: {}, cookie: '' });
    p.on('dialog', (d) => void d.accept());
    await p.reload();
    await expect(p.locator('html').getAttribute('lang')).resolves.toBe('en');
    expect(await p.locator('[data-field="primaryTumour"] select').inputValue()).toBe('');
    await p.locator('[data-action="lang"]').click();
    expect(await p.evaluate(() => ({ ...localStorage }))).toEqual({});
    await p.close();
  });

  it('the skip link lands on a real target on every view, and no view violates the CSP', async () => {
    const p = await context.newPage();
    const csp = await watchCsp(p);
    await p.goto(url);
    for (const v of ['case', 'flowcharts', 'tables']) {
      await p.locator(`[data-view="${v}"]`).click();
      const href = await p.locator('a.skip').getAttribute('href');
      expect(await p.locator(href!).count(), v).toBe(1);
      await p.locator('a.skip').focus();
      await p.keyboard.press('Enter');
      await expect.poll(() => p.evaluate(() => `#${document.activeElement?.id ?? ''}`), { message: v }).toBe(href);
    }
    expect(csp).toEqual([]);
    await p.close();
  });

  it('"needed to decide" links jump to their field', async () => {
    await freshCase(page, url);
    await page.locator('[data-testid="missing"] a').first().click();
    const first = await page.locator('[data-testid="missing"] li').first().getAttribute('data-fields');
    const focused = await page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field'));
    expect(first?.split(' ')).toContain(focused);
  });

  it('can be completed with the keyboard only', async () => {
    await freshCase(page, url);
    await tabTo(page, '[data-field="primaryTumour"] select');
    await page.keyboard.type('Melanoom');
    await tabTo(page, '[data-field="markers.brafV600"] select');
    await page.keyboard.type('gem');
    await tabTo(page, '[data-field="symptoms"] input[value="headache"]');
    await page.keyboard.press('Space');
    await tabTo(page, '[data-field="mri.done"] input');
    await page.keyboard.press('ArrowRight'); // unknown → yes (wraps)
    await tabTo(page, '[data-field="mri.findings"] input[value="linear-sulcal"]');
    await page.keyboard.press('Space');
    await tabTo(page, '[data-action="add-lp"]');
    await page.keyboard.press('Enter');
    await page.locator('[data-field="lumbarPunctures[0].cytology"] select').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'f-lumbarPunctures-0-cytology');
    await page.keyboard.type('pos');
    await tabTo(page, '[data-field="performance.kps"] select');
    await page.keyboard.type('9');
    const want: Case = {
      primaryTumour: 'melanoma', markers: { brafV600: 'mutant' }, symptoms: ['headache'],
      mri: { done: true, findings: ['linear-sulcal'] }, lumbarPunctures: [{ cytology: 'positive' }], performance: { kps: 90 },
    };
    const lib = evaluate(want, { asOf: localToday() });
    const shown = await shownResult(page);
    expect(shown.ids).toEqual([...lib.ids]);
    expect(shown.certainty).toBe('confirmed');
  });
});

describe('phone (375 px)', () => {
  it('is readable without horizontal scrolling on every view, with no serious axe violations', async () => {
    const phoneContext = await browser.newContext({ viewport: { width: 375, height: 812 } });
    const phone = await phoneContext.newPage();
    await openExample(phone);
    // One compact toolbar row; the actions behind one menu button.
    const bar = await phone.locator('.bar').boundingBox();
    expect(bar!.height).toBeLessThan(60);
    expect(await phone.locator('[data-action="save"]').isVisible()).toBe(false);
    await phone.locator('[data-action="menu"]').click();
    expect(await phone.locator('[data-action="save"]').isVisible()).toBe(true);
    expect(await seriousViolations(phone), 'menu').toEqual([]);
    await phone.keyboard.press('Escape');
    // The answer card is in view, and opens in one tap.
    expect((await answerShown(phone)).inView).toEqual(['answer-diagnosis', 'answer-category', 'answer-plan']);
    await phone.locator('[data-action="answer-toggle"]').click();
    expect(await phone.locator('[data-testid="answer-avoid"]').isVisible()).toBe(true);
    expect(await seriousViolations(phone), 'answer open').toEqual([]);
    for (const v of ['case', 'flowcharts', 'tables']) {
      await phone.locator(`[data-view="${v}"]`).click();
      const width = await phone.evaluate(() => document.scrollingElement!.scrollWidth);
      expect(width, v).toBeLessThanOrEqual(375);
      expect(await seriousViolations(phone), v).toEqual([]);
    }
    // Flowcharts fit the width, and zoom inside their own box without widening the page.
    await phone.locator('[data-view="flowcharts"]').click();
    const fit = await phone.locator('[data-chart="treatment"] svg').boundingBox();
    expect(fit!.width).toBeLessThanOrEqual(375);
    await phone.locator('[data-chart="treatment"] [data-action="zoom"]').click();
    const zoomed = await phone.locator('[data-chart="treatment"] svg').boundingBox();
    expect(zoomed!.width).toBeGreaterThan(fit!.width * 1.5);
    expect(await phone.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await seriousViolations(phone), 'zoomed').toEqual([]);
    await phoneContext.close();
  });
});
