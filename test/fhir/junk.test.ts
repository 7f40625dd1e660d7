// Junk and malformed input: reported, never silently dropped, never a throw; conflicts and prefetch shapes.
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/index.js';
import { mapFhir } from '../../src/fhir/index.js';
import { AS_OF, codesOf, loadBundle } from './support.js';

const byResource = (r: ReturnType<typeof mapFhir>) => Object.fromEntries(r.issues.filter((i) => i.resource).map((i) => [i.resource, i.code]));

describe('the junk bundle', () => {
  const r = mapFhir(loadBundle('junk'), { asOf: AS_OF });
  it('reads the one good fact and reports every bad resource with a reason', () => {
    expect(r.case).toEqual({ primaryTumour: 'breast', knownCancer: true });
    expect(byResource(r)).toMatchObject({
      'Observation/junk-glucose-serum-2': 'unmapped-code', // serum glucose 2345-7 is not CSF glucose
      'Observation/junk-leu-blood-3': 'unmapped-code', // blood leukocytes 26464-8 are not CSF leukocytes
      'Observation/junk-kps-4': 'unreadable-value', // KPS 75
      'Observation/junk-csf-prot-nounit-5': 'unreadable-value',
      'Observation/junk-csf-glu-nodate-6': 'unreadable-value',
      'Observation/junk-her2-text-7': 'unreadable-value',
      'Observation/junk-ecog-absent-8': 'unreadable-value',
      'Observation/junk-cyto-pleural-9': 'not-csf',
      'Condition/junk-no-code': 'no-code',
      'Observation/junk-other-patient': 'other-patient',
      'AllergyIntolerance/junk-allergy': 'unsupported-type',
      'MedicationStatement/junk-paracetamol': 'unmapped-medication',
      'Condition/junk-refuted': 'not-applicable',
    });
  });
});

describe('malformed input never throws', () => {
  const cases: [string, unknown][] = [
    ['null', null], ['a string', 'Bundle'], ['an array', []], ['an empty object', {}],
    ['Bundle.entry not a list', { resourceType: 'Bundle', type: 'collection', entry: 'x' }],
    ['entries without resources', { resourceType: 'Bundle', type: 'collection', entry: [{}, null, 3, { resource: 'x' }, { resource: { id: 'a' } }] }],
    ['a resource with wrong types', { resourceType: 'Bundle', type: 'collection', entry: [
      { resource: { resourceType: 'Observation', id: 'o1', status: 'final', code: 'kps', valueInteger: 'eighty' } },
      { resource: { resourceType: 'Observation', id: 'o2', status: 'final', code: { coding: 'x' } } },
      { resource: { resourceType: 'Observation', id: 'o3', status: 'final', code: { coding: [null, 7, { system: 'http://loinc.org', code: '89243-0' }] }, valueQuantity: { value: '80' } } },
      { resource: { resourceType: 'Observation', id: 'o4', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '2880-3' }] }, effectiveDateTime: 'yesterday', valueQuantity: { value: 1, code: 'g/L' } } },
      { resource: { resourceType: 'Condition', id: 'c1', code: { coding: [{ system: 'http://snomed.info/sct', code: 254837009 }] }, extension: 'x' } },
      { resource: { resourceType: 'MedicationStatement', id: 'm1', status: 'active' } },
      { resource: { resourceType: 'MedicationRequest', id: 'm2', status: 'active', medicationReference: { reference: 'Medication/none' } } },
      { resource: { resourceType: 'Observation', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '89243-0' }] }, valueInteger: 70 } },
    ] }],
    ['a prefetch with nulls and junk', { patient: null, conditions: 'oops', observations: { resourceType: 'Bundle', type: 'searchset' }, x: 42 }],
  ];
  it.each(cases)('%s', (_name, input) => {
    const r = mapFhir(input as Record<string, unknown>, { asOf: AS_OF });
    expect(parseCase(r.case).ok).toBe(true);
    expect(r.issues.length).toBeGreaterThan(0);
  });

  it('names resources without an id by their place, and reports every id in the bundle', () => {
    const r = mapFhir(cases[6]![1] as Record<string, unknown>, { asOf: AS_OF });
    const mentioned = new Set([...r.issues.map((i) => i.resource), ...Object.values(r.sources).map((s) => s.resource)]);
    for (const ref of ['Observation/o1', 'Observation/o2', 'Observation/o3', 'Observation/o4', 'Condition/c1', 'MedicationStatement/m1', 'MedicationRequest/m2']) {
      expect(mentioned.has(ref), ref).toBe(true);
    }
    expect(codesOf(r)).toContain('missing-id');
    expect(r.case.performance?.kps).toBe(70);
  });
});

describe('prefetch objects', () => {
  it('reads CDS Hooks prefetch (resources and searchset Bundles) like a Bundle, and duplicates once', () => {
    const b = loadBundle('nsclc-egfr');
    const all = (b.entry ?? []).map((e) => e.resource!);
    const searchset = (type: string) => ({ resourceType: 'Bundle', type: 'searchset', entry: all.filter((x) => x.resourceType === type).map((resource) => ({ resource, search: { mode: 'match' } })) });
    const prefetch = {
      patient: all.find((x) => x.resourceType === 'Patient'), conditions: searchset('Condition'), observations: searchset('Observation'),
      observationsAgain: searchset('Observation'), specimens: searchset('Specimen'), medicationStatements: searchset('MedicationStatement'), medicationRequests: null,
    };
    const viaPrefetch = mapFhir(prefetch, { asOf: AS_OF });
    const viaBundle = mapFhir(b, { asOf: AS_OF });
    expect(viaPrefetch.case).toEqual(viaBundle.case);
    expect(viaPrefetch.sources).toEqual(viaBundle.sources);
    expect(codesOf(viaPrefetch)).toContain('prefetch-empty');
    expect(codesOf(viaPrefetch)).not.toContain('duplicate-id');
  });

  it('reports a second patient and skips their resources', () => {
    const a = loadBundle('melanoma-braf-v600');
    const b = loadBundle('sclc-provisional');
    const r = mapFhir({ resourceType: 'Bundle', type: 'collection', entry: [...(a.entry ?? []), ...(b.entry ?? [])] }, { asOf: AS_OF });
    expect(codesOf(r)).toContain('several-patients');
    expect(r.case.primaryTumour).toBe('melanoma');
    expect(r.issues.filter((i) => i.code === 'other-patient').length).toBeGreaterThan(3);
  });
});
