import type { Model, PredicateDef } from '../../src/engine/types.js';
import type { Case } from '../../src/guideline/case-schema.js';
import type { Input, LmFacts } from '../../src/guideline/facts.js';
import { evaluate } from '../../src/guideline/evaluate.js';
import { MODEL } from '../../src/guideline/model.js';
import type { PredicateName } from '../../src/guideline/predicates.js';
import type { Vignette } from '../support/vignettes.js';

// The committee's test revision: the performance gate at KPS 60 instead of 70, and one new statement at the clinical
// signs step for raised intracranial pressure. Test-only; never shipped.

export { NEW_RULE } from '../../bench/committee-fixture.js';
import { NEW_RULE } from '../../bench/committee-fixture.js';

const perf60: PredicateDef<LmFacts> = {
  label: { nl: 'KPS ≥ 60 (of volledig zelfstandig in ADL)', en: 'KPS ≥ 60 (or fully independent in ADL)' },
  uses: ['perf70', 'kps'],
  test: (f) => (f.kps !== null ? f.kps >= 60 : f.perf70),
};

export function fixtureModel(): Model<Input, LmFacts, PredicateName> {
  return {
    ...MODEL,
    predicates: { ...MODEL.predicates, perf70: perf60 },
    rules: [...MODEL.rules, {
      id: NEW_RULE, kind: 'inform', group: 'diagnosis', priority: 95, when: ['raisedIcp'], ids: ['DX-SUSPECT'], section: 'Toelichting diagnostiek 1',
      text: { nl: 'Testregel: tekenen van verhoogde druk vastgelegd.', en: 'Test rule: signs of raised pressure recorded.' },
      rationale: { nl: 'Alleen voor de commissietest.', en: 'For the committee test only.' },
    }],
    flowcharts: MODEL.flowcharts.map((c) => ({
      ...c, nodes: c.nodes.map((n) => (n.id === 'dx.signs' && n.kind === 'step' ? { ...n, rules: [...n.rules, NEW_RULE] } : n)),
    })),
  };
}

const SOLID = ['breast', 'melanoma', 'nsclc', 'sclc', 'germ-cell', 'other-solid'];

/** The performance measures agree on KPS 60 (so KPS decides): ADL not independent, ECOG absent, 2 or worse. */
function kps60Decides(c: Case): boolean {
  const p = c.performance ?? {};
  return p.kps === 60 && p.adlIndependent !== true && (p.ecog === undefined || p.ecog >= 2);
}

/**
 * Expected to change, read from the case data and the base result alone: KPS 60 deciding the gate where the treatment
 * walk reaches it; raised pressure in a named solid tumour (the new statement at the signs step); or the gate asked
 * for (its predicate now also reads the KPS, so the KPS is asked for beside it).
 */
export function expectedChanged(v: Vignette, base: { reachesGate: boolean; asksPerformance: boolean }): boolean {
  const solid = v.case.primaryTumour !== undefined && SOLID.includes(v.case.primaryTumour);
  return (kps60Decides(v.case) && base.reachesGate) || (solid && v.case.raisedIcpSigns === true) || base.asksPerformance;
}

/** The performance vote from the case data, at a KPS threshold: KPS, ADL, ECOG (2 abstains); disagreeing votes leave it unknown. */
function performanceAt(c: Case, kps: number): string {
  const p = c.performance ?? {};
  const votes = [p.kps === undefined ? null : p.kps >= kps, p.adlIndependent ?? null, p.ecog === undefined || p.ecog === 2 ? null : p.ecog <= 1]
    .flatMap((v, i) => (v === null ? [] : [[i, v] as const]));
  const first = votes[0];
  return !first || votes.some(([, v]) => v !== first[1]) ? 'unknown' : `${first[1]}:${first[0]}`;
}

/**
 * Expected to change under the `code` revision (KPS ≥ 60 in performance() only): the performance read from the case
 * differs between the thresholds where the treatment walk reaches the gate; or the base asks for the performance (the
 * look-ahead tries KPS 60, 70 and 80, which all pass at 60, so the performance no longer decides anything).
 */
export function expectedCodeChanged(v: Vignette, base: { reachesGate: boolean; asksPerformance: boolean }): boolean {
  return (performanceAt(v.case, 60) !== performanceAt(v.case, 70) && base.reachesGate) || base.asksPerformance;
}

/** The ids of the vignettes a fixture revision is expected to change, read from each case and its base result. */
export function expectedIds(vignettes: readonly Vignette[], expected: typeof expectedChanged, asOf: string): string[] {
  return vignettes.filter((v) => {
    const r0 = evaluate(v.case, { asOf: v.asOf ?? asOf });
    const tx = r0.trace.flowcharts.find((c) => c.chart === 'treatment');
    return expected(v, {
      reachesGate: tx?.path.some((n) => n.node === 'tx.performance') ?? false, asksPerformance: r0.missing.some((m) => m.fact === 'perf70'),
    });
  }).map((v) => v.id);
}
