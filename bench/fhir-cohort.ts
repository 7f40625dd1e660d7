import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { mulberry32, type Rng } from './cohort.js';

// Bundles of ~50 resources for the FHIR benchmark: each one of the realistic test bundles (test/fhir/bundles,
// junk.json left out) with its resources, then padded, deterministically, with what a record also holds: older
// KPS and CSF results on earlier dates, labs and vitals LeptoGuide does not read, other diagnoses and medications.

export const FHIR_BUNDLES = 1_000;
export const TARGET_SIZE = 50;
const SEED = 20261201;
/** From bench/ (tests) or dist/bench/ (the benchmark). */
const DIR = ['../test/fhir/bundles/', '../../test/fhir/bundles/'].map((p) => fileURLToPath(new URL(p, import.meta.url))).find((d) => existsSync(d))!;
const LOINC = 'http://loinc.org';
const SNOMED = 'http://snomed.info/sct';
const UCUM = 'http://unitsofmeasure.org';
const lab = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }];
const cc = (system: string, code: string, display: string) => ({ coding: [{ system, code, display }], text: display });

/** Labs and vitals outside LeptoGuide's code tables (read as "unmapped"), with plausible values. */
const OTHER_LABS: readonly [string, string, string, number, number][] = [
  ['718-7', 'Hemoglobin [Mass/volume] in Blood', 'g/dL', 9, 16], ['2160-0', 'Creatinine [Mass/volume] in Serum or Plasma', 'mg/dL', 0.5, 1.6],
  ['2951-2', 'Sodium [Moles/volume] in Serum or Plasma', 'mmol/L', 130, 146], ['2823-3', 'Potassium [Moles/volume] in Serum or Plasma', 'mmol/L', 3.2, 5.4],
  ['6690-2', 'Leukocytes [#/volume] in Blood by Automated count', '10*3/uL', 3, 14], ['777-3', 'Platelets [#/volume] in Blood by Automated count', '10*3/uL', 90, 450],
  ['1742-6', 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma', 'U/L', 8, 90],
  ['8867-4', 'Heart rate', '/min', 55, 110], ['8310-5', 'Body temperature', 'Cel', 36, 38.5], ['29463-7', 'Body weight', 'kg', 45, 110],
];
const OTHER_CONDITIONS: readonly [string, string][] = [
  ['38341003', 'Hypertensive disorder'], ['44054006', 'Diabetes mellitus type 2'], ['13645005', 'Chronic obstructive lung disease'],
  ['49436004', 'Atrial fibrillation'], ['35489007', 'Depressive disorder'],
];
const OTHER_DRUGS: readonly [string, string][] = [
  ['H02AB02', 'dexamethasone'], ['N02BE01', 'paracetamol'], ['A02BC01', 'omeprazole'], ['B01AB05', 'enoxaparin'], ['N03AX14', 'levetiracetam'],
];

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const day = (base: string, back: number): string => new Date(Date.parse(base) - back * 86_400_000).toISOString().slice(0, 10);

function bases(): { name: string; bundle: Bundle; patient: string; latest: string }[] {
  return readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'junk.json').sort().map((f) => {
    const bundle = JSON.parse(readFileSync(DIR + f, 'utf8')) as Bundle;
    const patient = bundle.entry?.find((e) => e.resource?.resourceType === 'Patient')?.resource?.id ?? 'p';
    const dates = (bundle.entry ?? []).map((e) => (e.resource as { effectiveDateTime?: string }).effectiveDateTime).filter((d): d is string => !!d).sort();
    return { name: f.replace(/\.json$/, ''), bundle, patient, latest: dates[dates.length - 1]?.slice(0, 10) ?? '2026-11-20' };
  });
}

function padding(r: Rng, n: number, prefix: string, patient: string, latest: string): Resource[] {
  const subject = { reference: `Patient/${patient}` };
  const out: Resource[] = [];
  let k = 0;
  const id = (what: string): string => `${prefix}-${what}-${++k}`;
  while (out.length < n) {
    const roll = r();
    const date = day(latest, 30 + Math.floor(r() * 700));
    if (roll < 0.5) {
      const [code, display, unit, lo, hi] = pick(r, OTHER_LABS);
      out.push({ resourceType: 'Observation', id: id('lab'), status: 'final', category: lab, code: cc(LOINC, code, display), subject,
        effectiveDateTime: date, valueQuantity: { value: Math.round((lo + r() * (hi - lo)) * 10) / 10, unit, system: UCUM, code: unit } });
    } else if (roll < 0.65) {
      out.push({ resourceType: 'Observation', id: id('kps'), status: 'final', code: cc(LOINC, '89243-0', 'Karnofsky Performance Status score'), subject,
        effectiveDateTime: date, valueInteger: 10 * (5 + Math.floor(r() * 6)) });
    } else if (roll < 0.8) {
      const sp = id('csf');
      out.push({ resourceType: 'Specimen', id: sp, type: cc('http://terminology.hl7.org/CodeSystem/v2-0487', 'CSF', 'Cerebral Spinal Fluid'), subject });
      out.push({ resourceType: 'Observation', id: id('csf-leu'), status: 'final', category: lab, subject, effectiveDateTime: date,
        code: cc(LOINC, '26465-5', 'Leukocytes [#/volume] in Cerebral spinal fluid'), specimen: { reference: `Specimen/${sp}` },
        valueQuantity: { value: Math.floor(r() * 40), unit: '/uL', system: UCUM, code: '/uL' } });
      out.push({ resourceType: 'Observation', id: id('csf-prot'), status: 'final', category: lab, subject, effectiveDateTime: date,
        code: cc(LOINC, '2880-3', 'Protein [Mass/volume] in Cerebral spinal fluid'), specimen: { reference: `Specimen/${sp}` },
        valueQuantity: { value: Math.round(r() * 150) / 100, unit: 'g/L', system: UCUM, code: 'g/L' } });
    } else if (roll < 0.9) {
      const [code, display] = pick(r, OTHER_CONDITIONS);
      out.push({ resourceType: 'Condition', id: id('cond'), subject, code: cc(SNOMED, code, display), onsetDateTime: date,
        clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] } });
    } else {
      const [atc, name] = pick(r, OTHER_DRUGS);
      out.push({ resourceType: 'MedicationStatement', id: id('med'), status: 'active', subject, effectiveDateTime: date,
        medicationCodeableConcept: cc('http://www.whocc.no/atc', atc, name) });
    }
  }
  return out.slice(0, n);
}

/** FHIR_BUNDLES bundles of TARGET_SIZE resources (the base bundle's own resources first). */
export function makeFhirCohort(count = FHIR_BUNDLES): Bundle[] {
  const r = mulberry32(SEED);
  const bs = bases();
  return Array.from({ length: count }, (_, i) => {
    const b = bs[i % bs.length]!;
    const own: BundleEntry[] = structuredClone(b.bundle.entry ?? []);
    const extra = padding(r, Math.max(0, TARGET_SIZE - own.length), `pad${i}`, b.patient, b.latest);
    return { resourceType: 'Bundle', id: `${b.name}-${i}`, type: 'collection', entry: [...own, ...extra.map((resource) => ({ resource }))] };
  });
}
