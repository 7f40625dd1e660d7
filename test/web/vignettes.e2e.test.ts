// Vignettes from the core's test set entered through the UI must show the same advice and IDs as the library,
// and, at 1366×900 and 375×800, the answer card (diagnosis, category, first plan line) in view without scrolling
// after the last input, with no Content-Security-Policy violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { answerOf, evaluate } from '../../src/index.js';
import { loadVignettes } from '../support/vignettes.js';
import { answerShown, enterCase, freshCase, launch, localToday, serveStatic, shownResult, watchCsp } from './support.js';

const PICKED = [
  'breast-her2-positive-kps80-linear-wbrt',
  'melanoma-braf-mutant-kps50-exception',
  'nsclc-no-driver-kps50-bsc',
  'sclc-kps80-linear-chemo-plus-wbrt',
  'scope-primary-brain-out-of-scope',
  'input-missing-kps-and-braf',
  'csf-second-lp-positive-confirmed',
  'csf-germ-cell-confirmed-markers-missing',
  'nsclc-egfr-kps60-exception-raised-icp',
  'input-error-kps50-with-full-adl-independence',
];
const ALL = process.env.LEPTOGUIDE_E2E_ALL === '1';
const KINDS = ['do', 'consider', 'avoid', 'inform'];

let server: Server;
let url: string;
let browser: Browser;
let page: Page;
let phone: Page;
let csp: string[];
let phoneCsp: string[];

beforeAll(async () => {
  ({ server, url } = await serveStatic());
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  phone = await browser.newPage({ viewport: { width: 375, height: 800 } });
  csp = await watchCsp(page);
  phoneCsp = await watchCsp(phone);
});

async function answerInView(p: Page, v: { case: Parameters<typeof evaluate>[0] }): Promise<void> {
  const a = answerOf(evaluate(v.case, { asOf: localToday() }));
  const shown = await answerShown(p);
  expect(shown.diagnosis).toContain(a.diagnosis.nl);
  expect(shown.category).toContain(a.category.nl);
  expect(shown.plan).toContain(a.planLines[0]!.nl);
  expect(shown.inView).toEqual(['answer-diagnosis', 'answer-category', 'answer-plan']);
}
afterAll(async () => {
  await browser?.close();
  server?.close();
});

const vignettes = loadVignettes().filter((v) => ALL || PICKED.includes(v.id));

describe('vignettes entered through the UI', () => {
  it('picks every named vignette', () => {
    expect(vignettes.map((v) => v.id).sort()).toEqual(ALL ? vignettes.map((v) => v.id).sort() : [...PICKED].sort());
  });

  for (const v of vignettes) {
    it(v.id, async () => {
      await freshCase(page, url);
      await enterCase(page, v.case);
      const lib = evaluate(v.case, { asOf: localToday() });
      const shown = await shownResult(page);
      expect(shown.ids).toEqual([...lib.ids]);
      expect(shown.rules).toEqual(KINDS.flatMap((k) => lib.recommendations.filter((i) => i.kind === k).map((i) => i.rule)));
      expect(shown.scope).toBe(lib.scope);
      expect(shown.certainty).toBe(lib.diagnosis.certainty ?? '');
      expect(shown.eano).toBe(lib.diagnosis.eanoType ?? '');
      expect(shown.category).toBe(lib.category === null ? '' : String(lib.category));
      expect(shown.missing).toEqual(lib.missing.map((m) => m.fields.join(' ')));
      for (const e of lib.errors) {
        for (const f of e.fields) {
          await expect(page.locator(`[data-field="${f}"] .field-error`).first().textContent()).resolves.toContain(e.message.nl);
        }
      }
      await answerInView(page, v);
      expect(csp).toEqual([]);
    });
  }
});

describe('the answer in view on a phone (375×800) after the last input', () => {
  for (const v of vignettes.filter((x) => ALL ? PICKED.includes(x.id) : true)) {
    it(v.id, async () => {
      await freshCase(phone, url);
      await enterCase(phone, v.case);
      await answerInView(phone, v);
      expect((await shownResult(phone)).ids).toEqual([...evaluate(v.case, { asOf: localToday() }).ids]);
      expect(phoneCsp).toEqual([]);
    });
  }
});
