import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/guideline/case-schema.js';
import { evaluate, type Result } from '../../src/guideline/evaluate.js';
import { DRUG_CLASSES } from '../../src/guideline/interventions.js';
import { caseArb } from '../support/arbitraries.js';

// SAFE-COHERENCE and the other SAFE properties, on random cases (catalogue revision 2).
const RUNS = { numRuns: Number(process.env.LEPTOGUIDE_COHERENCE_RUNS ?? 100_000) };
const DRUGS: readonly string[] = DRUG_CLASSES;
const SPINAL = ['radicular-syndrome', 'radicular-pain', 'cauda-equina'];
const SUSPECT = ['headache', 'nausea-vomiting', 'confusion', 'ataxia', 'cranial-nerve-deficit', ...SPINAL];
const LP_IDS = ['DX-LP', 'DX-LP-INDICATION', 'DX-LP-REPEAT', 'FU-ICP-LP'];

const proposed = (r: Result): string[] => r.recommendations.filter((i) => i.kind === 'do' || i.kind === 'consider').flatMap((i) => i.interventions);
const against = (r: Result): string[] => r.recommendations.filter((i) => i.kind === 'avoid').flatMap((i) => i.interventions);

/** Every way the output could contradict itself or the case; empty when coherent. */
export function incoherence(c: Case, r: Result): string[] {
  const out: string[] = [];
  const pro = proposed(r);
  const con = against(r);
  pro.filter((x) => con.includes(x)).forEach((x) => out.push(`${x} proposed and advised against`));
  const used = [...(c.therapies?.current ?? []), ...(c.therapies?.progressedOn ?? [])];
  pro.filter((x) => used.includes(x as never)).forEach((x) => out.push(`${x} proposed although already used`));
  const bscOnly = r.recommendations.some((i) => (i.kind === 'do' || i.kind === 'consider') && i.interventions.length === 1 && i.interventions[0] === 'best-supportive-care');
  if (bscOnly && pro.some((x) => DRUGS.includes(x))) out.push('best supportive care only beside a drug start');
  const established = c.knownCancer !== false && c.primaryTumour !== undefined;
  if (!established && pro.some((x) => DRUGS.includes(x))) out.push('tumour-specific drug without an established primary');
  const f = c.mri?.done === false ? [] : (c.mri?.findings ?? []);
  const risk = f.includes('hydrocephalus') || (f.includes('brain-metastases') && c.mri?.brainMetastasesMassEffect === true) || c.raisedIcpSigns === true;
  if (risk && pro.includes('lumbar-puncture') && !r.ids.includes('SAFE-LP-CAUTION')) out.push('LP advised without SAFE-LP-CAUTION');
  if (f.includes('hydrocephalus') && c.mri?.hydrocephalusType === 'obstructive' && pro.includes('lumbar-puncture')) out.push('LP advised with obstructive hydrocephalus');
  if (f.includes('hydrocephalus') && c.mri?.hydrocephalusType === 'obstructive' && r.ids.some((id) => LP_IDS.includes(id))) out.push('LP ID with obstructive hydrocephalus');
  const symptoms = c.symptoms ?? [];
  if (f.includes('epidural-extension') && symptoms.some((s) => SUSPECT.includes(s)) && symptoms.filter((s) => SUSPECT.includes(s)).every((s) => SPINAL.includes(s))
    && r.ids.includes('DX-SUSPECT')) out.push('DX-SUSPECT from symptoms epidural extension explains');
  for (const i of r.recommendations) if (/\{\w+\}/.test(i.text.nl + i.text.en)) out.push(`${i.rule}: unfilled placeholder`);
  return out;
}

describe('coherence of the advice (SAFE-*) on random cases', () => {
  it(`holds on ${RUNS.numRuns} random cases`, () => {
    fc.assert(fc.property(caseArb, (c) => {
      expect(incoherence(c, evaluate(c, { asOf: '2026-11-26', needed: false }))).toEqual([]);
    }), RUNS);
  }, 900_000);
  it('catches an incoherent output (the check can fail)', () => {
    const c: Case = { primaryTumour: 'nsclc', therapies: { current: ['egfr-tki'], progressedOn: [] } };
    const r = evaluate(c, { asOf: '2026-11-26' });
    const bad = { ...r, recommendations: [...r.recommendations, { ...r.recommendations[0]!, kind: 'do' as const, interventions: ['egfr-tki', 'wbrt'] },
      { ...r.recommendations[0]!, kind: 'avoid' as const, interventions: ['wbrt'] }] };
    expect(incoherence(c, bad)).toEqual(expect.arrayContaining(['wbrt proposed and advised against', 'egfr-tki proposed although already used']));
  });
});
