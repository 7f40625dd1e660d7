import { compile } from '../src/engine/compile.js';
import { run } from '../src/engine/evaluate.js';
import type { DecisionNode, Model } from '../src/engine/types.js';
import type { Case } from '../src/guideline/case-schema.js';
import type { Input, LmFacts } from '../src/guideline/facts.js';
import { treatmentChart } from '../src/guideline/flowcharts.js';
import { MODEL } from '../src/guideline/model.js';
import type { PredicateName } from '../src/guideline/predicates.js';
import { categoryTable, certaintyTable } from '../src/guideline/tables.js';

// One step of the guideline, two ways: the treatment category and the KPS ≥ 70 gate,
// (a) through the generic engine, (b) as a hand-written if/else over the raw case (the floor).
// Both return the same code: category (0 = undecided, 1-3) * 3 + gate (0 no, 1 yes, 2 unknown).

export type Category = 1 | 2 | 3 | null;

export const encode = (category: Category, gate: boolean | null): number =>
  (category ?? 0) * 3 + (gate === null ? 2 : gate ? 1 : 0);

// ---- (a) the engine ----

const gate = treatmentChart.nodes.find((n) => n.id === 'tx.performance') as DecisionNode<PredicateName>;
const end = (id: string, outcome: string) => ({ kind: 'end' as const, id, outcome, label: { nl: outcome, en: outcome }, ids: [], section: 'bench' });

/** The certainty table first: categoryTable's first row reads the certainty fact. */
const STEP_MODEL: Model<Input, LmFacts, PredicateName> = {
  id: 'bench.category-gate',
  facts: MODEL.facts,
  derive: MODEL.derive,
  predicates: MODEL.predicates,
  tables: [certaintyTable, categoryTable],
  flowcharts: [{
    id: 'gate', label: gate.label, ids: [], section: 'bench', start: gate.id,
    // The gate alone: an unknown KPS stops it (gate unknown), instead of going on to the chart's unknown branch.
    nodes: [{ ...gate, yes: 'gate.yes', no: 'gate.no', unknown: undefined }, end('gate.yes', 'yes'), end('gate.no', 'no')],
  }],
  rules: [],
  checks: [],
};

export const STEP = compile(STEP_MODEL);

export function engineStep(c: Case, asOf: string): number {
  const r = run(STEP, { case: c, asOf });
  const category = r.facts.category;
  const outcome = r.charts[0]!.outcome;
  return encode(typeof category === 'number' ? category : null, outcome === 'yes' ? true : outcome === 'no' ? false : null);
}

// ---- (b) the floor ----

const SOLID = new Set(['breast', 'melanoma', 'nsclc', 'sclc', 'germ-cell', 'other-solid']);

/** KPS, then ADL, then ECOG (2 abstains); any disagreement about the 70 threshold = unknown. */
export function floorPerf70(c: Case): boolean | null {
  const p = c.performance;
  if (p === undefined) return null;
  let v: boolean | null = null;
  if (p.kps !== undefined) v = p.kps >= 70;
  if (p.adlIndependent !== undefined) {
    if (v === null) v = p.adlIndependent;
    else if (v !== p.adlIndependent) return null;
  }
  if (p.ecog !== undefined && p.ecog !== 2) {
    const e = p.ecog <= 1;
    if (v === null) v = e;
    else if (v !== e) return null;
  }
  return v;
}

/** ADR 0002 item 16: absent/controlled are not threatening, without options is; contradictions = unknown. */
export function floorThreatening(c: Case): boolean | null {
  const s = c.systemicDisease;
  const status = s?.status;
  const said = s?.threatening;
  if (status === 'absent' || status === 'controlled') return said === true ? null : false;
  if (status === 'progressive-without-options') return said === false ? null : true;
  return said ?? null;
}

/** Precondition of the step: LM confirmed by cytology or biopsy, named solid primary. */
export function confirmedSolid(c: Case): boolean {
  if (c.primaryTumour === undefined || !SOLID.has(c.primaryTumour)) return false;
  if (c.leptomeningealBiopsy === 'positive') return true;
  const lps = c.lumbarPunctures;
  if (lps === undefined) return false;
  for (let i = 0; i < lps.length; i++) if (lps[i]!.cytology === 'positive') return true;
  return false;
}

/**
 * Category: row 1 holds → 1; row 1 fails → 3 if row 3 holds, 2 if it fails; any unknown row leaves it undecided.
 * Checks the precondition as the engine must (its certainty table); cases outside it are never fed in.
 */
export function floorStep(c: Case): number {
  const perf = floorPerf70(c);
  if (!confirmedSolid(c)) return encode(null, perf);
  // Kleene AND of perf70, ¬encephalopathy, ¬deficit, ¬threatening, ¬resistance
  const threat = floorThreatening(c);
  const enc = c.severeEncephalopathy;
  const def = c.severeNeurologicalDeficit;
  const res = c.resistanceToTherapy;
  let row1: boolean | null;
  if (perf === false || enc === true || def === true || threat === true || res === true) row1 = false;
  else if (perf === null || enc === undefined || def === undefined || threat === null || res === undefined) row1 = null;
  else row1 = true;
  if (row1 === true) return encode(1, perf);
  if (row1 === null) return encode(null, perf);
  // Kleene AND of ¬perf70, progressive-without-options
  const status = c.systemicDisease?.status;
  const row3 = perf === true || (status !== undefined && status !== 'progressive-without-options') ? false
    : perf === null || status === undefined ? null : true;
  return encode(row3 === true ? 3 : row3 === false ? 2 : null, perf);
}

// ---- input shape ----

const CASE_KEYS = [
  'assessmentDate', 'primaryTumour', 'knownCancer', 'markers', 'symptoms', 'symptomsExplainedByBrainMetastases',
  'highClinicalSuspicion', 'mri', 'lumbarPunctures', 'leptomeningealBiopsy', 'performance', 'severeEncephalopathy',
  'severeNeurologicalDeficit', 'systemicDisease', 'resistanceToTherapy', 'therapies', 'symptomaticLocations', 'raisedIcpSigns',
] as const satisfies readonly (keyof Case)[];
const LP_KEYS = [
  'date', 'cytology', 'leukocytes', 'protein', 'glucose', 'openingPressure', 'afp', 'betaHcg', 'ctc', 'molecular',
] as const satisfies readonly (keyof NonNullable<Case['lumbarPunctures']>[number])[];

function copyKeys<T extends object>(o: T, keys: readonly (keyof T)[]): T {
  const out = {} as T;
  for (const k of keys) out[k] = o[k];
  return out;
}

/** A copy with every key present (undefined when unknown), so all cases share one hidden class per object kind. */
export function fixedShape(c: Case): Case {
  const out = copyKeys(c, CASE_KEYS);
  const p = c.performance;
  const s = c.systemicDisease;
  out.performance = p && { kps: p.kps, adlIndependent: p.adlIndependent, ecog: p.ecog };
  out.systemicDisease = s && { status: s.status, threatening: s.threatening };
  out.lumbarPunctures = c.lumbarPunctures?.map((lp) => copyKeys(lp, LP_KEYS));
  return out;
}
