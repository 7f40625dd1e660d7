import { describe, expect, it } from 'vitest';
import { evaluate, type Case } from '../../src/index.js';
import { findings } from '../../src/server/cds/orders.js';
import type { PatientPicture } from '../../src/server/cds/patient.js';

// order-sign matches draft orders against the advice's own coded interventions (catalogue revision 2).
const picture = (c: Case): PatientPicture => ({ case: c, issues: [], judge: [], result: evaluate(c, { asOf: '2026-11-26' }), lmKnown: true, lmSuspected: true });
const LP = { resourceType: 'ServiceRequest', id: 'lp', status: 'draft', intent: 'order',
  code: { coding: [{ system: 'http://snomed.info/sct', code: '277762005', display: 'Lumbar puncture' }] } };
const WBRT = { resourceType: 'ServiceRequest', id: 'wbrt', status: 'draft', intent: 'order', code: { text: 'Whole brain radiotherapy' } };
const base: Case = {
  primaryTumour: 'melanoma', markers: { brafV600: 'wild-type' }, symptoms: ['headache', 'confusion'],
  mri: { done: true, regions: ['brain'], findings: ['linear-sulcal', 'hydrocephalus'], hydrocephalusType: 'obstructive' },
  lumbarPunctures: [{ cytology: 'positive' }], performance: { kps: 80 }, severeEncephalopathy: false, severeNeurologicalDeficit: false,
  systemicDisease: { status: 'controlled' }, resistanceToTherapy: false, raisedIcpSigns: true, therapies: { current: [], progressedOn: [] },
};

describe('order warnings from the coded advice', () => {
  it('warns on a lumbar puncture order when the advice says no LP (obstructive hydrocephalus)', () => {
    expect(findings(picture(base), [LP as never]).found.map((f) => f.rule)).toEqual(['safe.lp-contraindicated']);
  });
  it('does not warn on a lumbar puncture the advice allows (communicating hydrocephalus)', () => {
    const c = { ...base, mri: { ...base.mri, hydrocephalusType: 'communicating' as const } };
    expect(findings(picture(c), [LP as never]).found).toEqual([]);
  });
  it('does not warn on WBRT where the advice itself proposes it as the bridge to immunotherapy', () => {
    expect(picture(base).result.recommendations.some((i) => i.rule === 'tx.wbrt-melanoma-bridge')).toBe(true);
    expect(findings(picture(base), [WBRT as never]).found).toEqual([]);
  });
  it('warns on WBRT in melanoma at KPS 70 (advised against)', () => {
    const c = { ...base, performance: { kps: 70 } };
    expect(findings(picture(c), [WBRT as never]).found.map((f) => f.rule)).toEqual(['tx.wbrt-avoid']);
  });
});
