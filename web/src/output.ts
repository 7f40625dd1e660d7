// Leaving the page only by the user's hand: print, copy as text, save and open a case file on their own device.
import { parseCase, renderNote, renderReport, type Case, type Lang } from '../../src/index.js';
import { fieldLabel, t, valueLabel } from './i18n.js';
import { checked, dirty, lang, loadCase, markSaved, notice, result, stamp, today } from './state.js';

/** The entered case as label: value lines, for the printed summary and the text copy. */
export function inputLines(c: Case, l: Lang): [string, string][] {
  const out: [string, string][] = [];
  const show = (v: unknown): string => {
    if (Array.isArray(v)) return v.length ? v.map((x) => valueLabel(l, String(x))).join(', ') : t(l, 'noneOfThese');
    if (typeof v === 'boolean') return t(l, v ? 'yes' : 'no');
    return valueLabel(l, String(v));
  };
  const label = (path: string): string => fieldLabel(l, path);
  const walk = (v: unknown, path: string): void => {
    if (path === 'lumbarPunctures' && Array.isArray(v)) {
      if (!v.length) out.push([t(l, 'lumbarPunctures'), t(l, 'noLp')]);
      v.forEach((lp, i) => (Object.keys(lp as object).length ? walk(lp, `${path}[${i}]`) : out.push([t(l, 'lpN', { n: i + 1 }), '—'])));
    } else if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
    } else out.push([label(path), show(v)]);
  };
  walk(c, '');
  return out;
}

export function caseText(l: Lang): string {
  const lines = inputLines(checked.value.case, l).map(([k, v]) => `  ${k}: ${v}`);
  const inputs = `\n${t(l, 'inputs').toUpperCase()}\n${lines.length ? lines.join('\n') : `  ${t(l, 'noInputs')}`}`;
  return `${renderReport(result.value, l, 'text')}\n${inputs}\n`;
}

/** The short note for the EHR (≤ 1,200 characters, from the core's answer summary). */
export function noteText(l: Lang): string {
  return renderNote(result.value, l, result.value.asOf ?? today());
}

async function copy(text: string, done: string): Promise<boolean> {
  const l = lang.value;
  try {
    await navigator.clipboard.writeText(text);
    notice.value = done;
    return true;
  } catch {
    notice.value = t(l, 'copyFailed');
    return false;
  }
}

/** Copy as a short EHR note. */
export function copyNote(): Promise<boolean> {
  return copy(noteText(lang.value), t(lang.value, 'copiedNote'));
}

/** Copy the full report with the inputs. */
export function copyText(): Promise<boolean> {
  return copy(caseText(lang.value), t(lang.value, 'copied'));
}

export function saveCase(): void {
  const json = `${JSON.stringify(checked.value.case, null, 2)}\n`;
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  const file = `leptoguide-case-${stamp()}.json`;
  a.download = file;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  markSaved();
  notice.value = t(lang.value, 'saved', { file });
}

/** Asks before the entered case is replaced while it has unsaved changes. */
export function mayDiscard(key: 'confirmNew' | 'confirmOpen'): boolean {
  return !dirty.value || window.confirm(t(lang.value, key));
}

export async function openCase(file: File): Promise<void> {
  const l = lang.value;
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch {
    notice.value = t(l, 'openFailed');
    return;
  }
  const parsed = parseCase(data);
  if (!parsed.ok) {
    notice.value = `${t(l, 'openFailed')}: ${parsed.errors.map((e) => `${e.field}: ${e.message[l]}`).join('; ')}`;
    return;
  }
  loadCase(parsed.case);
  notice.value = t(l, 'opened');
}
