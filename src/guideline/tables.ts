import type { TableDef, TableRow, Text } from '../engine/types.js';
import type { TherapyClass } from './case-schema.js';
import type { Option } from './facts.js';
import type { OptionId, PredicateName } from './predicates.js';

type P = PredicateName;
const t = (nl: string, en: string): Text => ({ nl, en });
const RECONSTRUCTED = {
  kind: 'interpretation' as const,
  text: t(
    'Gereconstrueerd uit de EANO–ESMO-publicaties; de exacte celregels konden niet worden gecontroleerd.',
    'Reconstructed from the EANO–ESMO publications; the exact cell rules could not be checked.',
  ),
};

/** DX-CERTAINTY: EANO–ESMO diagnostic certainty, first row that holds. */
export const certaintyTable: TableDef<P, string> = {
  id: 'table.certainty',
  label: t('EANO–ESMO-zekerheid van de diagnose', 'EANO–ESMO diagnostic certainty'),
  hitPolicy: 'first',
  fact: 'certainty',
  ids: ['DX-CERTAINTY', 'DX-CLASSIFY'],
  section: 'ref 1 (EANO–ESMO)',
  refs: [1],
  note: RECONSTRUCTED,
  rows: [
    { id: 'certainty.confirmed', when: ['cytologyOrBiopsyPositive'], output: 'confirmed', ids: ['DX-CERTAINTY', 'DX-CYTOLOGY-PROOF'], section: 'ref 1 (EANO–ESMO)',
      label: t('Bevestigd: maligne cellen in liquor of positief biopt', 'Confirmed: malignant cells in CSF or positive biopsy') },
    { id: 'certainty.none', when: [{ not: 'workUpStarted' }], output: 'none', ids: ['DX-CERTAINTY'], section: 'Toelichting diagnostiek',
      label: t('Geen gegevens: geen classificatie', 'No work-up data: no classification') },
    { id: 'certainty.probable', when: ['typicalSigns', 'mriTypical', 'knownCancer'], output: 'probable', ids: ['DX-CERTAINTY', 'DX-MRI-TYPICAL'],
      section: 'ref 1 (EANO–ESMO)', label: t('Waarschijnlijk: typische verschijnselen, MRI A/B/C, bekende maligniteit', 'Probable: typical signs, MRI A/B/C, known cancer') },
    { id: 'certainty.possible-no-signs', when: ['mriTypical', { not: 'typicalSigns' }, 'knownCancer'], output: 'possible', ids: ['DX-CERTAINTY'],
      section: 'ref 1 (EANO–ESMO)', label: t('Mogelijk: MRI A/B/C zonder typische verschijnselen', 'Possible: MRI A/B/C without typical signs') },
    { id: 'certainty.possible-no-cancer', when: ['typicalSigns', 'mriTypical', { not: 'knownCancer' }], output: 'possible', ids: ['DX-CERTAINTY'],
      section: 'ref 1 (EANO–ESMO)', label: t('Mogelijk: typische verschijnselen en MRI A/B/C zonder bekende maligniteit', 'Possible: typical signs and MRI A/B/C without known cancer') },
    { id: 'certainty.possible-equivocal', when: ['typicalSigns', 'equivocalCytology', 'mriDone', { not: 'mriTypical' }, 'knownCancer'], output: 'possible',
      ids: ['DX-CERTAINTY'], section: 'ref 1 (EANO–ESMO)',
      label: t('Mogelijk: typische verschijnselen, twijfelachtige cytologie, MRI D', 'Possible: typical signs, equivocal cytology, MRI D') },
  ],
  otherwise: { output: 'lacking-evidence', label: t('Onvoldoende bewijs', 'Lacking evidence') },
};

/** DX-CLASSIFY: the MRI letter of the EANO–ESMO type. */
export const mriPatternTable: TableDef<P, string> = {
  id: 'table.mri-pattern',
  label: t('MRI-patroon (EANO–ESMO)', 'MRI pattern (EANO–ESMO)'),
  hitPolicy: 'first',
  fact: 'mriPattern',
  ids: ['DX-CLASSIFY'],
  section: 'ref 1 (EANO–ESMO)',
  refs: [1],
  rows: [
    { id: 'mri.A', when: ['linear', { not: 'nodular' }], output: 'A', ids: ['DX-CLASSIFY'], section: 'ref 1 (EANO–ESMO)', label: t('A: lineair', 'A: linear') },
    { id: 'mri.B', when: [{ not: 'linear' }, 'nodular'], output: 'B', ids: ['DX-CLASSIFY'], section: 'ref 1 (EANO–ESMO)', label: t('B: nodulair', 'B: nodular') },
    { id: 'mri.C', when: ['linear', 'nodular'], output: 'C', ids: ['DX-CLASSIFY'], section: 'ref 1 (EANO–ESMO)', label: t('C: lineair en nodulair', 'C: linear and nodular') },
    { id: 'mri.D-hydrocephalus', when: [{ not: 'linear' }, { not: 'nodular' }, 'hydrocephalus'], output: 'D-hydrocephalus', ids: ['DX-CLASSIFY'],
      section: 'ref 1 (EANO–ESMO)', label: t('D: alleen hydrocephalus', 'D: hydrocephalus only') },
  ],
  otherwise: { output: 'D-normal', label: t('D: geen LM-afwijkingen', 'D: no LM findings') },
};

/** TX-CATEGORY-1/2/3: category 1 and 3 by their conditions, everyone else category 2. */
export const categoryTable: TableDef<P, number | string> = {
  id: 'table.category',
  label: t('Behandelcategorie', 'Treatment category'),
  hitPolicy: 'first',
  fact: 'category',
  ids: ['TX-CATEGORY-1', 'TX-CATEGORY-2', 'TX-CATEGORY-3'],
  section: 'Behandeling',
  refs: [2],
  rows: [
    { id: 'category.n/a', when: [{ not: 'lmEstablishedInScope' }], output: 'n/a', ids: [], section: 'Behandeling',
      label: t('Niet van toepassing: LM niet bevestigd/waarschijnlijk', 'Not applicable: LM not confirmed/probable') },
    { id: 'category.1', when: ['perf70', { not: 'encephalopathy' }, { not: 'deficit' }, { not: 'threatening' }, { not: 'resistance' }],
      output: 1, ids: ['TX-CATEGORY-1'], section: 'Behandeling',
      label: t('1: KPS ≥ 70, geen ernstige encefalopathie of uitval, systemisch niet bedreigend, geen resistentie',
        '1: KPS ≥ 70, no severe encephalopathy or deficit, systemic disease not threatening, no resistance') },
    { id: 'category.3', when: [{ not: 'perf70' }, 'progressiveNoOptions'], output: 3, ids: ['TX-CATEGORY-3'], section: 'Behandeling',
      note: { kind: 'interpretation', text: t('Beide voorwaarden moeten gelden.', 'Both conditions must hold.') },
      label: t('3: KPS < 70 en progressieve systemische ziekte zonder opties', '3: KPS < 70 and progressive systemic disease without options') },
  ],
  otherwise: { output: 2, label: t('2: overige', '2: all others') },
};

type OptionRow = TableRow<P, Option | string>;
const opt = (option: OptionId, meaningful: boolean, rapid: boolean, exception: boolean, drug: Text,
  classes: TherapyClass[], excludedBy: TherapyClass[] = classes): Option => ({ option, meaningful, rapid, exception, drug, classes, excludedBy });
const NSCLC_FIRST_LINE: TherapyClass[] = ['checkpoint-inhibitor', 'chemo-immunotherapy', 'chemotherapy'];

/**
 * TX-SYSTEMIC rows, declared once. `used` names the predicate that rules a row out by therapy history
 * (SAFE-THERAPY-HISTORY); the first-choice table is the same without it.
 */
const OPTION_ROWS: readonly (OptionRow & { readonly used?: P })[] = [
  { id: 'option.n/a', when: [{ not: 'lmEstablishedInScope' }], output: 'n/a', ids: [], section: 'Behandeling',
    label: t('Niet van toepassing', 'Not applicable') },
  { id: 'option.origin', when: [{ not: 'originEstablished' }], output: 'n/a', ids: ['SAFE-ORIGIN'], section: 'Verantwoording',
    label: t('Primaire tumor niet vastgesteld: eerst de herkomst', 'Primary not established: origin first') },
  { id: 'option.breast-her2', when: ['breast', 'her2Positive'], used: 'usedHer2', ids: ['TX-BREAST'], section: 'Systemische therapie 1', refs: [5],
    output: opt('breast-her2', true, false, false, t('HER2-gerichte therapie (trastuzumab, pertuzumab, T-DM1, lapatinib, tucatinib), eventueel met capecitabine',
      'HER2-directed therapy (trastuzumab, pertuzumab, T-DM1, lapatinib, tucatinib), possibly with capecitabine'), ['her2-directed']),
    label: t('Mamma HER2+: HER2-gericht ± capecitabine', 'Breast HER2+: HER2-directed ± capecitabine') },
  { id: 'option.breast-capecitabine', when: ['breast'], used: 'usedCapecitabine', ids: ['TX-BREAST'], section: 'Systemische therapie 1', refs: [4],
    output: opt('breast-capecitabine', true, false, false, t('capecitabine', 'capecitabine'), ['capecitabine']),
    label: t('Mamma: capecitabine', 'Breast: capecitabine') },
  { id: 'option.melanoma-braf', when: ['melanoma', 'brafMutant'], used: 'usedBraf', ids: ['TX-MELANOMA-BRAF'], section: 'Systemische therapie 2', refs: [6],
    output: opt('melanoma-braf', true, true, true, t('BRAF/MEK-remming (dabrafenib/trametinib of vemurafenib/cobimetinib)',
      'BRAF/MEK inhibition (dabrafenib/trametinib or vemurafenib/cobimetinib)'), ['braf-mek-inhibitor']),
    label: t('Melanoom BRAF V600: BRAF/MEK-remming', 'Melanoma BRAF V600: BRAF/MEK inhibition') },
  { id: 'option.melanoma-io', when: ['melanoma'], used: 'usedIo', ids: ['TX-MELANOMA-IO'], section: 'Systemische therapie 2', refs: [7],
    output: opt('melanoma-io', true, false, false, t('checkpointremming (nivolumab + ipilimumab, of anti-PD-1 alleen)',
      'checkpoint inhibition (nivolumab + ipilimumab, or anti-PD-1 alone)'), ['checkpoint-inhibitor']),
    label: t('Melanoom: checkpointremming', 'Melanoma: checkpoint inhibition') },
  { id: 'option.nsclc-egfr', when: ['nsclc', 'driverEgfr'], used: 'usedEgfr', ids: ['TX-NSCLC-EGFR'], section: 'Systemische therapie 3', refs: [9],
    output: opt('nsclc-egfr', true, true, true, t('osimertinib', 'osimertinib'), ['egfr-tki']),
    label: t('NSCLC EGFR: osimertinib', 'NSCLC EGFR: osimertinib') },
  { id: 'option.nsclc-alk', when: ['nsclc', 'driverAlk'], used: 'usedAlk', ids: ['TX-NSCLC-ALK'], section: 'Systemische therapie 3', refs: [10],
    output: opt('nsclc-alk', true, true, true, t('een ALK-remmer (lorlatinib of alectinib)', 'an ALK inhibitor (lorlatinib or alectinib)'), ['alk-tki']),
    label: t('NSCLC ALK: lorlatinib of alectinib', 'NSCLC ALK: lorlatinib or alectinib') },
  { id: 'option.nsclc-io-mono', when: ['nsclc', 'driverNone', 'pdl1AtLeast50'], used: 'usedNsclcFirstLine', ids: ['TX-NSCLC-NO-TARGET'],
    section: 'Systemische therapie 3', refs: [8],
    output: opt('nsclc-io-mono', true, false, false, t('immunotherapie als monotherapie', 'immunotherapy alone'), ['checkpoint-inhibitor'], NSCLC_FIRST_LINE),
    note: { kind: 'source-note', text: t('De bron schrijft "> 50%"; registratie en de landelijke NSCLC-richtlijn gebruiken ≥ 50%: hier ≥ 50%.',
      'The source writes "> 50%"; the registration and the Dutch NSCLC guideline use ≥ 50%: built as ≥ 50%.') },
    label: t('NSCLC zonder driver, PD-L1 ≥ 50%: immunotherapie', 'NSCLC no driver, PD-L1 ≥ 50%: immunotherapy') },
  { id: 'option.nsclc-chemo-io', when: ['nsclc', 'driverNone'], used: 'usedNsclcFirstLine', ids: ['TX-NSCLC-NO-TARGET'], section: 'Systemische therapie 3', refs: [8],
    output: opt('nsclc-chemo-io', true, false, false, t('chemo-immunotherapie', 'chemo-immunotherapy'), ['chemo-immunotherapy'], NSCLC_FIRST_LINE),
    label: t('NSCLC zonder driver: chemo-immunotherapie', 'NSCLC no driver: chemo-immunotherapy') },
  { id: 'option.sclc', when: ['sclc'], used: 'usedChemo', ids: ['TX-SCLC'], section: 'Systemische therapie 4', refs: [11],
    output: opt('sclc-chemo', true, false, false, t('chemotherapie', 'chemotherapy'), ['chemotherapy']),
    label: t('SCLC: chemotherapie', 'SCLC: chemotherapy') },
  { id: 'option.other', when: ['otherPrimary'], ids: ['TX-OTHER-PRIMARY'], section: 'Behandeling',
    output: opt('other-mdo', false, false, false, t('geen tumorspecifieke optie (MDO)', 'no tumour-specific option (MDO)'), []),
    label: t('Overige solide tumoren: MDO beslist', 'Other solid tumours: the MDO decides') },
];
const NONE = opt('none', false, false, false, t('geen (resterende) optie uit de tabel', 'no (remaining) option in the table'), []);
const rows = (history: boolean): OptionRow[] => OPTION_ROWS.map(({ used, ...row }) =>
  (history && used ? { ...row, when: [...row.when, { not: used }] } : row));

/** TX-SYSTEMIC: the systemic option table, first row that holds; options already used are skipped (SAFE-THERAPY-HISTORY). */
export const optionTable: TableDef<P, Option | string> = {
  id: 'table.systemic-option',
  label: t('Systemische optie per tumor', 'Systemic option by tumour'),
  hitPolicy: 'first',
  fact: 'option',
  candidatesFact: 'optionCandidates',
  ids: ['TX-SYSTEMIC', 'SAFE-THERAPY-HISTORY'],
  section: 'Systemische therapie',
  rows: rows(true),
  otherwise: { output: NONE, label: t('Geen (meer) optie uit de tabel', 'No (remaining) option in the table') },
};

/** SAFE-THERAPY-HISTORY: the same table without the therapy history, to say which first choice is used up. */
export const firstChoiceTable: TableDef<P, Option | string> = {
  id: 'table.first-choice',
  label: t('Eerste keus per tumor (zonder behandelgeschiedenis)', 'First choice by tumour (therapy history ignored)'),
  hitPolicy: 'first',
  fact: 'firstChoice',
  candidatesFact: 'firstChoiceCandidates',
  ids: ['SAFE-THERAPY-HISTORY'],
  section: 'Systemische therapie',
  // Every established solid primary matches a row, so the last row closes the table.
  rows: rows(false).map((r) => ({ ...r, id: r.id.replace('option.', 'first-choice.'), ...(r.id === 'option.other' ? { when: [] } : {}) })),
};

export const TABLES = [certaintyTable, mriPatternTable, categoryTable, optionTable, firstChoiceTable] as const;
