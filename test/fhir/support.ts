// Loading the FHIR test bundles and checking the mapping's guarantees.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { MapResult } from '../../src/fhir/index.js';

export const BUNDLE_DIR = join(import.meta.dirname, 'bundles');
export const AS_OF = '2026-11-26';

export function bundleNames(): string[] {
  return readdirSync(BUNDLE_DIR).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
}

export function loadBundle(name: string): Bundle {
  return JSON.parse(readFileSync(join(BUNDLE_DIR, `${name}.json`), 'utf8')) as Bundle;
}

export function resourcesOf(b: Bundle): Resource[] {
  return (b.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
}

/** Resources that neither fill a field nor appear in an issue: must be none. */
export function silentlyDropped(refs: readonly string[], r: MapResult): string[] {
  const seen = new Set([...Object.values(r.sources).map((s) => s.resource), ...r.issues.map((i) => i.resource)]);
  return refs.filter((ref) => !seen.has(ref));
}

export function codesOf(r: MapResult): string[] {
  return r.issues.map((i) => i.code);
}
