import { and, known, or } from '../engine/tri.js';
import type { PredicateDef, Text, Tri } from '../engine/types.js';
import type { MriFinding, Symptom, TherapyClass } from './case-schema.js';
import type { LmFacts, Option } from './facts.js';

// Small named pure predicates over the derived facts. Three-valued: null = unknown.

type K = keyof LmFacts & string;
const p = (en: string, nl: string, uses: K[], test: (f: LmFacts) => Tri): PredicateDef<LmFacts> => ({
  label: { nl, en } satisfies Text,
  uses,
  test,
});

export const SUSPECT_SYMPTOMS: readonly Symptom[] = [
  'headache', 'nausea-vomiting', 'confusion', 'ataxia', 'cranial-nerve-deficit',
  'radicular-syndrome', 'radicular-pain', 'cauda-equina',
];
const SPINAL: readonly Symptom[] = ['radicular-syndrome', 'radicular-pain', 'cauda-equina'];
const CEREBRAL = SUSPECT_SYMPTOMS.filter((s) => !SPINAL.includes(s));
const CSF_CIRCULATION: readonly Symptom[] = ['headache', 'nausea-vomiting', 'visual-complaints'];
const LINEAR: readonly MriFinding[] = ['linear-sulcal', 'cerebellar-folia', 'cranial-nerve', 'spinal-roots'];
const LINEAR_CEREBRAL: readonly MriFinding[] = ['linear-sulcal', 'cerebellar-folia', 'cranial-nerve'];
const VISIBLE: readonly MriFinding[] = ['nodular', 'cranial-nerve', 'spinal-roots'];
const SOLID = ['breast', 'melanoma', 'nsclc', 'sclc', 'germ-cell', 'other-solid'];

const hasAny = <T>(xs: readonly T[] | null, ys: readonly T[]): Tri => known(xs, (v) => v.some((x) => ys.includes(x)));
const finding = (f: MriFinding) => (x: LmFacts): Tri => known(x.mriFindings, (v) => v.includes(f));
const primaryIs = (...ts: string[]) => (f: LmFacts): Tri => known(f.primary, (v) => ts.includes(v));
const failed = (c: TherapyClass) => (f: LmFacts): Tri => f.progressedOn.includes(c);
const consensus = (key: 'meaningful' | 'rapid' | 'exception') => (f: LmFacts): Tri => {
  const vs = f.optionCandidates.map((o) => (o as Option | null)?.[key] ?? false);
  if (vs.length === 0) return null;
  return vs.every((v) => v) ? true : vs.some((v) => v) ? null : false;
};
const abnormalChemistry = (f: LmFacts): boolean =>
  f.punctures.some((lp) => (lp.leukocytes ?? 0) > 4 || (lp.protein ?? 0) > 0.6 || (lp.glucose ?? Infinity) < 2.5);

function typicalSigns(f: LmFacts): Tri {
  if (f.symptoms === null) return null;
  if (!f.symptoms.some((s) => SUSPECT_SYMPTOMS.includes(s))) return false;
  if (f.explained !== null) return !f.explained;
  return f.mriFindings?.includes('brain-metastases') ? null : true;
}
const suspicion = (f: LmFacts): Tri => or(typicalSigns(f), f.highSuspicion);
const LM_PATTERN: readonly MriFinding[] = [...LINEAR, 'nodular'];
const COMPATIBLE: readonly MriFinding[] = [...LINEAR, 'nodular', 'hydrocephalus'];
const mriTypical = (f: LmFacts): Tri => hasAny(f.mriFindings, LM_PATTERN);
const solidPrimary = primaryIs(...SOLID);
const cytologyPositive = (f: LmFacts): boolean => f.punctures.some((lp) => lp.cytology === 'positive') || f.biopsy === 'positive';
const lmEstablished = (f: LmFacts): Tri => known(f.certainty, (v) => v === 'confirmed' || v === 'probable');

export const OPTION_IDS = [
  'breast-her2', 'breast-capecitabine', 'melanoma-braf', 'melanoma-io', 'nsclc-egfr', 'nsclc-alk',
  'nsclc-io-mono', 'nsclc-chemo-io', 'sclc-chemo', 'other-mdo', 'none',
] as const;
export type OptionId = (typeof OPTION_IDS)[number];
const optionIs = (id: OptionId) => (f: LmFacts): Tri => known(f.option, (o) => o.option === id);

export const predicates = {
  // scope and tumour
  excludedPrimary: p('Named primary is a brain tumour or haematological malignancy', 'Benoemde primaire tumor is hersentumor of hematologisch',
    ['primary'], (f) => f.primary !== null && !SOLID.includes(f.primary)),
  solidPrimary: p('Named solid primary tumour', 'Benoemde solide primaire tumor', ['primary'], solidPrimary),
  breast: p('Breast cancer', 'Mammacarcinoom', ['primary'], primaryIs('breast')),
  melanoma: p('Melanoma', 'Melanoom', ['primary'], primaryIs('melanoma')),
  nsclc: p('Non-small cell lung cancer', 'Niet-kleincellig longcarcinoom', ['primary'], primaryIs('nsclc')),
  sclc: p('Small cell lung cancer', 'Kleincellig longcarcinoom', ['primary'], primaryIs('sclc')),
  germCell: p('Germ-cell tumour', 'Kiemceltumor', ['primary'], primaryIs('germ-cell')),
  otherPrimary: p('Other solid tumour or germ-cell tumour', 'Andere solide tumor of kiemceltumor', ['primary'], primaryIs('germ-cell', 'other-solid')),
  nsclcOrMelanoma: p('NSCLC or melanoma', 'NSCLC of melanoom', ['primary'], primaryIs('nsclc', 'melanoma')),
  knownCancer: p('Known cancer', 'Bekende maligniteit', ['knownCancer'], (f) => f.knownCancer),
  // markers and therapy history
  her2Positive: p('HER2 positive', 'HER2-positief', ['her2'], (f) => known(f.her2, (v) => v === 'positive')),
  brafMutant: p('BRAF V600 mutant', 'BRAF V600-mutatie', ['brafV600'], (f) => known(f.brafV600, (v) => v === 'mutant')),
  brafWildType: p('BRAF wild-type', 'BRAF-wildtype', ['brafV600'], (f) => known(f.brafV600, (v) => v === 'wild-type')),
  driverEgfr: p('EGFR mutation', 'EGFR-mutatie', ['nsclcDriver'], (f) => known(f.nsclcDriver, (v) => v === 'egfr')),
  driverAlk: p('ALK translocation', 'ALK-translocatie', ['nsclcDriver'], (f) => known(f.nsclcDriver, (v) => v === 'alk')),
  driverNone: p('No targetable driver', 'Geen targetable mutatie', ['nsclcDriver'], (f) => known(f.nsclcDriver, (v) => v === 'none')),
  driverKnown: p('EGFR/ALK status known', 'EGFR/ALK-status bekend', ['nsclcDriver'], (f) => f.nsclcDriver !== null),
  krasG12c: p('KRAS G12C mutation', 'KRAS G12C-mutatie', ['krasG12c', 'nsclcDriver'],
    (f) => (f.krasG12c !== null ? f.krasG12c === 'mutant' : f.nsclcDriver === 'egfr' || f.nsclcDriver === 'alk' ? false : null)),
  pdl1Above50: p('PD-L1 TPS above 50%', 'PD-L1 TPS boven 50%', ['pdl1Tps'], (f) => known(f.pdl1Tps, (v) => v > 50)),
  failedHer2: p('Progressing on HER2-directed therapy', 'Progressie op HER2-gerichte therapie', ['progressedOn'], failed('her2-directed')),
  failedCapecitabine: p('Progressing on capecitabine', 'Progressie op capecitabine', ['progressedOn'], failed('capecitabine')),
  failedBraf: p('Progressing on BRAF/MEK inhibition', 'Progressie op BRAF/MEK-remming', ['progressedOn'], failed('braf-mek-inhibitor')),
  failedIo: p('Progressing on checkpoint inhibition', 'Progressie op checkpointremming', ['progressedOn'], failed('checkpoint-inhibitor')),
  failedEgfr: p('Progressing on an EGFR TKI', 'Progressie op EGFR-TKI', ['progressedOn'], failed('egfr-tki')),
  failedAlk: p('Progressing on an ALK TKI', 'Progressie op ALK-TKI', ['progressedOn'], failed('alk-tki')),
  failedChemoIo: p('Progressing on chemo-immunotherapy', 'Progressie op chemo-immunotherapie', ['progressedOn'], failed('chemo-immunotherapy')),
  failedChemo: p('Progressing on chemotherapy', 'Progressie op chemotherapie', ['progressedOn'], failed('chemotherapy')),
  // clinical picture
  workUpStarted: p('Symptoms, suspicion, MRI or CSF on record', 'Symptomen, verdenking, MRI of liquor bekend',
    ['symptoms', 'highSuspicion', 'mriDone', 'punctures', 'biopsy'],
    (f) => (f.symptoms?.length ?? 0) > 0 || f.highSuspicion === true || f.mriDone !== false || f.punctures.length > 0
      || (f.biopsy !== null && f.biopsy !== 'not-done')),
  typicalSigns: p('Symptoms suspicious for LM, not explained by brain metastases', 'Voor LM verdachte symptomen, niet verklaard door hersenmetastasen',
    ['symptoms', 'explained', 'mriFindings'], typicalSigns),
  suspicion: p('Suspicion of LM (typical signs or high clinical suspicion)', 'Verdenking op LM (typische verschijnselen of hoge klinische verdenking)',
    ['symptoms', 'explained', 'mriFindings', 'highSuspicion'], suspicion),
  lpIndicated: p('Persisting suspicion or an MRI showing LM', 'Aanhoudende verdenking of MRI met LM',
    ['symptoms', 'explained', 'mriFindings', 'highSuspicion'], (f) => or(suspicion(f), mriTypical(f))),
  highSuspicion: p('High clinical suspicion', 'Hoge klinische verdenking', ['highSuspicion'], (f) => f.highSuspicion),
  cerebralSymptoms: p('Cerebral symptoms', 'Cerebrale symptomen', ['symptoms'], (f) => hasAny(f.symptoms, CEREBRAL)),
  spinalSymptoms: p('Radicular or cauda equina symptoms', 'Radiculaire of cauda-equinaklachten', ['symptoms'], (f) => hasAny(f.symptoms, SPINAL)),
  csfCirculationSymptoms: p('Signs of disturbed CSF circulation', 'Tekenen van liquorcirculatiestoornis',
    ['symptoms', 'raisedIcp', 'mriFindings'],
    (f) => or(hasAny(f.symptoms, CSF_CIRCULATION), f.raisedIcp, finding('hydrocephalus')(f))),
  hasSymptomaticLocations: p('Symptomatic locations', 'Symptomatische locaties', ['symptomaticLocations'],
    (f) => known(f.symptomaticLocations, (v) => v.length > 0)),
  raisedIcp: p('Signs of raised intracranial pressure', 'Tekenen van verhoogde intracraniële druk', ['raisedIcp'], (f) => f.raisedIcp),
  icpOrHydrocephalus: p('Raised intracranial pressure or hydrocephalus', 'Verhoogde intracraniële druk of hydrocephalus',
    ['raisedIcp', 'mriFindings'], (f) => or(f.raisedIcp, finding('hydrocephalus')(f))),
  // MRI
  mriDone: p('MRI performed', 'MRI verricht', ['mriDone'], (f) => f.mriDone),
  mriTypical: p('MRI shows LM (pattern A, B or C)', 'MRI toont LM (patroon A, B of C)', ['mriFindings'], mriTypical),
  linear: p('Linear enhancement', 'Lineaire aankleuring', ['mriFindings'], (f) => hasAny(f.mriFindings, LINEAR)),
  nodular: p('Nodular (bulky) enhancement', 'Nodulaire (bulky) aankleuring', ['mriFindings'], finding('nodular')),
  hydrocephalus: p('Hydrocephalus', 'Hydrocephalus', ['mriFindings'], finding('hydrocephalus')),
  linearCerebral: p('Linear (diffuse) cerebral LM', 'Lineaire (diffuse) cerebrale LM', ['mriFindings'], (f) => hasAny(f.mriFindings, LINEAR_CEREBRAL)),
  radiologicallyVisible: p('Radiologically visible LM (nodules, cranial-nerve or root enhancement)',
    'Radiologisch zichtbare LM (noduli, hersenzenuw- of wortelaankleuring)', ['mriFindings'], (f) => hasAny(f.mriFindings, VISIBLE)),
  brainMetastases: p('Brain metastases on MRI', 'Hersenmetastasen op MRI', ['mriFindings'], finding('brain-metastases')),
  alternativeCause: p('Brain metastases or epidural extension on MRI', 'Hersenmetastasen of epidurale uitbreiding op MRI',
    ['mriFindings'], (f) => hasAny(f.mriFindings, ['brain-metastases', 'epidural-extension'])),
  mriCompatible: p('MRI findings compatible with LM', 'MRI-bevindingen passend bij LM', ['mriFindings'],
    (f) => hasAny(f.mriFindings, COMPATIBLE)),
  // CSF and biopsy
  cytologyOrBiopsyPositive: p('Malignant cells in CSF or positive leptomeningeal biopsy', 'Maligne cellen in liquor of positief leptomeningeaal biopt',
    ['punctures', 'biopsy'], cytologyPositive),
  anyCytologyResult: p('CSF cytology result available', 'Uitslag liquorcytologie bekend', ['punctures'],
    (f) => f.punctures.some((lp) => lp.cytology !== undefined && lp.cytology !== 'not-done')),
  equivocalCytology: p('Equivocal CSF cytology', 'Twijfelachtige liquorcytologie', ['punctures'], (f) => f.punctures.some((lp) => lp.cytology === 'equivocal')),
  cytologyNotPositive: p('Negative or equivocal CSF cytology', 'Negatieve of twijfelachtige liquorcytologie', ['punctures'],
    (f) => f.punctures.some((lp) => lp.cytology === 'negative' || lp.cytology === 'equivocal')),
  twoNonPositive: p('Two or more punctures without positive cytology', 'Twee of meer puncties zonder positieve cytologie', ['punctures'],
    (f) => f.punctures.filter((lp) => lp.cytology === 'negative' || lp.cytology === 'equivocal').length >= 2),
  abnormalChemistry: p('Pleocytosis, raised protein or low glucose in CSF', 'Pleiocytose, verhoogd eiwit of laag glucose in liquor',
    ['punctures'], abnormalChemistry),
  tumourMarkersIncomplete: p('AFP and β-hCG in CSF not yet both measured', 'AFP en β-hCG in liquor nog niet beide bepaald', ['punctures'],
    (f) => !f.punctures.some((lp) => lp.afp !== undefined && lp.betaHcg !== undefined)),
  // classification
  certaintyProbable: p('LM probable', 'LM waarschijnlijk', ['certainty'], (f) => known(f.certainty, (v) => v === 'probable')),
  eanoTypeKnown: p('EANO–ESMO type can be given', 'EANO–ESMO-type te bepalen', ['mriPattern', 'punctures', 'biopsy', 'certainty'],
    (f) => (cytologyPositive(f) ? true : f.certainty === 'none' ? false : f.mriPattern !== null ? true : null)),
  certaintyGiven: p('EANO–ESMO certainty can be given', 'EANO–ESMO-zekerheid te bepalen', ['certainty'], (f) => known(f.certainty, (v) => v !== 'none')),
  lmEstablished: p('LM confirmed or probable', 'LM bevestigd of waarschijnlijk', ['certainty'], lmEstablished),
  lmEstablishedInScope: p('LM confirmed or probable, solid primary', 'LM bevestigd of waarschijnlijk, solide primaire tumor',
    ['certainty', 'primary'], (f) => and(lmEstablished(f), solidPrimary(f))),
  // performance and category
  perf70: p('KPS ≥ 70 (or fully independent in ADL)', 'KPS ≥ 70 (of volledig zelfstandig in ADL)', ['perf70'], (f) => f.perf70),
  perfFromKps: p('Performance from KPS', 'Performance volgens KPS', ['perfSource'], (f) => f.perfSource === 'kps'),
  perfFromAdl: p('Performance from ADL independence', 'Performance volgens ADL-zelfstandigheid', ['perfSource'], (f) => f.perfSource === 'adl'),
  kps80: p('KPS ≥ 80', 'KPS ≥ 80', ['kps'], (f) => known(f.kps, (v) => v >= 80)),
  encephalopathy: p('Severe encephalopathy', 'Ernstige encefalopathie', ['encephalopathy'], (f) => f.encephalopathy),
  deficit: p('Severe neurological deficit', 'Ernstige neurologische uitval', ['deficit'], (f) => f.deficit),
  threatening: p('Systemic disease threatening', 'Systemische ziekte bedreigend', ['threatening'], (f) => f.threatening),
  resistance: p('Resistance to chemo- or hormonal therapy', 'Resistentie tegen chemo- of hormonale therapie', ['resistance'], (f) => f.resistance),
  progressiveNoOptions: p('Progressive systemic disease without treatment options', 'Progressieve systemische ziekte zonder behandelopties',
    ['systemic'], (f) => known(f.systemic, (v) => v === 'progressive-without-options')),
  category1: p('Category 1', 'Categorie 1', ['category'], (f) => known(f.category, (v) => v === 1)),
  category2: p('Category 2', 'Categorie 2', ['category'], (f) => known(f.category, (v) => v === 2)),
  category3: p('Category 3', 'Categorie 3', ['category'], (f) => known(f.category, (v) => v === 3)),
  categoryKnown: p('Category decided', 'Categorie bepaald', ['category'], (f) => known(f.category, (v) => v !== 'n/a')),
  wbrtCategoryOk: p('Category 1, or cerebral symptoms', 'Categorie 1, of cerebrale symptomen', ['category', 'symptoms'],
    (f) => or(known(f.category, (v) => v === 1), hasAny(f.symptoms, CEREBRAL))),
  // systemic options
  meaningfulOption: p('Meaningful systemic option', 'Zinvolle systemische optie', ['optionCandidates'], consensus('meaningful')),
  rapidOption: p('Rapid meaningful systemic option', 'Snel werkzame zinvolle systemische optie', ['optionCandidates'], consensus('rapid')),
  exceptionOption: p('Rapid targeted option (exception to best supportive care)', 'Snel werkzame gerichte optie (uitzondering op BSC)',
    ['optionCandidates'], consensus('exception')),
  optionBreastHer2: p('Option: HER2-directed therapy', 'Optie: HER2-gerichte therapie', ['option'], optionIs('breast-her2')),
  optionBreastCapecitabine: p('Option: capecitabine', 'Optie: capecitabine', ['option'], optionIs('breast-capecitabine')),
  optionMelanomaBraf: p('Option: BRAF/MEK inhibition', 'Optie: BRAF/MEK-remming', ['option'], optionIs('melanoma-braf')),
  optionMelanomaIo: p('Option: checkpoint inhibition (melanoma)', 'Optie: checkpointremming (melanoom)', ['option'], optionIs('melanoma-io')),
  optionNsclcEgfr: p('Option: osimertinib', 'Optie: osimertinib', ['option'], optionIs('nsclc-egfr')),
  optionNsclcAlk: p('Option: ALK inhibitor', 'Optie: ALK-remmer', ['option'], optionIs('nsclc-alk')),
  optionNsclcIoMono: p('Option: immunotherapy alone', 'Optie: immunotherapie monotherapie', ['option'], optionIs('nsclc-io-mono')),
  optionNsclcChemoIo: p('Option: chemo-immunotherapy', 'Optie: chemo-immunotherapie', ['option'], optionIs('nsclc-chemo-io')),
  optionSclc: p('Option: chemotherapy (SCLC)', 'Optie: chemotherapie (SCLC)', ['option'], optionIs('sclc-chemo')),
  optionOther: p('No tumour-specific option in this guideline', 'Geen tumorspecifieke optie in deze richtlijn', ['option'], optionIs('other-mdo')),
  optionNone: p('Options in the table used up', 'Opties uit de tabel uitgeput', ['option'], optionIs('none')),
  // meta
  revisionDue: p('Evaluation date in or after 2027 (planned revision)', 'Beoordelingsdatum in of na 2027 (geplande revisie)', ['asOf'],
    (f) => known(f.asOf, (v) => v >= '2027-01-01')),
} satisfies Record<string, PredicateDef<LmFacts>>;

export type PredicateName = keyof typeof predicates;
