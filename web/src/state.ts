// App state: the case draft as entered, validated and evaluated on every change (computed signals).
import { computed, effect, signal } from '@preact/signals';
import { evaluate, parseCase, type Case, type FieldError, type Lang, type Result } from '../../src/index.js';
import { deletePath, getPath, setPath, type Draft } from './paths.js';

export type View = 'case' | 'flowcharts' | 'tables' | 'revision';
export interface FieldSource { readonly resource: string; readonly code?: string; readonly date?: string }

// Only the language choice is remembered in the browser; never any case data.
const LANG_KEY = 'leptoguide.lang';
function storedLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(LANG_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}
export const lang = signal<Lang>(storedLang());
effect(() => {
  const l = lang.value;
  try {
    if (l === 'en') globalThis.localStorage?.setItem(LANG_KEY, l);
    else globalThis.localStorage?.removeItem(LANG_KEY);
  } catch { /* storage refused: the choice lasts this page */ }
});
export const view = signal<View>('case');
export const draft = signal<Draft>({});
export const sources = signal<Readonly<Record<string, FieldSource>>>({});
export const notice = signal<string>('');
/** The case as last opened, saved or started: a draft that differs has unsaved changes. */
const baseline = signal<string>('{}');
export const dirty = computed(() => JSON.stringify(draft.value) !== baseline.value);
export function markSaved(): void {
  baseline.value = JSON.stringify(draft.value);
}

/** Now in local time as YYYY-MM-DD-HHMM, for file names. */
export function stamp(d = new Date()): string {
  return `${today(d)}-${String(d.getHours()).padStart(2, '0')}${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Fields the clinician must judge (no record carries them): marked in the form while empty (SMART pre-fill). */
export const toJudge = signal<ReadonlySet<string>>(new Set());

/** Today in local time, YYYY-MM-DD: the evaluation date unless the case names an assessment date. */
export function today(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
export const asOf = signal(today());

export interface Checked { readonly case: Case; readonly errors: readonly FieldError[] }

/** Schema errors are shown at their field; the case is evaluated without the offending fields. */
export function check(d: Draft): Checked {
  const errors: FieldError[] = [];
  let current: Draft = d;
  for (let i = 0; i < 5; i++) {
    const r = parseCase(current);
    if (r.ok) return { case: r.case, errors };
    errors.push(...r.errors);
    current = r.errors.reduce<Draft>((acc, e) => deletePath(acc, e.field), current);
  }
  return { case: {}, errors };
}

export const checked = computed(() => check(draft.value));
export const result = computed<Result>(() => evaluate(checked.value.case, { asOf: asOf.value }));

/** Messages per field path: schema errors and the guideline's contradiction checks. */
export const fieldErrors = computed(() => {
  const out = new Map<string, { nl: string; en: string }[]>();
  const add = (field: string, m: { nl: string; en: string }): void => {
    const list = out.get(field) ?? [];
    if (!list.some((x) => x.nl === m.nl)) list.push(m);
    out.set(field, list);
  };
  checked.value.errors.forEach((e) => add(e.field, e.message));
  result.value.errors.forEach((e) => e.fields.forEach((f) => add(f, e.message)));
  return out;
});

const MARKERS: Readonly<Record<string, readonly string[]>> = {
  breast: ['her2', 'hormoneReceptors', 'breastHistology'],
  melanoma: ['brafV600'],
  nsclc: ['egfr', 'alk', 'krasG12c', 'pdl1Tps', 'noDriverFound'],
};
const CSF_MOLECULAR: Readonly<Record<string, readonly string[]>> = { melanoma: ['brafV600'], nsclc: ['egfr', 'alk', 'krasG12c'] };

export function markersFor(primary: unknown): readonly string[] {
  return typeof primary === 'string' ? MARKERS[primary] ?? [] : [];
}
export function csfMolecularFor(primary: unknown): readonly string[] {
  return typeof primary === 'string' ? CSF_MOLECULAR[primary] ?? [] : [];
}

/** Drops answers to questions that no longer apply (markers of another tumour). */
function prune(d: Draft): Draft {
  let out = d;
  const keep = markersFor(d.primaryTumour);
  const markers = getPath(d, 'markers');
  if (markers && typeof markers === 'object') {
    for (const k of Object.keys(markers)) if (!keep.includes(k)) out = deletePath(out, `markers.${k}`);
  }
  const keepCsf = csfMolecularFor(d.primaryTumour);
  const lps = Array.isArray(d.lumbarPunctures) ? d.lumbarPunctures : [];
  lps.forEach((lp, i) => {
    const mol = (lp as Draft | undefined)?.molecular;
    if (mol && typeof mol === 'object') {
      for (const k of Object.keys(mol)) if (!keepCsf.includes(k)) out = deletePath(out, `lumbarPunctures[${i}].molecular.${k}`);
    }
  });
  return out;
}

const OUT_OF_SCOPE = ['primary-brain', 'haematological'];
export const solidPrimary = (p: unknown): boolean => typeof p === 'string' && !OUT_OF_SCOPE.includes(p);

/** A status that answers "threatening" by itself drops the same answer given by hand (it no longer applies). */
function pruneThreat(d: Draft): Draft {
  const s = d.systemicDisease as { status?: string; threatening?: boolean } | undefined;
  const implied = s?.status === 'absent' || s?.status === 'controlled' ? false : s?.status === 'progressive-without-options' ? true : undefined;
  return implied !== undefined && s?.threatening === implied ? deletePath(d, 'systemicDisease.threatening') : d;
}

export function setField(path: string, value: unknown): void {
  const next = value === undefined ? deletePath(draft.value, path) : setPath(draft.value, path, value);
  draft.value = path === 'primaryTumour' ? prune(next) : path === 'systemicDisease.status' ? pruneThreat(next) : next;
  if (sources.value[path]) {
    const { [path]: _corrected, ...rest } = sources.value;
    sources.value = rest;
  }
}

export function fieldValue(path: string): unknown {
  return getPath(draft.value, path);
}

export function loadCase(c: Case | Draft, from: Readonly<Record<string, FieldSource>> = {}): void {
  draft.value = structuredClone(c) as Draft;
  sources.value = { ...from };
  markSaved();
}
