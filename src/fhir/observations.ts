// Observation → performance, CSF findings (per lumbar puncture date), tumour markers, MRI, symptoms, biopsy.
import type { Observation, Specimen } from '@medplum/fhirtypes';
import {
  CSF_SPECIMEN, ECOG_ANSWERS, KPS_ANSWERS, LOCAL_MRI_FINDINGS, LOCAL_MRI_REGIONS, LOCAL_SYMPTOMS, OBSERVATION_CODES, SYSTEM, type CodeRef,
  type ObservationKind,
} from './codes.js';
import { readVariant } from './genomics.js';
import { unreadable, type Obs } from './obs.js';
import { candidate, codeIndex, codeKey, codings, conceptLabel, dayOf, firstIndexed, matchCode, observationDate } from './read.js';
import type { Ctx } from './resolve.js';
import { issue } from './types.js';
import { convert, numberOf, posNegOf, raisedOf, type UnitKind } from './values.js';

const IGNORED_STATUS = new Set(['entered-in-error', 'cancelled', 'registered']);

/** Every observation code with its kind, in table order (first kind, then first code, wins): one map look-up per coding. */
const FLAT = (Object.entries(OBSERVATION_CODES) as [ObservationKind, readonly CodeRef[]][]).flatMap(([kind, refs]) => refs.map((r) => [kind, r] as const));
const BY_CODE = codeIndex(FLAT.map(([, r]) => r));

export function readObservation(o: Observation, ref: string, ctx: Ctx): void {
  if (IGNORED_STATUS.has(o.status)) {
    ctx.issues.push(issue('info', 'not-applicable', ref, `${ref} has status ${o.status}; not used.`, `${ref} heeft status ${o.status}; niet gebruikt.`));
    return;
  }
  const at = firstIndexed(o.code, BY_CODE);
  const hit = at < 0 ? undefined : FLAT[at]!;
  if (!hit) {
    ctx.issues.push(issue('info', 'unmapped-code', ref, `${ref}: ${conceptLabel(o.code)} is not one LeptoGuide reads.`, `${ref}: ${conceptLabel(o.code)} wordt door LeptoGuide niet gelezen.`));
    return;
  }
  if (o.status === 'preliminary') {
    ctx.issues.push(issue('info', 'preliminary', ref, `${ref} is preliminary.`, `${ref} is voorlopig.`));
  }
  const obs: Obs = { o, ref, code: codeKey(hit[1]), date: observationDate(o), ctx };
  if (o.dataAbsentReason && !Object.keys(o).some((k) => k.startsWith('value'))) {
    unreadable(obs, 'no value (dataAbsentReason)', 'geen waarde (dataAbsentReason)');
    return;
  }
  READERS[hit[0]](obs);
}

function add(x: Obs, path: string, value: unknown): void {
  x.ctx.draft.add(path, candidate(value, x.ref, x.code, x.date));
}

/** KPS as a number (valueInteger, valueQuantity) or a coded answer (LOINC answer list), as the record has it. */
function kps(x: Obs): void {
  const coded = matchCode(x.o.valueCodeableConcept, KPS_ANSWERS)?.score;
  const n = coded !== undefined ? { value: coded, unit: '' } : numberOf(x.o);
  if (!n || !Number.isInteger(n.value) || n.value < 10 || n.value > 100 || n.value % 10 !== 0) {
    unreadable(x, 'KPS must be 10-100 in steps of 10', 'KPS moet 10-100 zijn in stappen van 10');
  } else add(x, 'performance.kps', n.value);
}

function ecog(x: Obs): void {
  const coded = matchCode(x.o.valueCodeableConcept, ECOG_ANSWERS)?.grade;
  const grade = coded ?? numberOf(x.o)?.value;
  if (grade === undefined || !Number.isInteger(grade) || grade < 0 || grade > 4) {
    unreadable(x, 'ECOG must be 0-4', 'ECOG moet 0-4 zijn');
  } else add(x, 'performance.ecog', grade);
}

/** CSF findings are grouped into one lumbar puncture per date. */
function csf(field: string, read: (x: Obs) => unknown) {
  return (x: Obs): void => {
    const value = read(x);
    if (value === undefined) return;
    const day = dayOf(x.date);
    if (!day) {
      unreadable(x, 'CSF result without a full date cannot be placed in a lumbar puncture', 'liquoruitslag zonder volledige datum kan niet bij een lumbaalpunctie worden geplaatst');
      return;
    }
    x.ctx.draft.addPuncture(day, field, candidate(value, x.ref, x.code, x.date));
  };
}

function measured(kind: UnitKind) {
  return (x: Obs): number | undefined => {
    const n = numberOf(x.o);
    const v = n && n.value >= 0 ? convert(n, kind) : undefined;
    if (v === undefined) unreadable(x, `no usable quantity (unit "${n?.unit ?? ''}")`, `geen bruikbare hoeveelheid (eenheid "${n?.unit ?? ''}")`);
    return v;
  };
}

function raised(x: Obs): 'raised' | 'normal' | undefined {
  const r = raisedOf(x.o);
  if (!r) unreadable(x, 'neither an interpretation nor a reference range says raised or normal', 'interpretatie noch referentiewaarde zegt verhoogd of normaal');
  return r;
}

function posNeg(x: Obs): 'positive' | 'negative' | undefined {
  const r = posNegOf(x.o);
  if (r === 'equivocal') {
    x.ctx.issues.push(issue('info', 'equivocal', x.ref, `${x.ref} (${x.code}) is equivocal; left unknown.`, `${x.ref} (${x.code}) is twijfelachtig; onbekend gelaten.`));
    return undefined;
  }
  if (!r) unreadable(x, 'no positive/negative value', 'geen positieve/negatieve waarde');
  return r;
}

function cytology(x: Obs): 'positive' | 'negative' | 'equivocal' | 'not-done' | undefined {
  if (x.code === `${SYSTEM.loinc}|47523-6` && !isCsf(x)) {
    x.ctx.issues.push(issue('info', 'not-csf', x.ref, `${x.ref}: body-fluid cytology without a CSF specimen; not used.`, `${x.ref}: cytologie van lichaamsvocht zonder liquormonster; niet gebruikt.`));
    return undefined;
  }
  if (codings(x.o.valueCodeableConcept).some((c) => c.system === SYSTEM.local && c.code === 'not-done')) return 'not-done';
  const r = posNegOf(x.o);
  if (!r) unreadable(x, 'no cytology verdict', 'geen cytologisch oordeel');
  return r;
}

export function isCsf(x: Obs): boolean {
  const ref = x.o.specimen?.reference;
  const target = ref === undefined ? undefined : ref.startsWith('#')
    ? (x.o.contained ?? []).find((r) => r.id === ref.slice(1))
    : x.ctx.index.get(ref.replace(/^.*\/(Specimen\/[^/]+)$/, '$1'));
  const type = (target as Specimen | undefined)?.resourceType === 'Specimen' ? (target as Specimen).type : undefined;
  return matchCode(type, CSF_SPECIMEN) !== undefined || /\b(csf|liquor|cerebrospinal)/i.test(x.o.specimen?.display ?? '');
}

function mri(x: Obs): void {
  const findings = (x.o.component ?? []).flatMap((c) => {
    const k = codings(c.code).find((k) => k.system === SYSTEM.local && (LOCAL_MRI_FINDINGS as readonly string[]).includes(k.code ?? ''));
    return k && c.valueBoolean === true ? [k.code as string] : [];
  });
  const regions = codings(x.o.bodySite).flatMap((k) => k.system === SYSTEM.local && (LOCAL_MRI_REGIONS as readonly string[]).includes(k.code ?? '') ? [k.code as string] : []);
  const value = { done: true, ...(x.date && dayOf(x.date) ? { date: dayOf(x.date) } : {}), ...(regions.length ? { regions } : {}), ...(x.o.component?.length ? { findings } : {}) };
  add(x, 'mri', value);
}

function symptom(x: Obs): void {
  const k = codings(x.o.valueCodeableConcept).find((k) => k.system === SYSTEM.local && (LOCAL_SYMPTOMS as readonly string[]).includes(k.code ?? ''));
  if (!k) unreadable(x, 'no local symptom code in the value', 'geen lokale symptoomcode in de waarde');
  else x.ctx.draft.addList('symptoms', candidate(k.code, x.ref, codeKey(k), x.date));
}

function biopsy(x: Obs): void {
  if (codings(x.o.valueCodeableConcept).some((c) => c.system === SYSTEM.local && c.code === 'not-done')) add(x, 'leptomeningealBiopsy', 'not-done');
  else {
    const r = posNeg(x);
    if (r) add(x, 'leptomeningealBiopsy', r);
  }
}

function pdl1(x: Obs): void {
  const n = numberOf(x.o);
  const v = n ? convert(n, 'percent') : undefined;
  if (v === undefined || v < 0 || v > 100) unreadable(x, 'PD-L1 TPS must be a percentage 0-100', 'PD-L1 TPS moet een percentage 0-100 zijn');
  else add(x, 'markers.pdl1Tps', v);
}

function marker(path: string) {
  return (x: Obs): void => {
    const r = posNeg(x);
    if (r) add(x, path, r);
  };
}

const READERS: Record<ObservationKind, (x: Obs) => void> = {
  kps,
  ecog,
  csfLeukocytes: csf('leukocytes', measured('cells')),
  csfProtein: csf('protein', measured('protein')),
  csfGlucose: csf('glucose', measured('glucose')),
  csfOpeningPressure: csf('openingPressure', measured('pressure')),
  csfAfp: csf('afp', raised),
  csfBetaHcg: csf('betaHcg', raised),
  csfCtc: csf('ctc', posNeg),
  csfCytology: csf('cytology', cytology),
  her2: marker('markers.her2'),
  oestrogenReceptor: marker('markers.er'),
  progesteroneReceptor: marker('markers.pr'),
  pdl1Tps: pdl1,
  variant: (x) => readVariant(x, (field, value) => {
    const day = dayOf(x.date);
    if (isCsf(x) && day) x.ctx.draft.addPuncture(day, `molecular.${field}`, candidate(value, x.ref, x.code, x.date));
    else add(x, `markers.${field}`, value);
  }),
  mri,
  symptom,
  biopsy,
};
