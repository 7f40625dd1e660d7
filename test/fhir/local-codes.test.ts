// Facts carried by the local CodeSystem (no standard code) and the less common shapes: Medication references, units.
import { describe, expect, it } from 'vitest';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { parseCase } from '../../src/index.js';
import { mapFhir } from '../../src/fhir/index.js';
import { medplumErrors, schemaErrors } from './validators.js';

const LOC = 'https://leptoguide.example/fhir/CodeSystem/lm';
const subject = { reference: 'Patient/p' };
const cc = (system: string, code: string) => ({ coding: [{ system, code }] });
const obs = (id: string, code: string, date: string, value: object, system = LOC): Resource =>
  ({ resourceType: 'Observation', id, status: 'final', code: cc(system, code), subject, effectiveDateTime: date, ...value }) as Resource;
const bundle = (resources: Resource[]): Bundle => ({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: { resourceType: 'Patient', id: 'p' } }, ...resources.map((resource) => ({ resource }))] });

const RESOURCES: Resource[] = [
  obs('op', 'csf-opening-pressure', '2026-11-10', { valueQuantity: { value: 22, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } }),
  obs('hcg', 'csf-beta-hcg', '2026-11-10', { interpretation: [cc('http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', 'N')] }),
  obs('ctc', 'csf-ctc', '2026-11-10', { valueCodeableConcept: cc(LOC, 'positive') }),
  obs('cyto', 'csf-cytology', '2026-11-10', { valueCodeableConcept: cc(LOC, 'not-done') }),
  obs('glu', '2342-4', '2026-11-10T09:30:00+01:00', { valueQuantity: { value: 45, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' } }, 'http://loinc.org'),
  obs('bx', 'leptomeningeal-biopsy', '2026-11-12', { valueCodeableConcept: cc(LOC, 'negative') }),
  obs('sym', 'symptom', '2026-11-01', { valueCodeableConcept: cc(LOC, 'visual-complaints') }),
  obs('mri-old', 'mri-lm', '2026-10-01', { component: [{ code: cc(LOC, 'nodular'), valueBoolean: true }] }),
  obs('mri', 'mri-lm', '2026-11-05', { bodySite: cc(LOC, 'brain'), component: [{ code: cc(LOC, 'nodular'), valueBoolean: false }, { code: cc(LOC, 'hydrocephalus'), valueBoolean: false }] }),
  obs('ecog', '89247-1', '2026-11-20', { valueCodeableConcept: cc('http://snomed.info/sct', '422894000') }, 'http://loinc.org'),
  { resourceType: 'Medication', id: 'med-osi', code: { coding: [{ system: 'http://www.whocc.no/atc', code: 'L01EB04' }] } } as Resource,
  { resourceType: 'MedicationRequest', id: 'rx', status: 'active', intent: 'order', subject, authoredOn: '2026-01-01', medicationReference: { reference: 'Medication/med-osi' } } as Resource,
  { resourceType: 'MedicationStatement', id: 'ms', status: 'active', subject, effectiveDateTime: '2026-02-01',
    contained: [{ resourceType: 'Medication', id: 'm', code: { text: 'Letrozol 2,5 mg' }, ingredient: [{ itemCodeableConcept: { text: 'letrozole' } }] }],
    medicationReference: { reference: '#m' } } as Resource,
];

describe('local codes and less common shapes', () => {
  const b = bundle(RESOURCES);
  const r = mapFhir(b, { asOf: '2026-11-26' });

  it('the inputs are valid FHIR', () => {
    expect(schemaErrors(b)).toEqual([]);
    for (const x of RESOURCES) expect(medplumErrors(x), x.id).toEqual([]);
  });

  it('map to the case', () => {
    expect(parseCase(r.case).ok).toBe(true);
    expect(r.case).toEqual({
      lumbarPunctures: [{ date: '2026-11-10', openingPressure: 29.909, betaHcg: 'normal', ctc: 'positive', cytology: 'not-done', glucose: 2.498 }],
      leptomeningealBiopsy: 'negative',
      symptoms: ['visual-complaints'],
      mri: { done: true, date: '2026-11-05', regions: ['brain'], findings: [] },
      performance: { ecog: 2 },
      therapies: { current: ['egfr-tki', 'hormonal-therapy'] },
    });
    expect(r.sources['therapies.current[0]']).toEqual({ resource: 'MedicationRequest/rx', code: 'http://www.whocc.no/atc|L01EB04', date: '2026-01-01' });
    expect(r.issues.find((i) => i.resource === 'Observation/mri-old')?.code).toBe('conflict-overridden');
    expect(r.issues.filter((i) => i.code === 'list-from-record').length).toBe(2);
  });
});
