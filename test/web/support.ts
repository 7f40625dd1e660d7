/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Browser test support: the shared static server and Chromium (bench/browser.ts), and a
// driver that enters a case through the form as a user would (clicking, selecting, typing).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Case } from '../../src/index.js';

export { CHROMIUM_ARGS, launch, serveStatic, WEB_DIR } from '../../bench/browser.js';

/** Local date as the app computes it (its evaluation date when the case names none). */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const FIRST = ['primaryTumour', 'done', 'status'];
function ordered(o: object): [string, unknown][] {
  const entries = Object.entries(o);
  return [...entries.filter(([k]) => FIRST.includes(k)), ...entries.filter(([k]) => !FIRST.includes(k))];
}

/** Case keys in form order. */
const FORM_ORDER = [
  'primaryTumour', 'markers', 'knownCancer', 'assessmentDate', 'symptoms', 'symptomsExplainedByBrainMetastases', 'highClinicalSuspicion',
  'mri', 'lumbarPunctures', 'leptomeningealBiopsy', 'performance', 'severeEncephalopathy', 'severeNeurologicalDeficit',
  'systemicDisease', 'resistanceToTherapy', 'therapies', 'raisedIcpSigns', 'symptomaticLocations',
];

export async function setField(page: Page, path: string, value: unknown): Promise<void> {
  const field = page.locator(`[data-field="${path}"]`);
  await field.waitFor({ state: 'visible', timeout: 3000 });
  const kind = await field.getAttribute('data-kind');
  switch (kind) {
    case 'tri':
      await field.locator(`input[value="${value === true ? 'yes' : value === false ? 'no' : 'unknown'}"]`).check();
      return;
    case 'choice':
      await field.locator('select').selectOption(String(value));
      return;
    case 'multi': {
      const list = value as string[];
      if (!list.length) await field.locator('input[value="none"]').check();
      for (const v of list) await field.locator(`input[value="${v}"]`).check();
      return;
    }
    case 'num':
    case 'date': {
      const input = field.locator('input');
      await input.fill('');
      if (kind === 'date') await input.fill(String(value));
      else await input.pressSequentially(String(value));
      return;
    }
    default:
      throw new Error(`no form control for ${path} (kind ${kind})`);
  }
}

async function setLeaves(page: Page, value: unknown, path: string): Promise<void> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of ordered(value)) await setLeaves(page, v, `${path}.${k}`);
    return;
  }
  await setField(page, path, value);
}

/** Enters a case into an empty form, field by field, in the form's order. */
export async function enterCase(page: Page, c: Case): Promise<void> {
  const entries = Object.entries(c).sort(([a], [b]) => FORM_ORDER.indexOf(a) - FORM_ORDER.indexOf(b));
  for (const [key, value] of entries) {
    if (key === 'lumbarPunctures') {
      const lps = value as object[];
      if (!lps.length) await page.locator('[data-field="lumbarPunctures"] input[value="none"]').check();
      for (const [i, lp] of lps.entries()) {
        await page.locator('[data-action="add-lp"]').click();
        for (const [k, v] of ordered(lp)) await setLeaves(page, v, `lumbarPunctures[${i}].${k}`);
      }
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of ordered(value)) await setLeaves(page, v, `${key}.${k}`);
    } else {
      await setField(page, key, value);
    }
  }
}

export interface Shown { ids: string[]; rules: string[]; scope: string; certainty: string; eano: string; category: string; missing: string[] }

export async function shownResult(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const r = document.querySelector<HTMLElement>('[data-testid="result"]')!;
    return {
      ids: (r.dataset.ids ?? '').split(' ').filter(Boolean),
      rules: [...r.querySelectorAll<HTMLElement>('li.rec')].map((li) => li.dataset.rule ?? ''),
      scope: r.dataset.scope ?? '',
      certainty: r.dataset.certainty ?? '',
      eano: r.dataset.eano ?? '',
      category: r.dataset.category ?? '',
      missing: [...r.querySelectorAll<HTMLElement>('[data-testid="missing"] li')].map((li) => li.dataset.fields ?? ''),
    };
  });
}

/** Starts from an empty form in Dutch on the case view. */
export async function freshCase(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('[data-testid="result"]').waitFor();
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}
