// Small readers over FHIR datatypes: codings, dates, references.
import type { CodeableConcept, Coding, Observation, Reference, Resource } from '@medplum/fhirtypes';
import type { CodeRef } from './codes.js';
import type { Candidate, Source } from './types.js';

export function codings(cc: CodeableConcept | undefined): Coding[] {
  return Array.isArray(cc?.coding) ? cc.coding.filter((c): c is Coding => typeof c === 'object' && c !== null) : [];
}

/** system → code → position of the first ref with that code; built once per code table. */
export type CodeIndex = ReadonlyMap<string, ReadonlyMap<string, number>>;

export function codeIndex(refs: readonly { readonly system: string; readonly code: string }[]): CodeIndex {
  const index = new Map<string, Map<string, number>>();
  refs.forEach((r, i) => {
    let codes = index.get(r.system);
    if (!codes) index.set(r.system, (codes = new Map()));
    if (!codes.has(r.code)) codes.set(r.code, i);
  });
  return index;
}

/** Position (in the table the index was built from) of the first listed code that the concept carries, or -1. */
export function firstIndexed(cc: CodeableConcept | undefined, index: CodeIndex): number {
  const cs = cc?.coding;
  if (!Array.isArray(cc?.coding) || !cs) return -1;
  let best = -1;
  for (let i = 0; i < cs.length; i++) {
    const c: unknown = cs[i];
    if (typeof c !== 'object' || c === null) continue;
    const { system, code } = c as Coding;
    if (typeof system !== 'string' || typeof code !== 'string') continue;
    const at = index.get(system)?.get(code);
    if (at !== undefined && (best < 0 || at < best)) best = at;
  }
  return best;
}

const INDEXES = new WeakMap<readonly CodeRef[], CodeIndex>();

/** The first listed code that the concept carries: a map look-up per coding, the table indexed on first use. */
export function matchCode<T extends CodeRef>(cc: CodeableConcept | undefined, refs: readonly T[]): T | undefined {
  if (refs.length <= 2) {
    const cs = codings(cc);
    return refs.find((r) => cs.some((c) => c.system === r.system && c.code === r.code));
  }
  let index = INDEXES.get(refs);
  if (!index) INDEXES.set(refs, (index = codeIndex(refs)));
  const at = firstIndexed(cc, index);
  return at < 0 ? undefined : refs[at];
}

export function codeKey(r: { system?: string; code?: string }): string {
  return `${r.system ?? ''}|${r.code ?? ''}`;
}

export function conceptLabel(cc: CodeableConcept | undefined): string {
  const c = codings(cc)[0];
  return cc?.text ?? (c ? `${c.system ?? '?'}|${c.code ?? '?'}${c.display ? ` (${c.display})` : ''}` : '(no code)');
}

export function refOf(r: Resource): string {
  return `${r.resourceType}/${r.id ?? '?'}`;
}

const DATE_RE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

export function validDate(s: unknown): s is string {
  return typeof s === 'string' && DATE_RE.test(s) && !Number.isNaN(Date.parse(s.length === 4 ? `${s}-01-01` : s.length === 7 ? `${s}-01` : s));
}

export function timeOf(s: string | undefined): number | undefined {
  if (!validDate(s)) return undefined;
  return Date.parse(s.length === 4 ? `${s}-01-01` : s.length === 7 ? `${s}-01` : s);
}

/** YYYY-MM-DD of a full date or dateTime, else undefined. */
export function dayOf(s: string | undefined): string | undefined {
  return validDate(s) && s.length >= 10 ? s.slice(0, 10) : undefined;
}

export function observationDate(o: Observation): string | undefined {
  return o.effectiveDateTime ?? o.effectiveInstant ?? o.effectivePeriod?.start ?? o.issued;
}

export function candidate(value: unknown, ref: string, code: string | undefined, date: string | undefined): Candidate {
  const source: Source = { resource: ref, ...(code ? { code } : {}), ...(date ? { date } : {}) };
  const time = timeOf(date);
  return time === undefined ? { value, source } : { value, source, time };
}

export function referenceTarget(ref: Reference | undefined): string | undefined {
  return typeof ref?.reference === 'string' ? ref.reference : undefined;
}

export function text(cc: CodeableConcept | undefined): string {
  return [cc?.text ?? '', ...codings(cc).map((c) => c.display ?? '')].join(' ').toLowerCase();
}
