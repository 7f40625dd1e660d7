// Resolved candidates → the case and the source of each filled field.
import type { Case, LumbarPuncture, Symptom, TherapyClass } from '../index.js';
import type { PrimaryValue } from './conditions.js';
import { resolve, type Draft, type ListPath } from './resolve.js';
import { issue, type Candidate, type Issues, type Source } from './types.js';

export interface Built {
  readonly case: Case;
  readonly sources: Record<string, Source>;
}

const STALE_DAYS = 30;
const MARKERS = ['her2', 'breastHistology', 'brafV600', 'egfr', 'alk', 'krasG12c', 'pdl1Tps'] as const;

/** Resolves one field at a time and records where each value came from. */
class Builder {
  readonly sources: Record<string, Source> = {};
  constructor(readonly draft: Draft, readonly issues: Issues, readonly asOfEnd: number | undefined) {}

  take(path: string): Candidate | undefined {
    const cands = this.draft.fields.get(path);
    return cands ? resolve(path, cands, this.issues, this.asOfEnd) : undefined;
  }

  put(target: Record<string, unknown>, key: string, path: string, win: Candidate | undefined): Candidate | undefined {
    if (!win) return undefined;
    target[key] = win.value;
    this.sources[path] = win.source;
    return win;
  }
}

export function build(draft: Draft, issues: Issues, asOfEnd: number | undefined): Built {
  const b = new Builder(draft, issues, asOfEnd);
  const c: Record<string, unknown> = {};
  tumour(b, c);
  const performance = performanceOf(b);
  if (Object.keys(performance).length) c.performance = performance;
  b.put(c, 'leptomeningealBiopsy', 'leptomeningealBiopsy', b.take('leptomeningealBiopsy'));
  const mri = b.take('mri');
  if (mri) {
    c.mri = mri.value;
    for (const k of Object.keys(mri.value as object)) b.sources[`mri.${k}`] = mri.source;
  }
  const lps = punctures(draft, issues, asOfEnd, b.sources);
  if (lps.length) c.lumbarPunctures = lps;
  const symptoms = list(draft, 'symptoms', issues, asOfEnd, b.sources) as Symptom[];
  if (symptoms.length) c.symptoms = symptoms;
  const therapies = list(draft, 'therapies.current', issues, asOfEnd, b.sources) as TherapyClass[];
  if (therapies.length) c.therapies = { current: combination(therapies, issues, b.sources) };
  for (const path of ['symptoms', 'therapies.current'] as const) if (b.sources[path]) completeness(path, issues);
  return { case: c as Case, sources: b.sources };
}

function tumour(b: Builder, c: Record<string, unknown>): void {
  const primary = b.take('primaryTumour');
  if (primary) {
    const v = primary.value as PrimaryValue;
    b.put(c, 'primaryTumour', 'primaryTumour', { ...primary, value: v.tumour });
    // "Primary tumour diagnosed": yes for a confirmed Condition, no for a suspected one; unstated leaves it to the form.
    if (v.verification !== 'unstated') b.put(c, 'knownCancer', 'knownCancer', { ...primary, value: v.verification === 'confirmed' });
  }
  const markers: Record<string, unknown> = {};
  for (const m of MARKERS) b.put(markers, m, `markers.${m}`, b.take(`markers.${m}`));
  hormoneReceptors(markers, b.sources, b.take('markers.er'), b.take('markers.pr'), b.issues);
  if (Object.keys(markers).length) c.markers = markers;
}

/** KPS and ECOG, each the newest; one older than STALE_DAYS before asOf is flagged. */
function performanceOf(b: Builder): Record<string, unknown> {
  const performance: Record<string, unknown> = {};
  for (const p of ['kps', 'ecog'] as const) {
    const win = b.put(performance, p, `performance.${p}`, b.take(`performance.${p}`));
    if (win?.time === undefined || b.asOfEnd === undefined || b.asOfEnd - win.time <= STALE_DAYS * 86_400_000) continue;
    b.issues.push(issue('warning', 'stale', win.source.resource,
      `performance.${p}: the latest value is from ${win.source.date}, more than ${STALE_DAYS} days ago; check that it still holds.`,
      `performance.${p}: de laatste waarde is van ${win.source.date}, meer dan ${STALE_DAYS} dagen geleden; controleer of die nog klopt.`));
  }
  return performance;
}

function hormoneReceptors(markers: Record<string, unknown>, sources: Record<string, Source>, er: Candidate | undefined, pr: Candidate | undefined, issues: Issues): void {
  const pos = [er, pr].find((x) => x?.value === 'positive');
  const chosen = pos ?? (er && pr ? ((er.time ?? 0) >= (pr.time ?? 0) ? er : pr) : undefined);
  if (chosen) {
    markers.hormoneReceptors = pos ? 'positive' : 'negative';
    sources['markers.hormoneReceptors'] = chosen.source;
    const other = chosen === er ? pr : er;
    if (other) {
      issues.push(issue('info', 'receptors-combined', other.source.resource,
        `markers.hormoneReceptors: ER ${String(er?.value ?? 'unknown')} and PR ${String(pr?.value ?? 'unknown')} give ${pos ? 'positive' : 'negative'}.`,
        `markers.hormoneReceptors: ER ${String(er?.value ?? 'onbekend')} en PR ${String(pr?.value ?? 'onbekend')} geven ${pos ? 'positief' : 'negatief'}.`));
    }
  } else if (er ?? pr) {
    const only = (er ?? pr) as Candidate;
    issues.push(issue('info', 'receptor-incomplete', only.source.resource,
      `markers.hormoneReceptors: only ${er ? 'ER' : 'PR'} is known (negative); both are needed to call the receptors negative.`,
      `markers.hormoneReceptors: alleen ${er ? 'ER' : 'PR'} is bekend (negatief); beide zijn nodig om de receptoren negatief te noemen.`));
  }
}

function punctures(draft: Draft, issues: Issues, asOfEnd: number | undefined, sources: Record<string, Source>): LumbarPuncture[] {
  const out: LumbarPuncture[] = [];
  for (const day of [...draft.punctures.keys()].sort()) {
    const i = out.length;
    const lp: Record<string, unknown> = {};
    const molecular: Record<string, unknown> = {};
    let first: Source | undefined;
    for (const [field, cands] of draft.punctures.get(day) ?? []) {
      const path = `lumbarPunctures[${i}].${field}`;
      const win = resolve(path, cands, issues, asOfEnd);
      if (!win) continue;
      const [head, sub] = field.split('.');
      if (head === 'molecular' && sub) molecular[sub] = win.value;
      else lp[field] = win.value;
      sources[path] = win.source;
      first ??= win.source;
    }
    if (Object.keys(molecular).length) lp.molecular = molecular;
    if (!first) continue;
    lp.date = day;
    sources[`lumbarPunctures[${i}].date`] = first;
    out.push({ date: day, ...lp });
  }
  return out;
}

function list(draft: Draft, path: ListPath, issues: Issues, asOfEnd: number | undefined, sources: Record<string, Source>): string[] {
  const byValue = new Map<string, Candidate[]>();
  for (const cand of draft.lists.get(path) ?? []) {
    const v = String(cand.value);
    byValue.set(v, [...(byValue.get(v) ?? []), cand]);
  }
  const out: string[] = [];
  let latest: Candidate | undefined;
  for (const [v, cands] of byValue) {
    const win = resolve(`${path}[${out.length}]`, cands, issues, asOfEnd);
    if (!win) continue;
    sources[`${path}[${out.length}]`] = win.source;
    out.push(v);
    if (!latest || (win.time ?? -Infinity) > (latest.time ?? -Infinity)) latest = win;
  }
  if (latest) sources[path] = latest.source;
  return out;
}

/** A checkpoint inhibitor given with chemotherapy is chemo-immunotherapy. */
function combination(therapies: TherapyClass[], issues: Issues, sources: Record<string, Source>): TherapyClass[] {
  if (therapies.includes('checkpoint-inhibitor') && therapies.includes('chemotherapy') && !therapies.includes('chemo-immunotherapy')) {
    const checkpoint = sources[`therapies.current[${therapies.indexOf('checkpoint-inhibitor')}]`];
    if (checkpoint) sources[`therapies.current[${therapies.length}]`] = checkpoint;
    issues.push(issue('info', 'chemo-immunotherapy', undefined,
      'therapies.current: a checkpoint inhibitor with chemotherapy is also recorded as chemo-immunotherapy.',
      'therapies.current: een checkpointremmer met chemotherapie staat ook als chemo-immunotherapie.'));
    return [...therapies, 'chemo-immunotherapy'];
  }
  return therapies;
}

/** A list in the case names everything present; the record may not. */
function completeness(path: ListPath, issues: Issues): void {
  issues.push(issue('info', 'list-from-record', undefined,
    `${path}: filled with what the record holds; LeptoGuide reads anything not listed as absent, so check the list is complete.`,
    `${path}: gevuld met wat het dossier bevat; LeptoGuide leest wat niet in de lijst staat als afwezig, dus controleer of de lijst volledig is.`));
}
