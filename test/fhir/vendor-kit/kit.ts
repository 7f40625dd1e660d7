// Cross-vendor fixture kit: ONE patient with leptomeningeal metastases of EGFR-mutant NSCLC, written three ways as an
// EHR would send it — a Dutch hospital (Nictiz nl-core / zib 2020 shapes: SNOMED CT and ICD-10-NL diagnoses, SNOMED
// observables and LOINC answer codes, a SNOMED CSF specimen, G-Standaard medication codes with ATC), a US record
// (mCODE / US Core shapes: ICD-10-CM, LOINC values, HL7 v2-0487 specimen, RxNorm and the generic name) and an Epic-style
// CDS Hooks patient-view request (the US record as prefetch). All three must map to the same case and the same advice.
// Written for the tests (no real patient); nl-core profile URLs are named, not required (the mapping ignores profiles).
import type { Bundle, Resource } from '@medplum/fhirtypes';

export const AS_OF = '2026-11-26';
export const PATIENT = 'lm-kit-1';
const subject = { reference: `Patient/${PATIENT}` };
const NL = 'http://nictiz.nl/fhir/StructureDefinition/';
const MCODE = 'http://hl7.org/fhir/us/mcode/StructureDefinition/';
const L = 'http://loinc.org';
const S = 'http://snomed.info/sct';
const LOCAL = 'https://leptoguide.example/fhir/CodeSystem/lm';
const cc = (system: string, code: string, display?: string) => ({ coding: [{ system, code, ...(display ? { display } : {}) }] });
const both = (...codings: { system: string; code: string; display?: string }[]) => ({ coding: codings });
const clinical = cc('http://terminology.hl7.org/CodeSystem/condition-clinical', 'active');
const confirmed = cc('http://terminology.hl7.org/CodeSystem/condition-ver-status', 'confirmed');
const bundle = (entries: Resource[]): Bundle => ({ resourceType: 'Bundle', type: 'collection', entry: entries.map((resource) => ({ resource })) });

type Flavour = 'nl' | 'us' | 'epic';

/** What every flavour shares: symptoms, the MRI and the EGFR variant (local and LOINC codes, no national variant). */
function shared(f: Flavour): Resource[] {
  const profile = (nl: string, us?: string) => (f === 'nl' ? { meta: { profile: [NL + nl] } } : us ? { meta: { profile: [us] } } : {});
  return [
    ...(['headache', 'confusion'] as const).map((s): Resource => ({
      resourceType: 'Condition', id: `${f}-symptom-${s}`, ...profile('nl-core-Problem'), clinicalStatus: clinical,
      code: cc(LOCAL, s), subject, onsetDateTime: '2026-11-10',
    })),
    {
      resourceType: 'Observation', id: `${f}-mri`, status: 'final', code: cc(LOCAL, 'mri-lm', 'Gadolinium MRI for leptomeningeal metastases'), subject,
      effectiveDateTime: '2026-11-18', bodySite: cc(LOCAL, 'brain'),
      component: [{ code: cc(LOCAL, 'linear-sulcal'), valueBoolean: true }, { code: cc(LOCAL, 'hydrocephalus'), valueBoolean: false }],
    },
    {
      resourceType: 'Observation', id: `${f}-egfr`, status: 'final', code: cc(L, '69548-6', 'Genetic variant assessment'), subject,
      effectiveDateTime: '2025-03-10', valueCodeableConcept: cc(L, 'LA9633-4', 'Present'),
      component: [
        { code: cc(L, '48018-6', 'Gene studied [ID]'), valueCodeableConcept: cc('http://www.genenames.org', 'HGNC:3236', 'EGFR') },
        { code: cc(L, '48004-6', 'DNA change (c.HGVS)'), valueCodeableConcept: cc('http://varnomen.hgvs.org', 'NM_005228.5:c.2573T>G') },
      ],
    },
  ];
}

/** A Dutch hospital's record (nl-core, zib 2020). */
export function nlCoreBundle(): Bundle {
  const specimen = { reference: 'Specimen/nl-liquor-1' };
  return bundle([
    { resourceType: 'Patient', id: PATIENT, meta: { profile: [`${NL}nl-core-Patient`] }, gender: 'female', birthDate: '1961' },
    {
      resourceType: 'Condition', id: 'nl-primary', meta: { profile: [`${NL}nl-core-Problem`] }, clinicalStatus: clinical, verificationStatus: confirmed,
      // DHD Diagnosethesaurus concept as its SNOMED CT code, with the ICD-10-NL code it maps to.
      code: both({ system: S, code: '254637007', display: 'niet-kleincellig longcarcinoom' }, { system: 'http://hl7.org/fhir/sid/icd-10-nl', code: 'C34.9' }),
      subject, onsetDateTime: '2025-03-01',
    },
    {
      resourceType: 'Condition', id: 'nl-lm', meta: { profile: [`${NL}nl-core-Problem`] }, clinicalStatus: clinical, verificationStatus: confirmed,
      code: cc('http://hl7.org/fhir/sid/icd-10-nl', 'C79.4', 'Secundaire maligne neoplasma van overige en niet-gespecificeerde delen van zenuwstelsel'),
      subject, onsetDateTime: '2026-11-21',
    },
    ...shared('nl'),
    // No zib for performance status: SNOMED observable, LOINC answer code.
    {
      resourceType: 'Observation', id: 'nl-kps', status: 'final', code: cc(S, '761869008', 'Karnofsky Performance Status score (observable entity)'), subject,
      effectiveDateTime: '2026-11-20', valueCodeableConcept: cc(L, 'LA29177-5', 'Normal activity with effort; some signs or symptoms of disease'),
    },
    { resourceType: 'Specimen', id: 'nl-liquor-1', meta: { profile: [`${NL}nl-core-LaboratoryTestResult.Specimen`] }, type: cc(S, '258450006', 'liquor'), subject },
    {
      resourceType: 'Observation', id: 'nl-cytology', meta: { profile: [`${NL}nl-core-LaboratoryTestResult`] }, status: 'final',
      code: cc(L, '47523-6'), subject, effectiveDateTime: '2026-11-21', specimen, valueCodeableConcept: cc(S, '10828004', 'positief'),
    },
    {
      resourceType: 'Observation', id: 'nl-leuko', meta: { profile: [`${NL}nl-core-LaboratoryTestResult`] }, status: 'final',
      code: cc(L, '26465-5'), subject, effectiveDateTime: '2026-11-21', specimen, valueQuantity: { value: 12, unit: '10*6/L', system: 'http://unitsofmeasure.org', code: '10*6/L' },
    },
    {
      resourceType: 'Observation', id: 'nl-protein', meta: { profile: [`${NL}nl-core-LaboratoryTestResult`] }, status: 'final',
      code: cc(L, '2880-3'), subject, effectiveDateTime: '2026-11-21', specimen, valueQuantity: { value: 0.9, unit: 'g/L', system: 'http://unitsofmeasure.org', code: 'g/L' },
    },
    {
      resourceType: 'MedicationStatement', id: 'nl-osimertinib', meta: { profile: [`${NL}nl-core-MedicationUse2`] }, status: 'active', subject,
      effectivePeriod: { start: '2025-04-01' },
      medicationCodeableConcept: both(
        { system: 'urn:oid:2.16.840.1.113883.2.4.4.10', code: '123456', display: 'OSIMERTINIB TABLET 80MG' },
        { system: 'http://www.whocc.no/atc', code: 'L01EB04' },
      ),
    },
    // Only a G-Standaard code: cannot be classified offline, so it is reported, never guessed.
    {
      resourceType: 'MedicationStatement', id: 'nl-hpk-only', meta: { profile: [`${NL}nl-core-MedicationUse2`] }, status: 'active', subject,
      effectivePeriod: { start: '2026-11-01' },
      medicationCodeableConcept: cc('urn:oid:2.16.840.1.113883.2.4.4.7', '1234567', 'DEXAMETHASON TABLET 4MG'),
    },
  ]);
}

/** A US record (mCODE / US Core shapes). */
export function mcodeBundle(flavour: 'us' | 'epic' = 'us'): Bundle {
  const p = flavour;
  const specimen = { reference: `Specimen/${p}-csf-1` };
  const kpsValue = flavour === 'epic' ? { valueQuantity: { value: 80, unit: '%' } } : { valueInteger: 80 };
  return bundle([
    { resourceType: 'Patient', id: PATIENT, gender: 'female', birthDate: '1961-05-02' },
    {
      resourceType: 'Condition', id: `${p}-primary`, meta: { profile: [`${MCODE}mcode-primary-cancer-condition`] }, clinicalStatus: clinical, verificationStatus: confirmed,
      code: both({ system: S, code: '254637007', display: 'Non-small cell lung cancer' }, { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'C34.90' }),
      subject, onsetDateTime: '2025-03-01',
    },
    {
      resourceType: 'Condition', id: `${p}-lm`, meta: { profile: [`${MCODE}mcode-secondary-cancer-condition`] }, clinicalStatus: clinical, verificationStatus: confirmed,
      code: cc('http://hl7.org/fhir/sid/icd-10-cm', 'C79.32', 'Secondary malignant neoplasm of cerebral meninges'), subject, onsetDateTime: '2026-11-21',
    },
    ...shared(p),
    { resourceType: 'Observation', id: `${p}-kps`, status: 'final', code: cc(L, '89243-0', 'Karnofsky Performance Status score'), subject, effectiveDateTime: '2026-11-20', ...kpsValue },
    { resourceType: 'Specimen', id: `${p}-csf-1`, type: cc('http://terminology.hl7.org/CodeSystem/v2-0487', 'CSF', 'Cerebral Spinal Fluid'), subject },
    { resourceType: 'Observation', id: `${p}-cytology`, status: 'final', code: cc(L, '47523-6'), subject, effectiveDateTime: '2026-11-21', specimen, valueCodeableConcept: cc(L, 'LA6576-8', 'Positive') },
    { resourceType: 'Observation', id: `${p}-leuko`, status: 'final', code: cc(L, '26465-5'), subject, effectiveDateTime: '2026-11-21', specimen, valueQuantity: { value: 12, unit: '/uL', system: 'http://unitsofmeasure.org', code: '/uL' } },
    { resourceType: 'Observation', id: `${p}-protein`, status: 'final', code: cc(L, '2880-3'), subject, effectiveDateTime: '2026-11-21', specimen, valueQuantity: { value: 90, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' } },
    {
      resourceType: 'MedicationRequest', id: `${p}-osimertinib`, status: 'active', intent: 'order', subject, authoredOn: '2025-04-01',
      medicationCodeableConcept: { ...cc('http://www.nlm.nih.gov/research/umls/rxnorm', '1721567'), text: flavour === 'epic' ? 'OSIMERTINIB 80 MG PO TABS' : 'osimertinib 80 MG Oral Tablet' },
    },
  ]);
}

const KEYS = ['patient', 'conditions', 'observations', 'specimens', 'medicationStatements', 'medicationRequests'] as const;
const TYPE_OF: Record<(typeof KEYS)[number], string> = {
  patient: 'Patient', conditions: 'Condition', observations: 'Observation', specimens: 'Specimen', medicationStatements: 'MedicationStatement', medicationRequests: 'MedicationRequest',
};

/** An Epic-style patient-view request: prefetch per template key (the Patient alone, searchset Bundles for the rest). */
export function epicRequest(fhirServer = 'https://fhir.epic.example/interconnect-fhir/api/FHIR/R4'): Record<string, unknown> {
  const all = (mcodeBundle('epic').entry ?? []).map((e) => e.resource!);
  const prefetch = Object.fromEntries(KEYS.map((k) => {
    const found = all.filter((r) => r.resourceType === TYPE_OF[k]);
    if (k === 'patient') return [k, found[0]];
    return [k, { resourceType: 'Bundle', type: 'searchset', total: found.length, entry: found.map((resource) => ({ fullUrl: `${fhirServer}/${resource.resourceType}/${resource.id}`, resource, search: { mode: 'match' } })) }];
  }));
  return {
    hook: 'patient-view', hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea', fhirServer,
    context: { userId: 'Practitioner/epic-practitioner-1', patientId: PATIENT, encounterId: 'epic-encounter-1' }, prefetch,
  };
}

/** The case all three must map to. */
export const EXPECTED_CASE = {
  primaryTumour: 'nsclc', knownCancer: true, markers: { egfr: 'mutant' }, symptoms: ['headache', 'confusion'],
  mri: { done: true, date: '2026-11-18', regions: ['brain'], findings: ['linear-sulcal'] },
  lumbarPunctures: [{ date: '2026-11-21', cytology: 'positive', leukocytes: 12, protein: 0.9 }],
  performance: { kps: 80 }, therapies: { current: ['egfr-tki'] },
};
