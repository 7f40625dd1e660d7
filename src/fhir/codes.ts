// Every code the FHIR mapping reads, with its system and whether terminology.md verified it.
import type { PrimaryTumour, Symptom, MriFinding, TherapyClass } from '../index.js';

export const SYSTEM = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  /** ICD-10 NL (Dutch translation; Nictiz nl-core Problem, DHD Diagnosethesaurus mappings). */
  icd10nl: 'http://hl7.org/fhir/sid/icd-10-nl',
  /** G-Standaard (Z-Index) product codes: PRK prescription product, HPK trade product, GPK generic product. */
  gstandaardPrk: 'urn:oid:2.16.840.1.113883.2.4.4.10',
  gstandaardHpk: 'urn:oid:2.16.840.1.113883.2.4.4.7',
  gstandaardGpk: 'urn:oid:2.16.840.1.113883.2.4.4.1',
  icdo3: 'http://terminology.hl7.org/CodeSystem/icd-o-3',
  hgnc: 'http://www.genenames.org',
  atc: 'http://www.whocc.no/atc',
  v20487: 'http://terminology.hl7.org/CodeSystem/v2-0487',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  local: 'https://leptoguide.example/fhir/CodeSystem/lm',
} as const;

export type Verification = 'sourced' | 'unverified' | 'local';

export interface CodeRef {
  readonly system: string;
  readonly code: string;
  readonly display: string;
  readonly status: Verification;
}

const loinc = (code: string, display: string, status: Verification = 'sourced'): CodeRef => ({ system: SYSTEM.loinc, code, display, status });
const snomed = (code: string, display: string, status: Verification = 'sourced'): CodeRef => ({ system: SYSTEM.snomed, code, display, status });
const local = (code: string, display: string): CodeRef => ({ system: SYSTEM.local, code, display, status: 'local' });

/** Observation codes, by the case field (or group of fields) they fill. */
export const OBSERVATION_CODES = {
  kps: [loinc('89243-0', 'Karnofsky Performance Status score'), snomed('761869008', 'Karnofsky Performance Status score (observable entity)')],
  ecog: [loinc('89247-1', 'ECOG Performance Status score'), snomed('423740007', 'Eastern Cooperative Oncology Group performance status (observable entity)')],
  csfLeukocytes: [
    loinc('26465-5', 'Leukocytes [#/volume] in Cerebral spinal fluid'),
    loinc('806-0', 'Leukocytes [#/volume] in Cerebral spinal fluid by Manual count'),
    loinc('805-2', 'Leukocytes [#/volume] in Cerebral spinal fluid by Automated count'),
  ],
  csfProtein: [loinc('2880-3', 'Protein [Mass/volume] in Cerebral spinal fluid')],
  csfGlucose: [loinc('2342-4', 'Glucose [Mass/volume] in Cerebral spinal fluid')],
  csfAfp: [
    loinc('1833-3', 'Alpha-1-Fetoprotein [Mass/volume] in Cerebral spinal fluid'),
    loinc('59564-5', 'Alpha-1-Fetoprotein [Units/volume] in Cerebral spinal fluid'),
  ],
  csfBetaHcg: [local('csf-beta-hcg', 'Beta-hCG in cerebrospinal fluid (interpreted)')],
  csfOpeningPressure: [local('csf-opening-pressure', 'CSF opening pressure (cmH2O)')],
  csfCtc: [local('csf-ctc', 'Circulating tumour cells in cerebrospinal fluid')],
  csfCytology: [
    local('csf-cytology', 'Cerebrospinal fluid cytology verdict'),
    loinc('47523-6', 'Cytology report of Body fluid Cyto stain (with a CSF specimen)', 'sourced'),
  ],
  her2: [
    loinc('48676-1', 'HER2 [Interpretation] in Tissue'),
    loinc('18474-7', 'HER2 Ag [Presence] in Tissue by Immune stain'),
    loinc('85319-2', 'HER2 [Presence] in Breast cancer specimen by Immune stain'),
    loinc('85318-4', 'HER2 [Presence] in Breast cancer specimen by FISH'),
  ],
  oestrogenReceptor: [
    loinc('16112-5', 'Estrogen receptor [Interpretation] in Tissue'),
    loinc('40556-3', 'Estrogen receptor Ag [Presence] in Tissue by Immune stain'),
  ],
  progesteroneReceptor: [
    loinc('16113-3', 'Progesterone receptor [Interpretation] in Tissue'),
    loinc('40557-1', 'Progesterone receptor Ag [Presence] in Tissue by Immune stain'),
  ],
  pdl1Tps: [loinc('83053-9', 'PD-L1 cells/100 viable tumor cells in Tissue by Immune stain (TPS)')],
  variant: [loinc('69548-6', 'Genetic variant assessment', 'unverified')],
  mri: [local('mri-lm', 'Gadolinium MRI for leptomeningeal metastases')],
  symptom: [local('symptom', 'Symptom present (value: a local symptom code)')],
  biopsy: [local('leptomeningeal-biopsy', 'Leptomeningeal biopsy result')],
} as const satisfies Record<string, readonly CodeRef[]>;

export type ObservationKind = keyof typeof OBSERVATION_CODES;

/** Components of a genomics variant Observation. */
export const COMPONENT = {
  geneStudied: loinc('48018-6', 'Gene studied [ID]'),
  dnaChange: loinc('48004-6', 'DNA change (c.HGVS)'),
  aminoAcidChange: loinc('48005-3', 'Amino acid change (pHGVS)', 'unverified'),
} as const;

export const GENES = {
  egfr: { system: SYSTEM.hgnc, code: 'HGNC:3236', display: 'EGFR', status: 'unverified' },
  alk: { system: SYSTEM.hgnc, code: 'HGNC:427', display: 'ALK', status: 'unverified' },
  braf: { system: SYSTEM.hgnc, code: 'HGNC:1097', display: 'BRAF', status: 'unverified' },
  kras: { system: SYSTEM.hgnc, code: 'HGNC:6407', display: 'KRAS', status: 'unverified' },
} as const satisfies Record<string, CodeRef>;
export type Gene = keyof typeof GENES;

/** Answers meaning positive / present, negative / absent. */
export const ANSWERS = {
  positive: [
    loinc('LA6576-8', 'Positive', 'unverified'), loinc('LA9633-4', 'Present', 'unverified'),
    snomed('10828004', 'Positive', 'unverified'), snomed('52101004', 'Present'),
    { system: SYSTEM.interpretation, code: 'POS', display: 'Positive', status: 'unverified' }, local('positive', 'Positive'),
  ],
  negative: [
    loinc('LA6577-6', 'Negative', 'unverified'), loinc('LA9634-2', 'Absent', 'unverified'),
    snomed('260385009', 'Negative', 'unverified'), snomed('2667000', 'Absent'),
    { system: SYSTEM.interpretation, code: 'NEG', display: 'Negative', status: 'unverified' }, local('negative', 'Negative'),
  ],
  equivocal: [snomed('82334004', 'Indeterminate'), local('equivocal', 'Equivocal (suspicious or atypical cells)')],
  raised: [
    { system: SYSTEM.interpretation, code: 'H', display: 'High', status: 'unverified' },
    { system: SYSTEM.interpretation, code: 'HH', display: 'Critical high', status: 'unverified' }, local('raised', 'Raised'),
  ],
  normal: [{ system: SYSTEM.interpretation, code: 'N', display: 'Normal', status: 'unverified' }, local('normal', 'Normal')],
} as const satisfies Record<string, readonly CodeRef[]>;

/** ECOG answers: LOINC answer list and SNOMED grades. */
export const ECOG_ANSWERS: readonly (CodeRef & { readonly grade: number })[] = [
  { ...loinc('LA9622-7', 'ECOG 0'), grade: 0 }, { ...loinc('LA9623-5', 'ECOG 1', 'unverified'), grade: 1 },
  { ...loinc('LA9624-3', 'ECOG 2', 'unverified'), grade: 2 }, { ...loinc('LA9625-0', 'ECOG 3', 'unverified'), grade: 3 },
  { ...loinc('LA9626-8', 'ECOG 4', 'unverified'), grade: 4 }, { ...loinc('LA9627-6', 'ECOG 5', 'unverified'), grade: 5 },
  { ...snomed('425389002', 'ECOG 0'), grade: 0 }, { ...snomed('422512005', 'ECOG 1'), grade: 1 },
  { ...snomed('422894000', 'ECOG 2'), grade: 2 }, { ...snomed('423053003', 'ECOG 3'), grade: 3 },
  { ...snomed('423237006', 'ECOG 4'), grade: 4 }, { ...snomed('423409001', 'ECOG 5'), grade: 5 },
];

/** Karnofsky answers: the LOINC answer list of 89243-0 (LA29175-9 = 100 … LA29184-1 = 10; LA9627-6 = 0, dead). */
export const KPS_ANSWERS: readonly (CodeRef & { readonly score: number })[] = [
  ...(['LA29175-9', 'LA29176-7', 'LA29177-5', 'LA29178-3', 'LA29179-1', 'LA29180-9', 'LA29181-7', 'LA29182-5', 'LA29183-3', 'LA29184-1'] as const)
    .map((code, i) => ({ ...loinc(code, `KPS ${100 - 10 * i}`), score: 100 - 10 * i })),
  { ...loinc('LA9627-6', 'KPS 0: Dead'), score: 0 },
];

/** SNOMED CT disorders for the primary tumour. */
export const PRIMARY_SNOMED: readonly (CodeRef & { readonly tumour: PrimaryTumour })[] = [
  { ...snomed('254837009', 'Malignant neoplasm of breast'), tumour: 'breast' },
  { ...snomed('372244006', 'Malignant melanoma'), tumour: 'melanoma' },
  { ...snomed('254637007', 'Non-small cell lung cancer'), tumour: 'nsclc' },
  { ...snomed('254632001', 'Small cell carcinoma of lung'), tumour: 'sclc' },
];

/** ICD-10 (WHO and -CM) category prefixes for the primary tumour; first match wins. C34 is lung without histology. */
export const PRIMARY_ICD10: readonly { readonly prefix: string; readonly tumour: PrimaryTumour | 'lung'; readonly display: string; readonly status: Verification }[] = [
  { prefix: 'C50', tumour: 'breast', display: 'Malignant neoplasm of breast', status: 'unverified' },
  { prefix: 'C43', tumour: 'melanoma', display: 'Malignant melanoma of skin', status: 'unverified' },
  { prefix: 'C34', tumour: 'lung', display: 'Malignant neoplasm of bronchus and lung (histology needed)', status: 'unverified' },
  { prefix: 'C62', tumour: 'germ-cell', display: 'Malignant neoplasm of testis (assumed germ-cell)', status: 'unverified' },
  { prefix: 'C71', tumour: 'primary-brain', display: 'Malignant neoplasm of brain', status: 'unverified' },
  ...['C81', 'C82', 'C83', 'C84', 'C85', 'C86', 'C88', 'C90', 'C91', 'C92', 'C93', 'C94', 'C95', 'C96'].map((prefix) => ({
    prefix, tumour: 'haematological' as const, display: 'Haematological malignancy', status: 'unverified' as const,
  })),
];

/** Secondary neoplasms: LM itself and brain metastases (ICD-10 and ICD-10-CM). */
export const SECONDARY_ICD10 = {
  lm: [
    { system: SYSTEM.icd10cm, code: 'C79.32', display: 'Secondary malignant neoplasm of cerebral meninges', status: 'sourced' },
    { system: SYSTEM.icd10cm, code: 'C79.49', display: 'Secondary malignant neoplasm of other parts of nervous system (spinal LM)', status: 'unverified' },
    { system: SYSTEM.icd10, code: 'C79.4', display: 'Secondary malignant neoplasm of other and unspecified parts of nervous system', status: 'unverified' },
    { system: SYSTEM.icd10nl, code: 'C79.4', display: 'Secundaire maligne neoplasma van overige en niet-gespecificeerde delen van zenuwstelsel', status: 'unverified' },
  ],
  brain: [
    { system: SYSTEM.icd10cm, code: 'C79.31', display: 'Secondary malignant neoplasm of brain', status: 'sourced' },
  ],
  brainOrMeninges: [
    { system: SYSTEM.icd10, code: 'C79.3', display: 'Secondary malignant neoplasm of brain and cerebral meninges', status: 'unverified' },
    { system: SYSTEM.icd10nl, code: 'C79.3', display: 'Secundaire maligne neoplasma van hersenen en hersenvliezen', status: 'unverified' },
  ],
} as const satisfies Record<string, readonly CodeRef[]>;

/** Breast histology: ICD-O-3 morphology, in Condition.extension (mCODE histology-morphology-behavior) or bodySite-free. */
export const BREAST_HISTOLOGY: readonly (CodeRef & { readonly histology: 'ductal' | 'lobular' })[] = [
  { system: SYSTEM.icdo3, code: '8500/3', display: 'Infiltrating duct carcinoma', status: 'unverified', histology: 'ductal' },
  { system: SYSTEM.icdo3, code: '8520/3', display: 'Lobular carcinoma', status: 'unverified', histology: 'lobular' },
  { ...snomed('82711006', 'Infiltrating duct carcinoma', 'unverified'), histology: 'ductal' },
  { ...snomed('89740008', 'Lobular carcinoma', 'unverified'), histology: 'lobular' },
];
export const HISTOLOGY_EXTENSION = 'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior';

/** CSF as a specimen type. */
export const CSF_SPECIMEN: readonly CodeRef[] = [
  { system: SYSTEM.v20487, code: 'CSF', display: 'Cerebral Spinal Fluid', status: 'sourced' },
  snomed('258450006', 'Cerebrospinal fluid sample'),
];

/** Local codes with no standard: the LeptoGuide CodeSystem (docs/fhir-mapping.md). */
export const LOCAL_SYMPTOMS: readonly Symptom[] = [
  'headache', 'nausea-vomiting', 'confusion', 'ataxia', 'cranial-nerve-deficit',
  'radicular-syndrome', 'radicular-pain', 'cauda-equina', 'visual-complaints',
];
export const LOCAL_MRI_FINDINGS: readonly MriFinding[] = [
  'linear-sulcal', 'cerebellar-folia', 'cranial-nerve', 'spinal-roots', 'nodular',
  'hydrocephalus', 'brain-metastases', 'epidural-extension',
];
export const LOCAL_MRI_REGIONS = ['brain', 'spine'] as const;
export const LOCAL_EANO_TYPES = ['IA', 'IB', 'IC', 'ID', 'IIA', 'IIB', 'IIC', 'IID'] as const;
export const LOCAL_MRI_PATTERNS = ['A', 'B', 'C', 'D-hydrocephalus', 'D-normal'] as const;
export const LOCAL_CERTAINTY = ['confirmed', 'probable', 'possible', 'lacking-evidence'] as const;
export const LOCAL_CATEGORIES = ['category-1', 'category-2', 'category-3'] as const;
export const LOCAL_CYTOLOGY = ['positive', 'negative', 'equivocal', 'not-done'] as const;

/** G-Standaard code systems: a medication coded only with these cannot be classified offline (reported, never guessed). */
export const GSTANDAARD_SYSTEMS: readonly string[] = [SYSTEM.gstandaardPrk, SYSTEM.gstandaardHpk, SYSTEM.gstandaardGpk];

/** Dutch spellings of generic names (G-Standaard product names), where they differ from the English ones below. */
export const DUTCH_NAMES: Readonly<Record<string, string>> = {
  cisplatin: 'cisplatine', carboplatin: 'carboplatine', methotrexate: 'methotrexaat', eribulin: 'eribuline', letrozole: 'letrozol',
  anastrozole: 'anastrozol', exemestane: 'exemestaan', etoposide: 'etoposide', temozolomide: 'temozolomide',
};

/** Drugs by therapy class: ATC code (unverified, from the WHO ATC index) and generic names matched in text. */
export const DRUGS: readonly { readonly name: string; readonly atc: string; readonly therapy: TherapyClass }[] = [
  ...([['trastuzumab', 'L01FD01'], ['pertuzumab', 'L01FD02'], ['trastuzumab emtansine', 'L01FD03'], ['trastuzumab deruxtecan', 'L01FD04'],
    ['lapatinib', 'L01EH01'], ['neratinib', 'L01EH02'], ['tucatinib', 'L01EH03']] as const).map(([name, atc]) => ({ name, atc, therapy: 'her2-directed' as const })),
  { name: 'capecitabine', atc: 'L01BC06', therapy: 'capecitabine' },
  ...([['vemurafenib', 'L01EC01'], ['dabrafenib', 'L01EC02'], ['encorafenib', 'L01EC03'], ['trametinib', 'L01EE01'], ['cobimetinib', 'L01EE02'],
    ['binimetinib', 'L01EE03']] as const).map(([name, atc]) => ({ name, atc, therapy: 'braf-mek-inhibitor' as const })),
  ...([['nivolumab', 'L01FF01'], ['pembrolizumab', 'L01FF02'], ['durvalumab', 'L01FF03'], ['atezolizumab', 'L01FF05'], ['ipilimumab', 'L01FX04']] as const)
    .map(([name, atc]) => ({ name, atc, therapy: 'checkpoint-inhibitor' as const })),
  ...([['gefitinib', 'L01EB01'], ['erlotinib', 'L01EB02'], ['afatinib', 'L01EB03'], ['osimertinib', 'L01EB04'], ['dacomitinib', 'L01EB07']] as const)
    .map(([name, atc]) => ({ name, atc, therapy: 'egfr-tki' as const })),
  ...([['crizotinib', 'L01ED01'], ['ceritinib', 'L01ED02'], ['alectinib', 'L01ED03'], ['brigatinib', 'L01ED04'], ['lorlatinib', 'L01ED05']] as const)
    .map(([name, atc]) => ({ name, atc, therapy: 'alk-tki' as const })),
  ...([['sotorasib', 'L01XX73'], ['adagrasib', 'L01XX77']] as const).map(([name, atc]) => ({ name, atc, therapy: 'kras-g12c-inhibitor' as const })),
  ...([['cisplatin', 'L01XA01'], ['carboplatin', 'L01XA02'], ['pemetrexed', 'L01BA04'], ['methotrexate', 'L01BA01'], ['paclitaxel', 'L01CD01'],
    ['docetaxel', 'L01CD02'], ['etoposide', 'L01CB01'], ['temozolomide', 'L01AX03'], ['cytarabine', 'L01BC01'], ['topotecan', 'L01CE01'],
    ['gemcitabine', 'L01BC05'], ['vinorelbine', 'L01CA04'], ['eribulin', 'L01XX41']] as const)
    .map(([name, atc]) => ({ name, atc, therapy: 'chemotherapy' as const })),
  ...([['tamoxifen', 'L02BA01'], ['fulvestrant', 'L02BA03'], ['anastrozole', 'L02BG03'], ['letrozole', 'L02BG04'], ['exemestane', 'L02BG06']] as const)
    .map(([name, atc]) => ({ name, atc, therapy: 'hormonal-therapy' as const })),
];

export function sameCode(a: { system?: string; code?: string }, b: { system: string; code: string }): boolean {
  return a.system === b.system && a.code === b.code;
}
