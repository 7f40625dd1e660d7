// Flattens a Bundle or a CDS Hooks prefetch into resources; anything malformed is reported.
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { issue, type Entry, type Issues } from './types.js';

export type FhirInput = Bundle | Record<string, unknown>;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function collect(input: unknown, issues: Issues): Entry[] {
  const out: Entry[] = [];
  if (!isObject(input)) {
    issues.push(issue('error', 'malformed-input', undefined, 'Input is not a FHIR Bundle or prefetch object.', 'Invoer is geen FHIR-Bundle of prefetch-object.'));
    return out;
  }
  if (typeof input.resourceType === 'string') addResource(input, 'input', out, issues);
  else for (const [key, value] of Object.entries(input)) {
    if (value === null || value === undefined) {
      issues.push(issue('info', 'prefetch-empty', undefined, `Prefetch "${key}" is empty (not fetched).`, `Prefetch "${key}" is leeg (niet opgehaald).`));
    } else addResource(value, `prefetch ${key}`, out, issues);
  }
  return dedupe(out, issues);
}

function addResource(value: unknown, where: string, out: Entry[], issues: Issues): void {
  if (!isObject(value) || typeof value.resourceType !== 'string' || value.resourceType === '') {
    issues.push(issue('error', 'malformed-resource', undefined, `${where}: not a FHIR resource (no resourceType); skipped.`, `${where}: geen FHIR-resource (geen resourceType); overgeslagen.`));
    return;
  }
  if (value.resourceType === 'Bundle') {
    addBundle(value as unknown as Bundle, where, out, issues);
    return;
  }
  const id = typeof value.id === 'string' && value.id !== '' ? value.id : undefined;
  const ref = `${value.resourceType}/${id ?? `(${where})`}`;
  if (id === undefined) {
    issues.push(issue('warning', 'missing-id', ref, `${value.resourceType} in ${where} has no id; it is named by its position.`, `${value.resourceType} in ${where} heeft geen id; benoemd naar zijn plaats.`));
  }
  out.push({ ref, resource: value as unknown as Resource });
}

function addBundle(bundle: Bundle, where: string, out: Entry[], issues: Issues): void {
  if (bundle.entry !== undefined && !Array.isArray(bundle.entry)) {
    issues.push(issue('error', 'malformed-bundle', `Bundle/${bundle.id ?? '?'}`, `${where}: Bundle.entry is not a list; skipped.`, `${where}: Bundle.entry is geen lijst; overgeslagen.`));
    return;
  }
  (bundle.entry ?? []).forEach((e, i) => {
    const at = `${where} entry ${i}`;
    if (!isObject(e) || e.resource === undefined) {
      issues.push(issue('error', 'malformed-entry', undefined, `${at}: entry without a resource; skipped.`, `${at}: entry zonder resource; overgeslagen.`));
      return;
    }
    if ((e.search as { mode?: unknown } | undefined)?.mode === 'outcome') {
      issues.push(issue('info', 'search-outcome', undefined, `${at}: the server returned an OperationOutcome with the search.`, `${at}: de server gaf een OperationOutcome bij de zoekvraag.`));
      return;
    }
    addResource(e.resource, at, out, issues);
  });
}

/** The same resource twice (overlapping prefetches) is read once. */
function dedupe(entries: Entry[], issues: Issues): Entry[] {
  const seen = new Map<string, Entry>();
  for (const e of entries) {
    const prior = seen.get(e.ref);
    if (prior && JSON.stringify(prior.resource) !== JSON.stringify(e.resource)) {
      issues.push(issue('warning', 'duplicate-id', e.ref, `${e.ref} occurs twice with different content; the first is used.`, `${e.ref} komt twee keer voor met verschillende inhoud; de eerste wordt gebruikt.`));
    }
    if (!prior) seen.set(e.ref, e);
  }
  return [...seen.values()];
}
