import type { Bundle, Observation, Condition } from '@medplum/fhirtypes';
import { OBSERVATION_CODES, PRIMARY_SNOMED } from '../src/fhir/codes.js';
import type { Result } from '../src/index.js';
import type { Case } from '../src/guideline/case-schema.js';

// Hand-written floors for the compiled-core benchmark: the least work each step must do, with no logic on top.
// decision: read every case field the decision reads (derive and the checks), decide nothing;
// full result: allocate the same object graph as the materialised Result (a hand-written deep copy of it);
// FHIR: one pass over the bundle, a Map look-up per resource's first coding, the value copied into a record.

/** Every result part built on first read, read now (what "full result" means in the benchmark). */
export function materialise(r: Result): Result {
  void r.recommendations;
  void r.missing;
  void r.trace;
  void r.ids;
  return r;
}

/** Reads each field `derive` and the checks read, once; returns a checksum so nothing is optimised away. */
export function floorRead(c: Case): number {
  let x = 0;
  if (c.primaryTumour !== undefined) x += c.primaryTumour.length;
  if (c.knownCancer) x++;
  if (c.assessmentDate !== undefined) x++;
  const m = c.markers;
  if (m) {
    if (m.her2 !== undefined) x++;
    if (m.brafV600 !== undefined) x++;
    if (m.egfr !== undefined) x++;
    if (m.alk !== undefined) x++;
    if (m.krasG12c !== undefined) x++;
    if (m.pdl1Tps !== undefined) x += m.pdl1Tps;
    if (m.hormoneReceptors !== undefined) x++;
    if (m.breastHistology !== undefined) x++;
  }
  const s = c.symptoms;
  if (s) for (let i = 0; i < s.length; i++) x += s[i]!.length;
  if (c.symptomsExplainedByBrainMetastases) x++;
  if (c.highClinicalSuspicion) x++;
  const mri = c.mri;
  if (mri) {
    if (mri.done) x++;
    if (mri.date !== undefined) x++;
    const f = mri.findings;
    if (f) for (let i = 0; i < f.length; i++) x += f[i]!.length;
  }
  const lps = c.lumbarPunctures;
  if (lps) {
    for (let i = 0; i < lps.length; i++) {
      const lp = lps[i]!;
      if (lp.cytology !== undefined) x += lp.cytology.length;
      x += (lp.leukocytes ?? 0) + (lp.protein ?? 0) + (lp.glucose ?? 0);
      if (lp.afp !== undefined) x++;
      if (lp.betaHcg !== undefined) x++;
      if (lp.date !== undefined) x++;
      const mo = lp.molecular;
      if (mo) {
        if (mo.egfr !== undefined) x++;
        if (mo.alk !== undefined) x++;
        if (mo.krasG12c !== undefined) x++;
        if (mo.brafV600 !== undefined) x++;
      }
    }
  }
  if (c.leptomeningealBiopsy !== undefined) x++;
  const p = c.performance;
  if (p) x += (p.kps ?? 0) + (p.ecog ?? 0) + (p.adlIndependent ? 1 : 0);
  if (c.severeEncephalopathy) x++;
  if (c.severeNeurologicalDeficit) x++;
  const sd = c.systemicDisease;
  if (sd) {
    if (sd.status !== undefined) x += sd.status.length;
    if (sd.threatening) x++;
  }
  if (c.resistanceToTherapy) x++;
  const t = c.therapies?.progressedOn;
  if (t) for (let i = 0; i < t.length; i++) x += t[i]!.length;
  const sl = c.symptomaticLocations;
  if (sl) for (let i = 0; i < sl.length; i++) x += sl[i]!.length;
  if (c.raisedIcpSigns) x++;
  return x;
}

/** A plain deep copy: the allocation floor of an object graph. */
export function deepCopy(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = deepCopy(v[i]);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const k in v) out[k] = deepCopy((v as Record<string, unknown>)[k]);
  return out;
}

const KEYS = new Map<string, string>();
for (const [kind, refs] of Object.entries(OBSERVATION_CODES)) for (const r of refs) if (!KEYS.has(`${r.system}|${r.code}`)) KEYS.set(`${r.system}|${r.code}`, kind);
for (const r of PRIMARY_SNOMED) KEYS.set(`${r.system}|${r.code}`, 'primaryTumour');

/** One pass: resource type, first coding looked up, the value copied into a record; no dates, units, conflicts or issues. */
export function floorFhir(b: Bundle): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const entries = b.entry ?? [];
  for (let i = 0; i < entries.length; i++) {
    const r = entries[i]!.resource;
    if (!r) continue;
    if (r.resourceType === 'Observation' || r.resourceType === 'Condition') {
      const c = (r as Observation | Condition).code?.coding?.[0];
      const kind = c ? KEYS.get(`${c.system}|${c.code}`) : undefined;
      if (kind === undefined) continue;
      const o = r as Observation;
      out[kind] = o.valueInteger ?? o.valueQuantity?.value ?? o.valueBoolean ?? o.valueCodeableConcept?.coding?.[0]?.code ?? kind;
    } else if (r.resourceType === 'MedicationStatement') {
      const c = r.medicationCodeableConcept?.coding?.[0]?.code;
      if (c) ((out.therapies ??= []) as string[]).push(c);
    }
  }
  return out;
}
