// Leaving the page only by the user's hand: print, copy as text, save and open a case file on their own device.
import { parseCase, renderReport, type Case, type Lang } from '../../src/index.js';
import { t, valueLabel, WEB, type WebKey } from './i18n.js';
import { checked, lang, loadCase, notice, result, today } from './state.js';

/** The entered case as label: value lines, for the printed summary and the text copy. */
export function inputLines(c: Case, l: Lang): [string, string][] {
  const out: [string, string][] = [];
  const show = (v: unknown): string => {
    if (Array.isArray(v)) return v.length ? v.map((x) => valueLabel(l, String(x))).join(', ') : t(l, 'noneOfThese');
    if (typeof v === 'boolean') return t(l, v ? 'yes' : 'no');
    return valueLabel(l, String(v));
  };
  const label = (path: string): string => {
    const lp = /^lumbarPunctures\[(\d+)\]\.(.+)$/.exec(path);
    if (lp) return `${t(l, 'lpN', { n: Number(lp[1]) + 1 })} · ${WEB[l][`lp.${lp[2]}` as WebKey] ?? lp[2]}`;
    return WEB[l][path as WebKey] ?? path;
  };
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

export async function copyText(): Promise<boolean> {
  const l = lang.value;
  try {
    await navigator.clipboard.writeText(caseText(l));
    notice.value = t(l, 'copied');
    return true;
  } catch {
    notice.value = t(l, 'copyFailed');
    return false;
  }
}

export function saveCase(): void {
  const json = `${JSON.stringify(checked.value.case, null, 2)}\n`;
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `leptoguide-case-${today()}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
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
