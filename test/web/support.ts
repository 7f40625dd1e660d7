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

/** Questions the form leaves out when the other answers make them moot; the result must not depend on them. */
const MOOT = [/^systemicDisease\.threatening$/, /^lumbarPunctures\[\d+\]\.ctc$/, /^knownCancer$/];

/** Form actions a driver performed (a click, a choice, a typed value each count one): the interaction count. */
export const interactions = { count: 0, skipped: [] as string[] };

export async function setField(page: Page, path: string, value: unknown): Promise<void> {
  const field = page.locator(`[data-field="${path}"]`);
  if (MOOT.some((m) => m.test(path)) && await field.count() === 0) {
    await page.waitForTimeout(50);
    if (await field.count() === 0) {
      interactions.skipped.push(path);
      return;
    }
  }
  await field.waitFor({ state: 'visible', timeout: 3000 });
  interactions.count += Array.isArray(value) ? Math.max(1, value.length) : 1;
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
      interactions.count += lps.length ? 0 : 1;
      for (const [i, lp] of lps.entries()) {
        await page.locator('[data-action="add-lp"]').click();
        interactions.count++;
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
      missing: [...document.querySelectorAll<HTMLElement>('[data-testid="missing"] li')].map((li) => li.dataset.fields ?? ''),
    };
  });
}

const accepting = new WeakSet<Page>();

/** Starts from an empty form in Dutch on the case view (leaving unsaved changes is confirmed, as a user would). */
export async function freshCase(page: Page, url: string): Promise<void> {
  if (!accepting.has(page)) {
    page.on('dialog', (d) => void d.accept());
    accepting.add(page);
  }
  await page.goto(url);
  await page.locator('[data-testid="result"]').waitFor();
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Records Content-Security-Policy violations (the event and the console report) on every page load. */
export async function watchCsp(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('__cspViolation', (v: string) => { seen.push(v); }).catch(() => undefined);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation(v: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(m.text()); });
  return seen;
}

export interface AnswerShown { diagnosis: string; category: string; plan: string; inView: string[] }

/** The answer card's three lines, and which of them are fully in the viewport and not covered, without scrolling. */
export async function answerShown(page: Page): Promise<AnswerShown> {
  return page.evaluate(() => {
    const parts = ['answer-diagnosis', 'answer-category', 'answer-plan'];
    const inView: string[] = [];
    const text: Record<string, string> = {};
    for (const id of parts) {
      const el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
      text[id] = el?.textContent ?? '';
      if (!el) continue;
      const r = el.getBoundingClientRect();
      const x = r.left + Math.min(20, r.width / 2);
      const y = r.top + Math.min(8, r.height / 2);
      const hit = document.elementFromPoint(x, y);
      if (r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0 && hit !== null && el.contains(hit)) inView.push(id);
    }
    return { diagnosis: text['answer-diagnosis']!, category: text['answer-category']!, plan: text['answer-plan']!, inView };
  });
}
