// Writes the mCODE-style test bundles in this folder (node test/fhir/bundles/generate.mjs). Edit here, not in the JSON.
import { writeFileSync } from 'node:fs';
const L = 'http://loinc.org', S = 'http://snomed.info/sct', LOC = 'https://leptoguide.example/fhir/CodeSystem/lm';
const ICD = 'http://hl7.org/fhir/sid/icd-10-cm', ICDW = 'http://hl7.org/fhir/sid/icd-10', UCUM = 'http://unitsofmeasure.org';
const MC = 'http://hl7.org/fhir/us/mcode/StructureDefinition/';
const GEN = 'http://hl7.org/fhir/uv/genomics-reporting/StructureDefinition/';
const lab = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }];
const survey = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] }];
const imaging = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'imaging' }] }];
const activeC = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] };
const ver = (c) => ({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: c }] });
const cc = (system, code, display) => ({ coding: [{ system, code, display }], text: display });

function make(pid, name, gender, birth) {
  const res = [{ resourceType: 'Patient', id: pid, meta: { profile: [MC + 'mcode-cancer-patient'] }, identifier: [{ system: 'urn:oid:2.16.840.1.113883.2.4.6.3', value: '99990' + pid.length }], name: [{ family: name[0], given: [name[1]] }], gender, birthDate: birth }];
  const subject = { reference: `Patient/${pid}` };
  let n = 0;
  const id = (p) => `${pid}-${p}-${++n}`;
  const api = {
    res,
    primary(system, code, display, date, opts = {}) {
      res.push({ resourceType: 'Condition', id: id('primary'), meta: { profile: [MC + 'mcode-primary-cancer-condition'] }, clinicalStatus: activeC, verificationStatus: ver(opts.ver ?? 'confirmed'),
        category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }] }],
        code: cc(system, code, display), subject, onsetDateTime: date, recordedDate: date,
        ...(opts.histology ? { extension: [{ url: MC + 'mcode-histology-morphology-behavior', valueCodeableConcept: cc(S, opts.histology[0], opts.histology[1]) }] } : {}) });
    },
    secondary(system, code, display, date) {
      res.push({ resourceType: 'Condition', id: id('secondary'), meta: { profile: [MC + 'mcode-secondary-cancer-condition'] }, clinicalStatus: activeC, verificationStatus: ver('confirmed'), code: cc(system, code, display), subject, onsetDateTime: date });
    },
    symptom(code, date, status = 'active') {
      res.push({ resourceType: 'Condition', id: id('symptom'), clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: status }] },
        category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }] }], code: cc(LOC, code, code), subject, onsetDateTime: date });
    },
    obs(p, code, date, value, extra = {}) {
      const o = { resourceType: 'Observation', id: id(p), status: 'final', category: extra.category ?? lab, code, subject, effectiveDateTime: date, ...value };
      delete extra.category;
      Object.assign(o, extra);
      res.push(o);
      return o;
    },
    kps(v, date) { return api.obs('kps', cc(L, '89243-0', 'Karnofsky Performance Status score'), date, { valueInteger: v }, { category: survey, meta: { profile: [MC + 'mcode-karnofsky-performance-status'] } }); },
    ecog(v, date) { return api.obs('ecog', cc(L, '89247-1', 'ECOG Performance Status score'), date, { valueInteger: v }, { category: survey, meta: { profile: [MC + 'mcode-ecog-performance-status'] } }); },
    specimen(date) {
      const sid = id('csf');
      res.push({ resourceType: 'Specimen', id: sid, type: cc('http://terminology.hl7.org/CodeSystem/v2-0487', 'CSF', 'Cerebral Spinal Fluid'), subject, collection: { collectedDateTime: date, method: cc(S, '277762005', 'Lumbar puncture') } });
      return { reference: `Specimen/${sid}` };
    },
    csf(date, { leu, protein, glucose, cytology, afp, sp }) {
      const specimen = sp ?? api.specimen(date);
      if (leu !== undefined) api.obs('csf-leu', cc(L, '26465-5', 'Leukocytes [#/volume] in Cerebral spinal fluid'), date, { valueQuantity: { value: leu, unit: '/uL', system: UCUM, code: '/uL' } }, { specimen });
      if (protein !== undefined) api.obs('csf-prot', cc(L, '2880-3', 'Protein [Mass/volume] in Cerebral spinal fluid'), date, { valueQuantity: protein }, { specimen });
      if (glucose !== undefined) api.obs('csf-glu', cc(L, '2342-4', 'Glucose [Mass/volume] in Cerebral spinal fluid'), date, { valueQuantity: glucose }, { specimen });
      if (afp !== undefined) api.obs('csf-afp', cc(L, '1833-3', 'Alpha-1-Fetoprotein [Mass/volume] in Cerebral spinal fluid'), date, { valueQuantity: { value: afp, unit: 'ug/L', system: UCUM, code: 'ug/L' }, referenceRange: [{ high: { value: 1.5, unit: 'ug/L', system: UCUM, code: 'ug/L' } }] }, { specimen });
      if (cytology !== undefined) api.obs('csf-cyto', cc(L, '47523-6', 'Cytology report of Body fluid Cyto stain'), date, { valueCodeableConcept: cc(LOC, cytology, cytology) }, { specimen });
    },
    marker(p, code, display, date, answer) {
      const a = answer === 'positive' ? cc(L, 'LA6576-8', 'Positive') : cc(L, 'LA6577-6', 'Negative');
      return api.obs(p, cc(L, code, display), date, { valueCodeableConcept: a }, { meta: { profile: [MC + 'mcode-tumor-marker-test'] } });
    },
    pdl1(v, date) { return api.obs('pdl1', cc(L, '83053-9', 'Cells.programmed cell death ligand 1/100 viable tumor cells in Tissue by Immune stain'), date, { valueQuantity: { value: v, unit: '%', system: UCUM, code: '%' } }, { meta: { profile: [MC + 'mcode-tumor-marker-test'] } }); },
    variant(gene, hgnc, present, date, { aa, dna, specimen } = {}) {
      const component = [{ code: cc(L, '48018-6', 'Gene studied [ID]'), valueCodeableConcept: cc('http://www.genenames.org', hgnc, gene) }];
      if (dna) component.push({ code: cc(L, '48004-6', 'DNA change (c.HGVS)'), valueCodeableConcept: { coding: [{ system: 'http://varnomen.hgvs.org', code: dna }] } });
      if (aa) component.push({ code: cc(L, '48005-3', 'Amino acid change (pHGVS)'), valueCodeableConcept: { coding: [{ system: 'http://varnomen.hgvs.org', code: aa }] } });
      return api.obs('variant', cc(L, '69548-6', 'Genetic variant assessment'), date, { valueCodeableConcept: present ? cc(L, 'LA9633-4', 'Present') : cc(L, 'LA9634-2', 'Absent') },
        { meta: { profile: [GEN + 'variant'] }, category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }], component, ...(specimen ? { specimen } : {}) });
    },
    mri(date, findings, regions = ['brain', 'spine']) {
      return api.obs('mri', cc(LOC, 'mri-lm', 'Gadolinium MRI for leptomeningeal metastases'), date, {},
        { category: imaging, bodySite: { coding: regions.map((r) => ({ system: LOC, code: r, display: r })) },
          component: findings.map(([f, v]) => ({ code: cc(LOC, f, f), valueBoolean: v })) });
    },
    med(kind, drug, atc, status, date, end) {
      const medicationCodeableConcept = { coding: [{ system: 'http://www.whocc.no/atc', code: atc, display: drug }], text: drug };
      if (kind === 'MedicationStatement') res.push({ resourceType: kind, id: id('medstat'), status, medicationCodeableConcept, subject, effectivePeriod: { start: date, ...(end ? { end } : {}) } });
      else res.push({ resourceType: kind, id: id('medreq'), status, intent: 'order', medicationCodeableConcept, subject, authoredOn: date });
    },
  };
  return api;
}
const bundle = (id, res) => ({ resourceType: 'Bundle', id, type: 'collection', entry: res.map((r) => ({ fullUrl: `urn:uuid:${r.id}`, resource: r })) });
const mg = (v) => ({ value: v, unit: 'mg/dL', system: UCUM, code: 'mg/dL' });
const gl = (v) => ({ value: v, unit: 'g/L', system: UCUM, code: 'g/L' });
const mmol = (v) => ({ value: v, unit: 'mmol/L', system: UCUM, code: 'mmol/L' });
const out = {};

// 1. Breast HER2+: stale and conflicting KPS, two punctures, the first negative.
{ const p = make('breast-her2', ['Jansen', 'Anna'], 'female', '1968-04-12');
  p.primary(S, '254837009', 'Malignant neoplasm of breast', '2021-03-02', { histology: ['82711006', 'Infiltrating duct carcinoma'] });
  p.marker('her2', '48676-1', 'HER2 [Interpretation] in Tissue', '2021-03-10', 'positive');
  p.marker('er', '16112-5', 'Estrogen receptor [Interpretation] in Tissue', '2021-03-10', 'positive');
  p.marker('pr', '16113-3', 'Progesterone receptor [Interpretation] in Tissue', '2021-03-10', 'negative');
  p.kps(90, '2025-06-01'); p.kps(60, '2026-10-20'); p.kps(80, '2026-11-20');
  p.symptom('headache', '2026-11-01'); p.symptom('cranial-nerve-deficit', '2026-11-10');
  p.csf('2026-11-12', { leu: 3, protein: gl(0.45), glucose: mmol(3.1), cytology: 'negative' });
  p.csf('2026-11-19', { leu: 12, protein: mg(89), glucose: mg(40), cytology: 'positive' });
  p.mri('2026-11-15', [['linear-sulcal', true], ['nodular', true], ['hydrocephalus', false]]);
  p.secondary(ICD, 'C79.32', 'Secondary malignant neoplasm of cerebral meninges', '2026-11-19');
  p.med('MedicationStatement', 'trastuzumab deruxtecan', 'L01FD04', 'active', '2026-06-01');
  p.med('MedicationStatement', 'capecitabine', 'L01BC06', 'completed', '2024-01-01', '2025-01-01');
  out['breast-her2-positive'] = bundle('breast-her2-positive', p.res); }

// 2. Breast triple negative, lobular, ECOG only, equivocal cytology, MedicationRequest.
{ const p = make('breast-tn', ['de Vries', 'Els'], 'female', '1975-09-30');
  p.primary(ICD, 'C50.912', 'Malignant neoplasm of unspecified site of left female breast', '2022-05-01', { histology: ['89740008', 'Lobular carcinoma'] });
  p.marker('her2', '85319-2', 'HER2 [Presence] in Breast cancer specimen by Immune stain', '2022-05-10', 'negative');
  p.marker('er', '40556-3', 'Estrogen receptor Ag [Presence] in Tissue by Immune stain', '2022-05-10', 'negative');
  p.marker('pr', '40557-1', 'Progesterone receptor Ag [Presence] in Tissue by Immune stain', '2022-05-10', 'negative');
  p.ecog(1, '2026-11-18');
  p.csf('2026-11-16', { leu: 5, protein: gl(0.62), cytology: 'equivocal' });
  p.med('MedicationRequest', 'capecitabine', 'L01BC06', 'active', '2026-09-01');
  p.symptom('radicular-pain', '2026-11-02'); p.symptom('headache', '2026-01-02', 'resolved');
  out['breast-triple-negative'] = bundle('breast-triple-negative', p.res); }

// 3. NSCLC EGFR (genomics variant), PD-L1, ALK absent; conflicting same-day ECOG; CSF liquid biopsy.
{ const p = make('nsclc-egfr', ['Bakker', 'Piet'], 'male', '1959-02-17');
  p.primary(S, '254637007', 'Non-small cell lung cancer', '2024-08-20');
  p.variant('EGFR', 'HGNC:3236', true, '2024-09-01', { dna: 'NM_005228.5:c.2573T>G', aa: 'p.(Leu858Arg)' });
  p.variant('ALK', 'HGNC:427', false, '2024-09-01');
  p.variant('KRAS', 'HGNC:6407', false, '2024-09-01', { aa: 'p.(Gly12Cys)' });
  p.pdl1(60, '2024-09-01');
  p.kps(50, '2026-11-21');
  p.ecog(2, '2026-11-21'); p.ecog(3, '2026-11-21');
  p.mri('2026-11-20', [['linear-sulcal', true], ['cerebellar-folia', true], ['hydrocephalus', true]], ['brain']);
  const sp = p.specimen('2026-11-22');
  p.csf('2026-11-22', { leu: 8, protein: gl(1.2), sp });
  p.variant('EGFR', 'HGNC:3236', true, '2026-11-22', { aa: 'p.(Thr790Met)', specimen: sp });
  p.med('MedicationStatement', 'osimertinib', 'L01EB04', 'active', '2024-09-15');
  p.symptom('confusion', '2026-11-15'); p.symptom('headache', '2026-11-15');
  out['nsclc-egfr'] = bundle('nsclc-egfr', p.res); }

// 4. NSCLC KRAS G12C, ICD-10-CM lung + SNOMED NSCLC, chemo-immunotherapy, PD-L1 corrected later.
{ const p = make('nsclc-kras', ['Visser', 'Jan'], 'male', '1955-12-01');
  p.primary(ICD, 'C34.11', 'Malignant neoplasm of upper lobe, right bronchus or lung', '2025-02-01');
  p.primary(S, '254637007', 'Non-small cell lung cancer', '2025-02-10');
  p.variant('KRAS', 'HGNC:6407', true, '2025-02-20', { dna: 'NM_004985.5:c.34G>T', aa: 'p.(Gly12Cys)' });
  p.variant('EGFR', 'HGNC:3236', false, '2025-02-20');
  p.pdl1(5, '2025-02-20'); p.pdl1(55, '2025-03-15');
  p.kps(70, '2026-11-10');
  p.med('MedicationStatement', 'pembrolizumab', 'L01FF02', 'active', '2025-03-01');
  p.med('MedicationStatement', 'carboplatin', 'L01XA02', 'active', '2025-03-01');
  p.med('MedicationStatement', 'pemetrexed', 'L01BA04', 'active', '2025-03-01');
  p.csf('2026-11-12', { leu: 2, protein: gl(0.5), glucose: mmol(3.0), cytology: 'negative' });
  out['nsclc-kras-g12c'] = bundle('nsclc-kras-g12c', p.res); }

// 5. Melanoma BRAF V600E, ECOG, normal spine MRI, negative LP, future-dated and cancelled junk.
{ const p = make('melanoma-braf', ['Smit', 'Karin'], 'female', '1980-07-07');
  p.primary(S, '372244006', 'Malignant melanoma', '2023-04-04');
  p.variant('BRAF', 'HGNC:1097', true, '2023-04-20', { dna: 'NM_004333.6:c.1799T>A', aa: 'p.(Val600Glu)' });
  p.ecog(1, '2026-11-19');
  p.symptom('radicular-syndrome', '2026-11-05');
  p.mri('2026-11-18', [['spinal-roots', false], ['nodular', false]], ['spine']);
  p.csf('2026-11-20', { leu: 1, protein: gl(0.4), glucose: mmol(3.4), cytology: 'negative' });
  const fut = p.kps(100, '2027-03-01'); fut.id = 'melanoma-braf-kps-future';
  const canc = p.kps(20, '2026-11-19'); canc.status = 'cancelled';
  p.med('MedicationStatement', 'dabrafenib', 'L01EC02', 'active', '2023-05-01');
  p.med('MedicationStatement', 'trametinib', 'L01EE01', 'active', '2023-05-01');
  out['melanoma-braf-v600'] = bundle('melanoma-braf-v600', p.res); }

// 6. Melanoma, BRAF wild type (non-V600 variant), checkpoint inhibitor, WHO ICD-10.
{ const p = make('melanoma-wt', ['Mulder', 'Kees'], 'male', '1962-03-03');
  p.primary(ICDW, 'C43.5', 'Malignant melanoma of trunk', '2024-01-10');
  p.variant('BRAF', 'HGNC:1097', true, '2024-01-20', { aa: 'p.(Lys601Glu)' });
  p.variant('BRAF', 'HGNC:1097', false, '2024-01-20', { aa: 'p.(Val600Glu)' });
  p.kps(80, '2026-11-15');
  p.med('MedicationStatement', 'nivolumab', 'L01FF01', 'active', '2024-03-01');
  p.med('MedicationStatement', 'ipilimumab', 'L01FX04', 'stopped', '2024-03-01', '2024-06-01');
  out['melanoma-braf-wild-type'] = bundle('melanoma-braf-wild-type', p.res); }

// 7. SCLC with symptoms, provisional diagnosis.
{ const p = make('sclc', ['Bos', 'Henk'], 'male', '1950-10-10');
  p.primary(S, '254632001', 'Small cell carcinoma of lung', '2026-10-01', { ver: 'provisional' });
  p.kps(40, '2026-11-22');
  p.symptom('ataxia', '2026-11-20'); p.symptom('nausea-vomiting', '2026-11-20');
  p.med('MedicationStatement', 'etoposide', 'L01CB01', 'active', '2026-10-10');
  out['sclc-provisional'] = bundle('sclc-provisional', p.res); }

// 8. Germ-cell tumour (testis), CSF AFP raised by reference range.
{ const p = make('germ-cell', ['Peters', 'Tom'], 'male', '1995-05-05');
  p.primary(ICDW, 'C62.9', 'Malignant neoplasm of testis, unspecified', '2025-12-01');
  p.csf('2026-11-18', { leu: 6, afp: 9.8, cytology: 'negative' });
  p.kps(90, '2026-11-18');
  out['germ-cell-afp'] = bundle('germ-cell-afp', p.res); }

// 9. Junk: wrong types, missing codes, serum glucose (trap), blood leukocytes (trap), KPS 75, another patient, unknown resources.
{ const p = make('junk', ['Test', 'Junk'], 'other', '1970-01-01');
  p.primary(S, '254837009', 'Malignant neoplasm of breast', '2020-01-01');
  p.obs('glucose-serum', cc(L, '2345-7', 'Glucose [Mass/volume] in Serum or Plasma'), '2026-11-01', { valueQuantity: mmol(5.5) });
  p.obs('leu-blood', cc(L, '26464-8', 'Leukocytes [#/volume] in Blood'), '2026-11-01', { valueQuantity: { value: 7.2, unit: '10*3/uL', system: UCUM, code: '10*3/uL' } });
  p.kps(75, '2026-11-10');
  p.obs('csf-prot-nounit', cc(L, '2880-3', 'Protein [Mass/volume] in Cerebral spinal fluid'), '2026-11-10', { valueQuantity: { value: 3, unit: 'furlongs', system: UCUM, code: '[fur]' } });
  p.obs('csf-glu-nodate', cc(L, '2342-4', 'Glucose [Mass/volume] in Cerebral spinal fluid'), undefined, { valueQuantity: mmol(2) });
  p.obs('her2-text', cc(L, '48676-1', 'HER2 [Interpretation] in Tissue'), '2020-01-10', { valueString: 'unclear, repeat' });
  p.obs('ecog-absent', cc(L, '89247-1', 'ECOG'), '2026-11-10', { dataAbsentReason: cc('http://terminology.hl7.org/CodeSystem/data-absent-reason', 'not-performed', 'Not Performed') });
  const cyto = p.obs('cyto-pleural', cc(L, '47523-6', 'Cytology report of Body fluid Cyto stain'), '2026-11-10', { valueCodeableConcept: cc(LOC, 'positive', 'positive') });
  cyto.specimen = { display: 'pleural fluid' };
  p.res.push({ resourceType: 'Condition', id: 'junk-no-code', subject: { reference: 'Patient/junk' }, clinicalStatus: activeC, code: { text: 'Pijn op de borst' } });
  p.res.push({ resourceType: 'Observation', id: 'junk-other-patient', status: 'final', code: cc(L, '89243-0', 'KPS'), subject: { reference: 'Patient/someone-else' }, effectiveDateTime: '2026-11-10', valueInteger: 10 });
  p.res.push({ resourceType: 'AllergyIntolerance', id: 'junk-allergy', clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] }, patient: { reference: 'Patient/junk' }, code: { text: 'penicillin' } });
  p.res.push({ resourceType: 'MedicationStatement', id: 'junk-paracetamol', status: 'active', medicationCodeableConcept: cc('http://www.whocc.no/atc', 'N02BE01', 'paracetamol'), subject: { reference: 'Patient/junk' } });
  p.res.push({ resourceType: 'Condition', id: 'junk-refuted', verificationStatus: ver('refuted'), code: cc(S, '372244006', 'Malignant melanoma'), subject: { reference: 'Patient/junk' } });
  out['junk'] = bundle('junk', p.res); }

for (const [k, v] of Object.entries(out)) writeFileSync(`${import.meta.dirname}/${k}.json`, JSON.stringify(v, null, 1) + '\n');
console.log(Object.keys(out));
