import type { FactDef, Text } from '../engine/types.js';
import type { Case, LumbarPuncture, MriFinding, PrimaryTumour, Symptom, TherapyClass } from './case-schema.js';
import { kpsStep } from './kps.js';

/** What the evaluator sees of a case. null = unknown. */
export interface Input {
  readonly case: Case;
  /** Evaluation date, YYYY-MM-DD; null when neither given nor in the case. */
  readonly asOf: string | null;
}

export type Option = {
  readonly option: string;
  readonly meaningful: boolean;
  readonly rapid: boolean;
  readonly exception: boolean;
  /** What the option gives, for the texts that name it. */
  readonly drug: Text;
  /** Drug classes it starts (the intervention codes). */
  readonly classes: readonly TherapyClass[];
  /** Drug classes whose current use or earlier progression rules it out (SAFE-THERAPY-HISTORY). */
  readonly excludedBy: readonly TherapyClass[];
};

export type LmFacts = {
  primary: PrimaryTumour | null;
  knownCancer: boolean | null;
  her2: 'positive' | 'negative' | null;
  brafV600: 'mutant' | 'wild-type' | null;
  nsclcDriver: 'egfr' | 'alk' | 'none' | null;
  krasG12c: 'mutant' | 'wild-type' | null;
  pdl1Tps: number | null;
  noDriverFound: boolean | null;
  symptoms: readonly Symptom[] | null;
  explained: boolean | null;
  highSuspicion: boolean | null;
  mriDone: boolean | null;
  mriFindings: readonly MriFinding[] | null;
  mriRegions: readonly ('brain' | 'spine')[] | null;
  hydrocephalusType: 'communicating' | 'obstructive' | null;
  massEffect: boolean | null;
  punctures: readonly LumbarPuncture[];
  biopsy: 'positive' | 'negative' | 'not-done' | null;
  perf70: boolean | null;
  perfSource: 'kps' | 'adl' | 'ecog' | null;
  kps: number | null;
  kpsText: Text | null;
  encephalopathy: boolean | null;
  deficit: boolean | null;
  systemic: 'absent' | 'controlled' | 'progressive-with-options' | 'progressive-without-options' | null;
  threatening: boolean | null;
  resistance: boolean | null;
  currentTherapies: readonly TherapyClass[] | null;
  progressedOn: readonly TherapyClass[] | null;
  symptomaticLocations: readonly string[] | null;
  raisedIcp: boolean | null;
  asOf: string | null;
  certainty: 'confirmed' | 'probable' | 'possible' | 'lacking-evidence' | 'none' | null;
  mriPattern: 'A' | 'B' | 'C' | 'D-hydrocephalus' | 'D-normal' | null;
  category: 1 | 2 | 3 | 'n/a' | null;
  option: Option | null;
  optionCandidates: readonly (Option | null)[];
  /** The option the table gives when the therapy history is ignored (first choice for this tumour). */
  firstChoice: Option | null;
  firstChoiceCandidates: readonly (Option | null)[];
};

const t = (nl: string, en: string): Text => ({ nl, en });

export const FACTS: Record<keyof LmFacts, FactDef> = {
  primary: { label: t('primaire tumor', 'primary tumour'), fields: ['primaryTumour'] },
  knownCancer: { label: t('bekende maligniteit', 'known cancer'), fields: ['knownCancer'] },
  her2: { label: t('HER2-status', 'HER2 status'), fields: ['markers.her2'] },
  brafV600: { label: t('BRAF V600-mutatie', 'BRAF V600 mutation'), fields: ['markers.brafV600'] },
  nsclcDriver: {
    label: t('drivermutatie NSCLC (EGFR, ALK)', 'NSCLC driver (EGFR, ALK)'),
    fields: ['markers.egfr', 'markers.alk', 'markers.krasG12c', 'markers.noDriverFound'],
  },
  krasG12c: { label: t('KRAS G12C-mutatie', 'KRAS G12C mutation'), fields: ['markers.krasG12c'] },
  pdl1Tps: { label: t('PD-L1 TPS', 'PD-L1 TPS'), fields: ['markers.pdl1Tps'] },
  noDriverFound: { label: t('breed panel zonder driver', 'broad panel without a driver'), fields: ['markers.noDriverFound'] },
  symptoms: { label: t('symptomen', 'symptoms'), fields: ['symptoms'] },
  explained: {
    label: t('symptomen verklaard door hersenmetastasen', 'symptoms explained by brain metastases'),
    fields: ['symptomsExplainedByBrainMetastases'],
  },
  highSuspicion: { label: t('hoge klinische verdenking', 'high clinical suspicion'), fields: ['highClinicalSuspicion'] },
  mriDone: { label: t('MRI verricht', 'MRI performed'), fields: ['mri.done'] },
  mriFindings: { label: t('MRI-bevindingen', 'MRI findings'), fields: ['mri.findings'] },
  mriRegions: { label: t('MRI-gebied (hersenen, wervelkolom)', 'MRI region (brain, spine)'), fields: ['mri.regions'] },
  hydrocephalusType: { label: t('type hydrocephalus (communicerend of obstructief)', 'type of hydrocephalus (communicating or obstructive)'),
    fields: ['mri.hydrocephalusType'] },
  massEffect: { label: t('massa-effect van de hersenmetastasen', 'mass effect of the brain metastases'), fields: ['mri.brainMetastasesMassEffect'] },
  punctures: { label: t('lumbaalpuncties', 'lumbar punctures'), fields: ['lumbarPunctures'] },
  biopsy: { label: t('leptomeningeaal biopt', 'leptomeningeal biopsy'), fields: ['leptomeningealBiopsy'] },
  perf70: {
    label: t('performance: KPS ≥ 70 of zelfstandig in ADL', 'performance: KPS ≥ 70 or independent in ADL'),
    fields: ['performance.kps', 'performance.adlIndependent', 'performance.ecog'],
  },
  perfSource: { label: t('bron van performance', 'performance source'), fields: ['performance'] },
  kps: { label: t('Karnofsky-score', 'Karnofsky score'), fields: ['performance.kps'] },
  kpsText: { label: t('Karnofsky-omschrijving', 'Karnofsky description'), fields: ['performance.kps'] },
  encephalopathy: { label: t('ernstige encefalopathie', 'severe encephalopathy'), fields: ['severeEncephalopathy'] },
  deficit: { label: t('ernstige neurologische uitval', 'severe neurological deficit'), fields: ['severeNeurologicalDeficit'] },
  systemic: { label: t('systemische ziekte', 'systemic disease'), fields: ['systemicDisease.status'] },
  threatening: {
    label: t('systemische ziekte bedreigend', 'systemic disease threatening'),
    fields: ['systemicDisease.threatening', 'systemicDisease.status'],
  },
  resistance: {
    label: t('resistentie tegen chemo- of hormonale therapie', 'resistance to chemo- or hormonal therapy'),
    fields: ['resistanceToTherapy'],
  },
  currentTherapies: { label: t('huidige behandeling', 'current treatment'), fields: ['therapies.current'] },
  progressedOn: { label: t('eerdere behandeling met progressie', 'earlier treatment with progression'), fields: ['therapies.progressedOn'] },
  symptomaticLocations: { label: t('symptomatische locaties', 'symptomatic locations'), fields: ['symptomaticLocations', 'symptoms'] },
  raisedIcp: { label: t('tekenen van verhoogde intracraniële druk', 'signs of raised intracranial pressure'), fields: ['raisedIcpSigns'] },
  asOf: { label: t('beoordelingsdatum', 'assessment date'), fields: ['assessmentDate'] },
  certainty: { label: t('EANO–ESMO-zekerheid', 'EANO–ESMO certainty'), fields: [] },
  mriPattern: { label: t('MRI-patroon (EANO–ESMO)', 'MRI pattern (EANO–ESMO)'), fields: ['mri.findings'] },
  category: { label: t('categorie', 'category'), fields: [] },
  option: { label: t('systemische optie', 'systemic option'), fields: [] },
  optionCandidates: { label: t('mogelijke systemische opties', 'possible systemic options'), fields: [] },
  firstChoice: { label: t('eerste keus voor deze tumor', 'first choice for this tumour'), fields: [] },
  firstChoiceCandidates: { label: t('mogelijke eerste keuzes', 'possible first choices'), fields: [] },
};

/** KPS, then ADL, then ECOG; measures that disagree about the 70 threshold leave it unknown. */
export function performance(c: Case): { perf70: boolean | null; source: LmFacts['perfSource'] } {
  const p = c.performance ?? {};
  let source: LmFacts['perfSource'] = null;
  let first = false;
  let agree = true;
  const vote = (s: NonNullable<LmFacts['perfSource']>, v: boolean): void => {
    if (source === null) {
      source = s;
      first = v;
    } else if (v !== first) agree = false;
  };
  if (p.kps !== undefined) vote('kps', p.kps >= 70);
  if (p.adlIndependent !== undefined) vote('adl', p.adlIndependent);
  if (p.ecog !== undefined && p.ecog !== 2) vote('ecog', p.ecog <= 1);
  return source === null || !agree ? { perf70: null, source: null } : { perf70: first, source };
}

const NO_PUNCTURES: readonly LumbarPuncture[] = Object.freeze([]);
type Molecular = NonNullable<LumbarPuncture['molecular']>;
/** Some puncture's CSF molecular result has marker k at value v. */
function csfHas<K extends keyof Molecular>(c: Case, k: K, v: Molecular[K]): boolean {
  const lps = c.lumbarPunctures ?? NO_PUNCTURES;
  for (let i = 0; i < lps.length; i++) if (lps[i]!.molecular?.[k] === v) return true;
  return false;
}

/** A detected driver decides; KRAS G12C, EGFR wt + ALK negative, or a panel without drivers means no targetable driver. */
function nsclcDriver(c: Case): LmFacts['nsclcDriver'] {
  const any = <K extends 'egfr' | 'alk' | 'krasG12c'>(k: K, v: Molecular[K]): boolean => c.markers?.[k] === v || csfHas(c, k, v);
  if (any('egfr', 'mutant')) return 'egfr';
  if (any('alk', 'positive')) return 'alk';
  if (any('krasG12c', 'mutant') || c.markers?.noDriverFound === true) return 'none';
  if (any('egfr', 'wild-type') && any('alk', 'negative')) return 'none';
  return null;
}

function brafV600(c: Case): LmFacts['brafV600'] {
  if (c.markers?.brafV600 === 'mutant' || csfHas(c, 'brafV600', 'mutant')) return 'mutant';
  return c.markers?.brafV600 ?? (csfHas(c, 'brafV600', 'wild-type') ? 'wild-type' : null);
}

function threatening(c: Case): boolean | null {
  const s = c.systemicDisease ?? {};
  if (s.status === 'absent') return s.threatening === true ? null : false;
  if (s.status === 'controlled') return s.threatening === true ? null : false;
  if (s.status === 'progressive-without-options') return s.threatening === false ? null : true;
  return s.threatening ?? null;
}

const LOCATION_OF: Partial<Record<Symptom, string>> = {
  'cranial-nerve-deficit': 'cranial-nerve',
  'radicular-syndrome': 'radicular',
  'radicular-pain': 'radicular',
  'cauda-equina': 'cauda-equina',
};

function symptomaticLocations(c: Case): readonly string[] | null {
  if (c.symptomaticLocations) return c.symptomaticLocations;
  if (!c.symptoms) return null;
  const out: string[] = [];
  for (const s of c.symptoms) {
    const l = LOCATION_OF[s];
    if (l !== undefined && !out.includes(l)) out.push(l);
  }
  return out;
}

function mri(c: Case): { done: boolean | null; findings: readonly MriFinding[] | null } {
  const m = c.mri;
  if (!m) return { done: false, findings: null };
  if (m.done === false) return m.findings?.length ? { done: null, findings: null } : { done: false, findings: null };
  if (m.done === true || m.findings) return { done: true, findings: m.findings ?? null };
  return { done: false, findings: null };
}

function explained(c: Case, findings: readonly MriFinding[] | null): boolean | null {
  const e = c.symptomsExplainedByBrainMetastases;
  if (e === true && findings && !findings.includes('brain-metastases')) return null; // contradiction, reported
  return e ?? null;
}

export function derive(input: Input): LmFacts {
  const c = input.case;
  const m = mri(c);
  const perf = performance(c);
  return {
    primary: c.primaryTumour ?? null,
    knownCancer: c.knownCancer ?? (c.primaryTumour ? true : null),
    her2: c.markers?.her2 ?? null,
    brafV600: brafV600(c),
    nsclcDriver: nsclcDriver(c),
    krasG12c: c.markers?.krasG12c ?? (csfHas(c, 'krasG12c', 'mutant') ? 'mutant' : null),
    pdl1Tps: c.markers?.pdl1Tps ?? null,
    noDriverFound: c.markers?.noDriverFound ?? null,
    symptoms: c.symptoms ?? null,
    explained: explained(c, m.findings),
    highSuspicion: c.highClinicalSuspicion ?? null,
    mriDone: m.done,
    mriFindings: m.findings,
    mriRegions: m.done === true ? (c.mri?.regions ?? null) : null,
    hydrocephalusType: c.mri?.hydrocephalusType ?? null,
    massEffect: c.mri?.brainMetastasesMassEffect ?? null,
    punctures: c.lumbarPunctures ?? [],
    biopsy: c.leptomeningealBiopsy ?? 'not-done', // no result recorded = not done (ADR 0002)
    perf70: perf.perf70,
    perfSource: perf.source,
    kps: perf.source === 'kps' ? (c.performance?.kps ?? null) : null,
    kpsText: perf.source === 'kps' && c.performance?.kps !== undefined ? (kpsStep(c.performance.kps)?.text ?? null) : null,
    encephalopathy: c.severeEncephalopathy ?? null,
    deficit: c.severeNeurologicalDeficit ?? null,
    systemic: c.systemicDisease?.status ?? null,
    threatening: threatening(c),
    resistance: c.resistanceToTherapy ?? null,
    currentTherapies: c.therapies?.current ?? null,
    progressedOn: c.therapies?.progressedOn ?? null,
    symptomaticLocations: symptomaticLocations(c),
    raisedIcp: c.raisedIcpSigns ?? null,
    asOf: input.asOf,
    certainty: null,
    mriPattern: null,
    category: null,
    option: null,
    optionCandidates: [],
    firstChoice: null,
    firstChoiceCandidates: [],
  };
}
