// Small readers over FHIR datatypes: codings, dates, references.
import type { CodeableConcept, Coding, Observation, Reference, Resource } from '@medplum/fhirtypes';
import type { CodeRef } from './codes.js';
import type { Candidate, Source } from './types.js';

export function codings(cc: CodeableConcept | undefined): Coding[] {
  return Array.isArray(cc?.coding) ? cc.coding.filter((c): c is Coding => typeof c === 'object' && c !== null) : [];
}

/** The first listed code that the concept carries. */
export function matchCode<T extends CodeRef>(cc: CodeableConcept | undefined, refs: readonly T[]): T | undefined {
  const cs = codings(cc);
  return refs.find((r) => cs.some((c) => c.system === r.system && c.code === r.code));
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
