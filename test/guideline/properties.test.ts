import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/guideline/case-schema.js';
import { evaluate } from '../../src/guideline/evaluate.js';
import { parseCase } from '../../src/guideline/parse.js';
import { caseArb } from '../support/arbitraries.js';

// Properties that must hold for every case, checked on random cases.
const RUNS = { numRuns: 400 };
const ACTIVE = ['TX-SYSTEMIC', 'TX-SYSTEMIC-PREFERRED', 'TX-RT-FOCAL', 'TX-RT-SYMPTOMATIC', 'TX-RT-CAT2-SYMPTOMATIC-ONLY', 'TX-WBRT',
  'TX-BREAST', 'TX-MELANOMA-IO', 'TX-NSCLC-NO-TARGET', 'TX-SCLC', 'TX-CHOICE-WITH-ONCOLOGIST'];
const TREATMENT = (id: string): boolean => id.startsWith('TX-') || id.startsWith('FU-') || id === 'PROG-UNTREATED' || id === 'PROG-TREATED';

/** Independent reading of "KPS ≥ 70" (precedence KPS, ADL, ECOG; disagreement = unknown). */
function perf70(c: Case): boolean | null {
  const p = c.performance ?? {};
  const votes = [p.kps === undefined ? undefined : p.kps >= 70, p.adlIndependent,
    p.ecog === undefined || p.ecog === 2 ? undefined : p.ecog <= 1].filter((v): v is boolean => v !== undefined);
  if (votes.length === 0 || votes.some((v) => v !== votes[0])) return null;
  return votes[0]!;
}

function threatening(c: Case): boolean | undefined {
  const s = c.systemicDisease;
  if (s?.status === 'absent') return s.threatening === true ? undefined : false;
  if (s?.status === 'controlled') return s.threatening === true ? undefined : false;
  if (s?.status === 'progressive-without-options') return s.threatening === false ? undefined : true;
  return s?.threatening;
}

describe('properties of evaluate', () => {
  it('generated cases are valid input', () => {
    fc.assert(fc.property(caseArb, (c) => parseCase(c).ok), RUNS);
  });
  it('is total and deterministic', () => {
    fc.assert(fc.property(caseArb, (c) => {
      expect(evaluate(c, { asOf: '2026-11-26' })).toEqual(evaluate(structuredClone(c), { asOf: '2026-11-26' }));
    }), RUNS);
  });
  it('does not mutate the case', () => {
    fc.assert(fc.property(caseArb, (c) => {
      const before = structuredClone(c);
      evaluate(c, { asOf: '2026-11-26' });
      expect(c).toEqual(before);
    }), RUNS);
  });
  it('never gives best supportive care together with an active treatment line', () => {
    fc.assert(fc.property(caseArb, (c) => {
      const r = evaluate(c, { asOf: '2026-11-26' });
      if (r.ids.includes('TX-BSC')) expect(r.ids.filter((id) => ACTIVE.includes(id))).toEqual([]);
    }), RUNS);
  });
  it('gives no treatment IDs out of scope or unless LM is confirmed or probable', () => {
    fc.assert(fc.property(caseArb, (c) => {
      const r = evaluate(c, { asOf: '2026-11-26' });
      const established = r.diagnosis.certainty === 'confirmed' || r.diagnosis.certainty === 'probable';
      if (r.scope === 'out-of-scope' || !established) expect(r.ids.filter(TREATMENT)).toEqual([]);
    }), RUNS);
  });
  it('gives category 1 exactly when its four conditions hold', () => {
    fc.assert(fc.property(caseArb, (c) => {
      const r = evaluate(c, { asOf: '2026-11-26' });
      if (r.category === null) return;
      const holds = perf70(c) === true && c.severeEncephalopathy === false && c.severeNeurologicalDeficit === false
        && threatening(c) === false && c.resistanceToTherapy === false;
      expect(r.category === 1).toBe(holds);
    }), RUNS);
  });
  it('never worsens the category when KPS rises', () => {
    fc.assert(fc.property(caseArb, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 9 }), (c, lo, up) => {
      const hi = Math.min(10, lo + up);
      const at = (k: number): Case => ({ ...c, performance: { kps: k * 10 } });
      const a = evaluate(at(lo), { asOf: '2026-11-26' }).category;
      const b = evaluate(at(hi), { asOf: '2026-11-26' }).category;
      if (a !== null && b !== null) expect(b).toBeLessThanOrEqual(a);
    }), RUNS);
  });
  it('lists every emitted ID with a recommendation that carries it', () => {
    fc.assert(fc.property(caseArb, (c) => {
      const r = evaluate(c, { asOf: '2026-11-26' });
      expect([...new Set(r.recommendations.flatMap((i) => i.ids))].sort()).toEqual(r.ids);
      r.recommendations.forEach((i) => expect(i.section.length).toBeGreaterThan(0));
    }), RUNS);
  });
});
