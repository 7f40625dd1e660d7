import type { CheckDef, Text } from '../engine/types.js';
import type { Input } from './facts.js';

// Contradictions and misplaced data: reported with the fields they concern, never silently dropped.
type Check = CheckDef<Input>;
const t = (nl: string, en: string): Text => ({ nl, en });
const over70 = (ecog: number | undefined): boolean | undefined => (ecog === undefined || ecog === 2 ? undefined : ecog <= 1);

function datesOutOfOrder(i: Input): boolean {
  let last: string | undefined;
  for (const lp of i.case.lumbarPunctures ?? []) {
    if (lp.date === undefined) continue;
    if (last !== undefined && lp.date < last) return true;
    last = lp.date;
  }
  return false;
}

function datesAfterAsOf(i: Input): boolean {
  const asOf = i.asOf;
  if (!asOf) return false;
  const mri = i.case.mri?.date;
  if (mri !== undefined && mri > asOf) return true;
  for (const lp of i.case.lumbarPunctures ?? []) if (lp.date !== undefined && lp.date > asOf) return true;
  return false;
}

type Marker = 'her2' | 'hormoneReceptors' | 'breastHistology' | 'brafV600' | 'egfr' | 'alk' | 'krasG12c' | 'pdl1Tps' | 'noDriverFound';
const markerFor = (marker: Marker, tumours: string[]) =>
  (i: Input): boolean => i.case.markers?.[marker] !== undefined && i.case.primaryTumour !== undefined && !tumours.includes(i.case.primaryTumour);

const NSCLC_MARKERS = (['egfr', 'alk', 'krasG12c', 'pdl1Tps', 'noDriverFound'] as const).map((m) => markerFor(m, ['nsclc']));

export const CHECKS: readonly Check[] = [
  { id: 'check.kps-adl', severity: 'error', fields: ['performance.kps', 'performance.adlIndependent'], ids: ['TX-KPS-ADL'],
    message: t('KPS en ADL-zelfstandigheid spreken elkaar tegen (zelfstandig in ADL betekent KPS ≥ 70).',
      'KPS and ADL independence contradict each other (independent in ADL means KPS ≥ 70).'),
    test: ({ case: c }) => c.performance?.kps !== undefined && c.performance.adlIndependent !== undefined
      && (c.performance.kps >= 70) !== c.performance.adlIndependent },
  { id: 'check.kps-ecog', severity: 'error', fields: ['performance.kps', 'performance.ecog'], ids: ['TX-KPS-ADL'],
    message: t('KPS en ECOG spreken elkaar tegen over de grens van 70 (ECOG 0–1 ≈ KPS ≥ 70, ECOG 3–4 ≈ KPS < 70).',
      'KPS and ECOG disagree about the 70 threshold (ECOG 0–1 ≈ KPS ≥ 70, ECOG 3–4 ≈ KPS < 70).'),
    test: ({ case: c }) => c.performance?.kps !== undefined && over70(c.performance.ecog) !== undefined
      && (c.performance.kps >= 70) !== over70(c.performance.ecog) },
  { id: 'check.adl-ecog', severity: 'error', fields: ['performance.adlIndependent', 'performance.ecog'], ids: ['TX-KPS-ADL'],
    message: t('ADL-zelfstandigheid en ECOG spreken elkaar tegen.', 'ADL independence and ECOG contradict each other.'),
    test: ({ case: c }) => c.performance?.adlIndependent !== undefined && over70(c.performance.ecog) !== undefined
      && c.performance.adlIndependent !== over70(c.performance.ecog) },
  { id: 'check.threatening', severity: 'error', fields: ['systemicDisease.status', 'systemicDisease.threatening'], ids: ['TX-CATEGORY-1'],
    message: t('Status en "bedreigend" van de systemische ziekte spreken elkaar tegen.', 'Systemic disease status and "threatening" contradict each other.'),
    test: ({ case: c }) => (c.systemicDisease?.status === 'progressive-without-options' && c.systemicDisease.threatening === false)
      || ((c.systemicDisease?.status === 'absent' || c.systemicDisease?.status === 'controlled') && c.systemicDisease.threatening === true) },
  { id: 'check.mri-not-done', severity: 'error', fields: ['mri.done', 'mri.findings'], ids: ['DX-MRI'],
    message: t('MRI niet verricht, maar wel bevindingen ingevuld.', 'MRI marked as not done, yet findings are given.'),
    test: ({ case: c }) => c.mri?.done === false && (c.mri.findings?.length ?? 0) > 0 },
  { id: 'check.hydrocephalus-type', severity: 'error', fields: ['mri.hydrocephalusType', 'mri.findings'], ids: ['SAFE-LP-CAUTION'],
    message: t('Type hydrocephalus opgegeven, maar de MRI toont geen hydrocephalus.', 'A type of hydrocephalus is given, but the MRI shows no hydrocephalus.'),
    test: ({ case: c }) => c.mri?.hydrocephalusType !== undefined && c.mri.findings !== undefined && !c.mri.findings.includes('hydrocephalus') },
  { id: 'check.mass-effect', severity: 'error', fields: ['mri.brainMetastasesMassEffect', 'mri.findings'], ids: ['SAFE-LP-CAUTION'],
    message: t('Massa-effect van hersenmetastasen opgegeven, maar de MRI toont geen hersenmetastasen.',
      'Mass effect of brain metastases is given, but the MRI shows no brain metastases.'),
    test: ({ case: c }) => c.mri?.brainMetastasesMassEffect === true && c.mri.findings !== undefined && !c.mri.findings.includes('brain-metastases') },
  { id: 'check.no-driver', severity: 'error', fields: ['markers.noDriverFound', 'markers.egfr', 'markers.alk'], ids: ['TX-NSCLC-NO-TARGET'],
    message: t('"Geen driver gevonden" spreekt een EGFR-mutatie of ALK-translocatie tegen.', '"No driver found" contradicts an EGFR mutation or ALK translocation.'),
    test: ({ case: c }) => c.markers?.noDriverFound === true && (c.markers.egfr === 'mutant' || c.markers.alk === 'positive') },
  { id: 'check.explained-no-mets', severity: 'error', fields: ['symptomsExplainedByBrainMetastases', 'mri.findings'], ids: ['DX-SUSPECT'],
    message: t('Klachten verklaard door hersenmetastasen, maar de MRI toont geen hersenmetastasen.',
      'Symptoms explained by brain metastases, but the MRI shows none.'),
    test: ({ case: c }) => c.symptomsExplainedByBrainMetastases === true && c.mri?.findings !== undefined && c.mri.done !== false
      && !c.mri.findings.includes('brain-metastases') },
  { id: 'check.explained-no-symptoms', severity: 'error', fields: ['symptomsExplainedByBrainMetastases', 'symptoms'], ids: ['DX-SUSPECT'],
    message: t('Verklaring van klachten opgegeven, maar er zijn geen klachten.', 'An explanation of symptoms is given, but there are no symptoms.'),
    test: ({ case: c }) => c.symptomsExplainedByBrainMetastases !== undefined && c.symptoms !== undefined && c.symptoms.length === 0 },
  { id: 'check.locations-no-symptoms', severity: 'error', fields: ['symptomaticLocations', 'symptoms'], ids: ['TX-RT-SYMPTOMATIC'],
    message: t('Symptomatische locaties opgegeven, maar er zijn geen klachten.', 'Symptomatic locations are given, but there are no symptoms.'),
    test: ({ case: c }) => (c.symptomaticLocations?.length ?? 0) > 0 && c.symptoms !== undefined && c.symptoms.length === 0 },
  { id: 'check.lp-order', severity: 'error', fields: ['lumbarPunctures[].date'], ids: ['DX-LP-REPEAT'],
    message: t('De lumbaalpuncties staan niet in chronologische volgorde.', 'The lumbar punctures are not in chronological order.'),
    test: datesOutOfOrder },
  { id: 'check.future-date', severity: 'error', fields: ['mri.date', 'lumbarPunctures[].date', 'assessmentDate'], ids: ['DX-MRI', 'DX-LP'],
    message: t('Een onderzoeksdatum ligt na de beoordelingsdatum.', 'A test date lies after the assessment date.'),
    test: datesAfterAsOf },
  { id: 'check.marker-breast', severity: 'warning', fields: ['markers.her2', 'primaryTumour'], ids: ['TX-BREAST'],
    message: t('HER2 wordt alleen bij mammacarcinoom gebruikt; hier niet meegewogen.', 'HER2 is only used for breast cancer; not weighed here.'),
    test: markerFor('her2', ['breast']) },
  { id: 'check.marker-hormone', severity: 'warning', fields: ['markers.hormoneReceptors', 'primaryTumour'], ids: ['TX-BREAST'],
    message: t('Hormoonreceptoren worden alleen bij mammacarcinoom gebruikt.', 'Hormone receptors are only used for breast cancer.'),
    test: markerFor('hormoneReceptors', ['breast']) },
  { id: 'check.marker-histology', severity: 'warning', fields: ['markers.breastHistology', 'primaryTumour'], ids: ['TX-BREAST'],
    message: t('Histologisch subtype wordt alleen bij mammacarcinoom gebruikt.', 'Histological subtype is only used for breast cancer.'),
    test: markerFor('breastHistology', ['breast']) },
  { id: 'check.marker-braf', severity: 'warning', fields: ['markers.brafV600', 'primaryTumour'], ids: ['TX-MELANOMA-BRAF'],
    message: t('BRAF V600 wordt in deze richtlijn alleen bij melanoom gebruikt.', 'BRAF V600 is only used for melanoma in this guideline.'),
    test: markerFor('brafV600', ['melanoma']) },
  { id: 'check.marker-nsclc', severity: 'warning',
    fields: ['markers.egfr', 'markers.alk', 'markers.krasG12c', 'markers.pdl1Tps', 'markers.noDriverFound', 'primaryTumour'],
    ids: ['TX-NSCLC-EGFR'], message: t('EGFR, ALK, KRAS G12C en PD-L1 worden alleen bij NSCLC gebruikt.', 'EGFR, ALK, KRAS G12C and PD-L1 are only used for NSCLC.'),
    test: (i) => NSCLC_MARKERS.some((test) => test(i)) },
  { id: 'check.mri-not-done-date', severity: 'error', fields: ['mri.done', 'mri.date'], ids: ['DX-MRI'],
    message: t('MRI niet verricht, maar wel een MRI-datum ingevuld.', 'MRI marked as not done, yet an MRI date is given.'),
    test: ({ case: c }) => c.mri?.done === false && c.mri.date !== undefined },
];
