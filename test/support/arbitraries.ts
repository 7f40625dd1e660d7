import fc from 'fast-check';
import {
  MRI_FINDINGS, PRIMARY_TUMOURS, SYMPTOMATIC_LOCATIONS, SYMPTOMS, SYSTEMIC_STATUS, THERAPY_CLASSES, type Case,
} from '../../src/guideline/case-schema.js';

// Random but schema-valid cases: every field may be absent (unknown).
const sub = <T>(xs: readonly T[]) => fc.subarray([...xs]);
const opt = { requiredKeys: [] as never[] };

export const lumbarPuncture = fc.record({
  cytology: fc.constantFrom('positive', 'negative', 'equivocal', 'not-done'),
  leukocytes: fc.integer({ min: 0, max: 200 }),
  protein: fc.double({ min: 0, max: 5, noNaN: true }),
  glucose: fc.double({ min: 0, max: 8, noNaN: true }),
  afp: fc.constantFrom('raised', 'normal'),
  betaHcg: fc.constantFrom('raised', 'normal'),
  ctc: fc.constantFrom('positive', 'negative'),
  molecular: fc.record({ egfr: fc.constantFrom('mutant', 'wild-type'), alk: fc.constantFrom('positive', 'negative') }, opt),
}, opt);

export const caseArb: fc.Arbitrary<Case> = fc.record({
  primaryTumour: fc.constantFrom(...PRIMARY_TUMOURS),
  knownCancer: fc.boolean(),
  markers: fc.record({
    her2: fc.constantFrom('positive', 'negative'),
    brafV600: fc.constantFrom('mutant', 'wild-type'),
    egfr: fc.constantFrom('mutant', 'wild-type'),
    alk: fc.constantFrom('positive', 'negative'),
    krasG12c: fc.constantFrom('mutant', 'wild-type'),
    pdl1Tps: fc.integer({ min: 0, max: 100 }),
    noDriverFound: fc.boolean(),
  }, opt),
  symptoms: sub(SYMPTOMS),
  symptomsExplainedByBrainMetastases: fc.boolean(),
  highClinicalSuspicion: fc.boolean(),
  mri: fc.record({
    done: fc.boolean(), findings: sub(MRI_FINDINGS), regions: fc.subarray(['brain', 'spine'] as ('brain' | 'spine')[], { minLength: 1 }),
    hydrocephalusType: fc.constantFrom('communicating', 'obstructive'), brainMetastasesMassEffect: fc.boolean(),
  }, opt),
  lumbarPunctures: fc.array(lumbarPuncture, { maxLength: 3 }),
  leptomeningealBiopsy: fc.constantFrom('positive', 'negative', 'not-done'),
  performance: fc.record({
    kps: fc.integer({ min: 1, max: 10 }).map((k) => k * 10),
    adlIndependent: fc.boolean(),
    ecog: fc.integer({ min: 0, max: 4 }),
  }, opt),
  severeEncephalopathy: fc.boolean(),
  severeNeurologicalDeficit: fc.boolean(),
  systemicDisease: fc.record({ status: fc.constantFrom(...SYSTEMIC_STATUS), threatening: fc.boolean() }, opt),
  resistanceToTherapy: fc.boolean(),
  therapies: fc.record({ current: sub(THERAPY_CLASSES), progressedOn: sub(THERAPY_CLASSES) }, opt),
  symptomaticLocations: sub(SYMPTOMATIC_LOCATIONS),
  raisedIcpSigns: fc.boolean(),
}, opt) as fc.Arbitrary<Case>;
