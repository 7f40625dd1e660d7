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
const HISTORY: K[] = ['currentTherapies', 'progressedOn'];

const hasAny = <T>(xs: readonly T[] | null, ys: readonly T[]): Tri => known(xs, (v) => v.some((x) => ys.includes(x)));
const finding = (f: MriFinding) => (x: LmFacts): Tri => known(x.mriFindings, (v) => v.includes(f));
const primaryIs = (...ts: string[]) => (f: LmFacts): Tri => known(f.primary, (v) => ts.includes(v));
/** Known to be on it now or to have progressed on it (never unknown: for choosing the option). */
const usedAny = (...cs: TherapyClass[]) => (f: LmFacts): Tri =>
  cs.some((c) => (f.currentTherapies ?? []).includes(c) || (f.progressedOn ?? []).includes(c));
/** The same, three-valued: unknown while either list is unknown and no use is known. */
function historyOf(f: LmFacts, cs: readonly TherapyClass[]): Tri {
  if (cs.length === 0) return false;
  if (usedAny(...cs)(f)) return true;
  return f.currentTherapies === null || f.progressedOn === null ? null : false;
}
/** A table output that is an option (not 'n/a'), else null. */
export const asOption = (o: unknown): Option | null => (o !== null && typeof o === 'object' ? (o as Option) : null);
/** SAFE-THERAPY-HISTORY: every possible first choice already used (true), none (false), or not yet known. */
function firstChoiceUsed(f: LmFacts): Tri {
  const used = f.firstChoiceCandidates.map((o) => { const x = asOption(o); return x !== null && usedAny(...x.excludedBy)(f) === true; });
  if (used.length === 0) return null;
  return used.every((u) => u) ? true : used.some((u) => u) ? null : false;
}
const consensus = (key: 'meaningful' | 'rapid' | 'exception') => (f: LmFacts): Tri => {
  const vs = f.optionCandidates.map((o) => (o as Option | null)?.[key] ?? false);
  if (vs.length === 0) return null;
  return vs.every((v) => v) ? true : vs.some((v) => v) ? null : false;
};
const abnormalChemistry = (f: LmFacts): boolean =>
  f.punctures.some((lp) => (lp.leukocytes ?? 0) > 4 || (lp.protein ?? 0) > 0.6 || (lp.glucose ?? Infinity) < 2.5);

/** DX-SUSPECT: suspicious symptoms not explained by brain metastases; spinal ones not when epidural extension explains them (SAFE-EPIDURAL). */
function typicalSigns(f: LmFacts): Tri {
  if (f.symptoms === null) return null;
  const epidural = f.mriFindings?.includes('epidural-extension') === true;
  const counted = SUSPECT_SYMPTOMS.filter((s) => !(epidural && SPINAL.includes(s)));
  if (!f.symptoms.some((s) => counted.includes(s))) return false;
  if (f.explained !== null) return !f.explained;
  return f.mriFindings?.includes('brain-metastases') ? null : true;
}

/** SAFE-IMAGING-REGION: symptoms point to a region the MRI did not cover. */
const uncovered = (symptoms: readonly Symptom[], region: 'brain' | 'spine') => (f: LmFacts): Tri => {
  if (f.mriDone !== true) return false;
  const relevant = hasAny(f.symptoms, symptoms);
  if (relevant !== true) return relevant;
  return known(f.mriRegions, (r) => !r.includes(region));
};

/** SAFE-LP-CAUTION: an obstructive hydrocephalus (unknown while the type of a seen hydrocephalus, or the MRI, is unknown). */
function obstructive(f: LmFacts): Tri {
  const h = known(f.mriFindings, (v) => v.includes('hydrocephalus'));
  if (h !== true) return h;
  return known(f.hydrocephalusType, (v) => v === 'obstructive');
}
const massEffect = (f: LmFacts): Tri => and(finding('brain-metastases')(f), f.massEffect);

/** SAFE-ORIGIN: a solid primary is established (diagnosed), not only suspected. */
function originEstablished(f: LmFacts): Tri {
  if (f.knownCancer === false) return false;
  if (f.primary === null) return f.knownCancer === true ? null : false;
  return solidPrimary(f) === true ? f.knownCancer : false;
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

function wbrtBridge(f: LmFacts): Tri {
  return and(primaryIs('melanoma')(f), optionIs('melanoma-io')(f), known(f.brafV600, (v) => v === 'wild-type'),
    hasAny(f.mriFindings, LINEAR_CEREBRAL), known(f.kps, (v) => v >= 80),
    or(known(f.category, (v) => v === 1), hasAny(f.symptoms, CEREBRAL)));
}

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
  originEstablished: p('Solid primary established (not only suspected)', 'Solide primaire tumor vastgesteld (niet alleen vermoed)',
    ['knownCancer', 'primary'], originEstablished),
  // markers and therapy history
  her2Positive: p('HER2 positive', 'HER2-positief', ['her2'], (f) => known(f.her2, (v) => v === 'positive')),
  brafMutant: p('BRAF V600 mutant', 'BRAF V600-mutatie', ['brafV600'], (f) => known(f.brafV600, (v) => v === 'mutant')),
  driverEgfr: p('EGFR mutation', 'EGFR-mutatie', ['nsclcDriver'], (f) => known(f.nsclcDriver, (v) => v === 'egfr')),
  driverAlk: p('ALK translocation', 'ALK-translocatie', ['nsclcDriver'], (f) => known(f.nsclcDriver, (v) => v === 'alk')),
  driverNone: p('No targetable driver', 'Geen targetable mutatie', ['nsclcDriver'], (f) => known(f.nsclcDriver, (v) => v === 'none')),
  driverKnown: p('EGFR/ALK status known', 'EGFR/ALK-status bekend', ['nsclcDriver'], (f) => f.nsclcDriver !== null),
  krasG12c: p('KRAS G12C mutation', 'KRAS G12C-mutatie', ['krasG12c', 'nsclcDriver'],
    (f) => (f.krasG12c !== null ? f.krasG12c === 'mutant' : f.nsclcDriver === 'egfr' || f.nsclcDriver === 'alk' ? false : null)),
  pdl1AtLeast50: p('PD-L1 TPS 50% or more', 'PD-L1 TPS 50% of meer', ['pdl1Tps'], (f) => known(f.pdl1Tps, (v) => v >= 50)),
  usedHer2: p('On or progressed on HER2-directed therapy', 'Krijgt of progressie op HER2-gerichte therapie', HISTORY, usedAny('her2-directed')),
  usedCapecitabine: p('On or progressed on capecitabine', 'Krijgt of progressie op capecitabine', HISTORY, usedAny('capecitabine')),
  usedBraf: p('On or progressed on BRAF/MEK inhibition', 'Krijgt of progressie op BRAF/MEK-remming', HISTORY, usedAny('braf-mek-inhibitor')),
  usedIo: p('On or progressed on checkpoint inhibition', 'Krijgt of progressie op checkpointremming', HISTORY, usedAny('checkpoint-inhibitor')),
  usedEgfr: p('On or progressed on an EGFR TKI', 'Krijgt of progressie op een EGFR-TKI', HISTORY, usedAny('egfr-tki')),
  usedAlk: p('On or progressed on an ALK TKI', 'Krijgt of progressie op een ALK-TKI', HISTORY, usedAny('alk-tki')),
  usedNsclcFirstLine: p('NSCLC first line given (immunotherapy, chemo-immunotherapy or chemotherapy)',
    'Eerste lijn NSCLC gegeven (immunotherapie, chemo-immunotherapie of chemotherapie)', HISTORY,
    usedAny('checkpoint-inhibitor', 'chemo-immunotherapy', 'chemotherapy')),
  usedChemo: p('On or progressed on chemotherapy', 'Krijgt of progressie op chemotherapie', HISTORY, usedAny('chemotherapy')),
  optionAlreadyUsed: p('Patient already on, or progressed on, the proposed option', 'Patiënt krijgt de voorgestelde optie al of had er progressie op',
    [...HISTORY, 'option'], (f) => { const o = asOption(f.option); return o === null ? null : historyOf(f, o.excludedBy); }),
  firstChoiceUsed: p('First choice for this tumour already used', 'Eerste keus voor deze tumor al gebruikt', [...HISTORY, 'firstChoiceCandidates'], firstChoiceUsed),
  // clinical picture
  workUpStarted: p('Symptoms, suspicion, MRI or CSF on record', 'Symptomen, verdenking, MRI of liquor bekend',
    ['symptoms', 'highSuspicion', 'mriDone', 'punctures', 'biopsy'],
    (f) => {
      if ((f.symptoms?.length ?? 0) > 0 || f.highSuspicion === true || f.mriDone !== false || f.punctures.length > 0
        || (f.biopsy !== null && f.biopsy !== 'not-done')) return true;
      return f.symptoms === null && f.highSuspicion === null ? null : false;
    }),
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
  lpRisk: p('Hydrocephalus, brain metastases with mass effect, or signs of raised pressure', 'Hydrocephalus, hersenmetastasen met massa-effect of tekenen van verhoogde druk',
    ['mriFindings', 'massEffect', 'raisedIcp'], (f) => or(finding('hydrocephalus')(f), massEffect(f), f.raisedIcp)),
  lpContraindicated: p('Obstructive hydrocephalus', 'Obstructieve hydrocephalus', ['mriFindings', 'hydrocephalusType'], obstructive),
  spinalUncovered: p('Spinal symptoms, spine not imaged', 'Spinale klachten, wervelkolom niet afgebeeld', ['mriDone', 'symptoms', 'mriRegions'], uncovered(SPINAL, 'spine')),
  cerebralUncovered: p('Cerebral symptoms, brain not imaged', 'Cerebrale klachten, hersenen niet afgebeeld', ['mriDone', 'symptoms', 'mriRegions'], uncovered(CEREBRAL, 'brain')),
  regionGap: p('Symptoms point to a region the MRI did not cover', 'Klachten wijzen op een gebied buiten de MRI', ['mriDone', 'symptoms', 'mriRegions'],
    (f) => or(uncovered(SPINAL, 'spine')(f), uncovered(CEREBRAL, 'brain')(f))),
  epidural: p('Spinal epidural extension on MRI', 'Spinale epidurale uitbreiding op MRI', ['mriFindings'], finding('epidural-extension')),
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
  wbrtBridge: p('WBRT as bridge to immunotherapy (BRAF wild-type melanoma, linear cerebral LM, KPS ≥ 80)',
    'Schedelbestraling als overbrugging naar immunotherapie (BRAF-wildtype melanoom, lineaire cerebrale LM, KPS ≥ 80)',
    ['primary', 'option', 'brafV600', 'mriFindings', 'kps', 'category', 'symptoms'], wbrtBridge),
  wbrtBridgeUndecided: p('Whether WBRT can bridge is not yet known', 'Nog onbekend of schedelbestraling kan overbruggen',
    ['primary', 'option', 'brafV600', 'mriFindings', 'kps', 'category', 'symptoms'], (f) => wbrtBridge(f) === null),
  // meta
  revisionDue: p('Evaluation date in or after 2027 (planned revision)', 'Beoordelingsdatum in of na 2027 (geplande revisie)', ['asOf'],
    (f) => known(f.asOf, (v) => v >= '2027-01-01')),
} satisfies Record<string, PredicateDef<LmFacts>>;

export type PredicateName = keyof typeof predicates;
