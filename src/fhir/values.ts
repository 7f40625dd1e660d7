// Observation values: numbers with units, positive/negative answers, raised/normal.
import type { Observation } from '@medplum/fhirtypes';
import { ANSWERS } from './codes.js';
import { codings, matchCode, text } from './read.js';

export interface Num {
  readonly value: number;
  readonly unit: string;
}

export function numberOf(o: Observation): Num | undefined {
  if (typeof o.valueInteger === 'number') return { value: o.valueInteger, unit: '' };
  const q = o.valueQuantity;
  if (q && typeof q.value === 'number' && Number.isFinite(q.value)) return { value: q.value, unit: q.code ?? q.unit ?? '' };
  return undefined;
}

/** Factor to the case unit, or undefined when the unit is not known. */
const UNITS: Record<string, Record<string, number>> = {
  cells: { '': 1, '/uL': 1, '/µL': 1, '/mm3': 1, '/mm^3': 1, '10*6/L': 1, '{cells}/uL': 1, 'cells/uL': 1, '10*9/L': 1000 },
  protein: { 'g/L': 1, 'mg/dL': 0.01, 'mg/L': 0.001 },
  glucose: { 'mmol/L': 1, 'mg/dL': 1 / 18.016 },
  pressure: { 'cm[H2O]': 1, cmH2O: 1, 'mm[Hg]': 1.3595 },
  percent: { '%': 1, '': 1 },
};
export type UnitKind = keyof typeof UNITS;

export function convert(n: Num, kind: UnitKind): number | undefined {
  const f = UNITS[kind]?.[n.unit];
  return f === undefined ? undefined : Math.round(n.value * f * 1000) / 1000;
}

export type PosNeg = 'positive' | 'negative' | 'equivocal';

/** positive / negative / equivocal from a coded value, the interpretation, a boolean or a plain word. */
export function posNegOf(o: Observation): PosNeg | undefined {
  for (const cc of [o.valueCodeableConcept, ...(o.interpretation ?? [])]) {
    if (!cc || codings(cc).length === 0) continue;
    if (matchCode(cc, ANSWERS.positive)) return 'positive';
    if (matchCode(cc, ANSWERS.negative)) return 'negative';
    if (matchCode(cc, ANSWERS.equivocal)) return 'equivocal';
  }
  if (typeof o.valueBoolean === 'boolean') return o.valueBoolean ? 'positive' : 'negative';
  const words = `${o.valueString ?? ''} ${o.valueCodeableConcept ? text(o.valueCodeableConcept) : ''}`.trim().toLowerCase();
  if (/^(positive|positief|present|detected|pos)\b/.test(words)) return 'positive';
  if (/^(negative|negatief|absent|not detected|neg)\b/.test(words)) return 'negative';
  if (/^(equivocal|suspicious|atypical|indeterminate|twijfelachtig|verdacht)\b/.test(words)) return 'equivocal';
  return undefined;
}

/** raised / normal from the interpretation or a coded value, else by the reference range. */
export function raisedOf(o: Observation): 'raised' | 'normal' | undefined {
  for (const cc of [...(o.interpretation ?? []), o.valueCodeableConcept]) {
    if (matchCode(cc, ANSWERS.raised)) return 'raised';
    if (matchCode(cc, ANSWERS.normal)) return 'normal';
  }
  const high = o.referenceRange?.[0]?.high?.value;
  const v = o.valueQuantity?.value;
  if (typeof high === 'number' && typeof v === 'number') return v > high ? 'raised' : 'normal';
  return undefined;
}
