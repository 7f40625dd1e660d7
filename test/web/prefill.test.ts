// The prefill API (called by the SMART launch) loads a case, records sources, and a user correction drops the badge.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index.js';
import { prefillCase } from '../../web/src/prefill.js';
import { check, draft, fieldErrors, result, setField, sources } from '../../web/src/state.js';

describe('prefillCase', () => {
  it('loads the case into the form state and keeps each field\'s source until corrected', () => {
    prefillCase({ primaryTumour: 'breast', markers: { her2: 'positive' }, performance: { kps: 80 } }, {
      primaryTumour: { resource: 'Condition/1', code: 'SNOMED 254837009', date: '2026-01-02' },
      'performance.kps': { resource: 'Observation/kps', date: '2026-11-20' },
    });
    expect(draft.value).toEqual({ primaryTumour: 'breast', markers: { her2: 'positive' }, performance: { kps: 80 } });
    expect(Object.keys(sources.value)).toEqual(['primaryTumour', 'performance.kps']);
    expect(result.value.ids).toEqual(evaluate(draft.value, { asOf: result.value.asOf ?? undefined }).ids);
    setField('performance.kps', 60);
    expect(Object.keys(sources.value)).toEqual(['primaryTumour']);
  });

  it('drops markers of another tumour when the primary changes', () => {
    setField('primaryTumour', 'melanoma');
    expect(draft.value.markers).toBeUndefined();
  });

  it('names invalid fields and evaluates the rest', () => {
    const c = check({ primaryTumour: 'nsclc', markers: { pdl1Tps: 'abc' }, performance: { kps: 75 } });
    expect(c.errors.map((e) => e.field).sort()).toEqual(['markers.pdl1Tps', 'performance.kps']);
    expect(c.case).toEqual({ primaryTumour: 'nsclc' });
    setField('performance.kps', 75);
    expect(fieldErrors.value.has('performance.kps')).toBe(true);
  });
});
