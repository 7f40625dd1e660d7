// Every Patient, Condition, Observation, MedicationStatement and MedicationRequest in the HL7 R4 examples (hl7.fhir.r4.examples),
// on their own and inside the example Bundles, maps or is reported, and never throws.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/index.js';
import { mapFhir } from '../../src/fhir/index.js';
import { silentlyDropped } from './support.js';

const DIR = dirname(createRequire(import.meta.url).resolve('hl7.fhir.r4.examples/package.json'));
const TYPES = new Set(['Patient', 'Condition', 'Observation', 'MedicationStatement', 'MedicationRequest']);

function examples(): { file: string; resource: Resource }[] {
  const out: { file: string; resource: Resource }[] = [];
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'package.json')) {
    const r = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Resource;
    if (TYPES.has(r.resourceType)) out.push({ file, resource: r });
    if (r.resourceType === 'Bundle') {
      for (const e of (r as Bundle).entry ?? []) if (e.resource && TYPES.has(e.resource.resourceType)) out.push({ file, resource: e.resource });
    }
  }
  return out;
}

describe('HL7 FHIR R4 examples', () => {
  const all = examples();
  it('are there (the package is installed)', () => {
    expect(all.length).toBeGreaterThan(150);
    for (const t of TYPES) expect(all.some((x) => x.resource.resourceType === t), t).toBe(true);
  });

  it('each resource on its own: never throws, a valid case, mapped or reported', () => {
    const filled: Record<string, number> = {};
    for (const { file, resource } of all) {
      const r = mapFhir({ resourceType: 'Bundle', type: 'collection', entry: [{ resource }] }, { asOf: '2026-11-26' });
      expect(parseCase(r.case).ok, file).toBe(true);
      if (resource.id) expect(silentlyDropped([`${resource.resourceType}/${resource.id}`], r), file).toEqual([]);
      else expect(r.issues.some((i) => i.code === 'missing-id'), file).toBe(true);
      for (const path of Object.keys(r.sources)) filled[path] = (filled[path] ?? 0) + 1;
    }
    // The examples hold a few things LeptoGuide reads (e.g. the ECOG example, the serum glucose trap is not among them).
    expect(Object.keys(filled).length).toBeGreaterThan(0);
  });

  it('reads what the examples do hold: an NSCLC Condition and capecitabine in a contained Medication', () => {
    const one = (file: string) => mapFhir(JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Resource as never, { asOf: '2026-11-26' });
    expect(one('Condition-f002.json').case).toEqual({ primaryTumour: 'nsclc', knownCancer: true });
    expect(one('MedicationRequest-medrx0309.json').case).toEqual({ therapies: { current: ['capecitabine'] } });
  });

  it('each example Bundle as a whole: never throws, a valid case', () => {
    for (const file of readdirSync(DIR).filter((f) => f.startsWith('Bundle-'))) {
      const b = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Bundle;
      const r = mapFhir(b, { asOf: '2026-11-26' });
      expect(parseCase(r.case).ok, file).toBe(true);
    }
  });
});
