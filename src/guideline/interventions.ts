import type { InterventionDef } from '../engine/types.js';
import type { TherapyClass } from './case-schema.js';
import { t } from './declare.js';

// The closed vocabulary of interventions a line can propose (do/consider), advise against (avoid) or mention.
// Coherence is checked on these codes: one output never proposes and advises against the same one.
// SNOMED CT only where a code was verified (../shared/guideline/terminology.md); none is guessed.
const SCT = 'http://snomed.info/sct';

const DRUGS: Record<Exclude<TherapyClass, 'hormonal-therapy'>, InterventionDef> = {
  'her2-directed': { label: t('HER2-gerichte therapie', 'HER2-directed therapy') },
  capecitabine: { label: t('capecitabine', 'capecitabine') },
  'braf-mek-inhibitor': { label: t('BRAF/MEK-remming', 'BRAF/MEK inhibition') },
  'checkpoint-inhibitor': { label: t('checkpointremming', 'checkpoint inhibition') },
  'egfr-tki': { label: t('EGFR-TKI (osimertinib)', 'EGFR TKI (osimertinib)') },
  'alk-tki': { label: t('ALK-remmer', 'ALK inhibitor') },
  'kras-g12c-inhibitor': { label: t('KRAS G12C-remmer (sotorasib)', 'KRAS G12C inhibitor (sotorasib)') },
  'chemo-immunotherapy': { label: t('chemo-immunotherapie', 'chemo-immunotherapy') },
  chemotherapy: { label: t('chemotherapie', 'chemotherapy') },
};

export const DRUG_CLASSES = Object.keys(DRUGS) as (keyof typeof DRUGS)[];

export const INTERVENTIONS = {
  'lumbar-puncture': { label: t('lumbaalpunctie', 'lumbar puncture'), code: { system: SCT, code: '277762005', display: 'Lumbar puncture (procedure)' } },
  'third-lumbar-puncture': { label: t('routinematige derde lumbaalpunctie', 'routine third lumbar puncture') },
  'opening-pressure': { label: t('meting openingsdruk', 'opening pressure measurement') },
  'csf-tumour-markers': { label: t('AFP en β-hCG in liquor en bloed', 'AFP and β-hCG in CSF and blood') },
  'csf-molecular-testing': { label: t('moleculaire diagnostiek (weefsel of liquor)', 'molecular testing (tissue or CSF)') },
  'csf-ctc': { label: t('circulerende tumorcellen in liquor', 'CSF circulating tumour cells') },
  'mri-brain': { label: t('MRI hersenen', 'MRI of the brain') },
  'mri-spine': { label: t('MRI wervelkolom', 'MRI of the spine') },
  'mri-follow-up': { label: t('MRI-controle', 'follow-up MRI') },
  'clinical-follow-up': { label: t('klinische follow-up', 'clinical follow-up') },
  'routine-csf-follow-up': { label: t('routinematige liquorcontrole', 'routine CSF follow-up') },
  'urgent-spinal-assessment': { label: t('spoedbeoordeling myelum-/caudacompressie', 'urgent assessment of cord or cauda compression') },
  'neurosurgical-consultation': { label: t('overleg neurochirurgie', 'neurosurgical consultation') },
  'csf-diversion': { label: t('liquordrainage', 'CSF diversion') },
  'csf-shunt': { label: t('ventriculo- of lumboperitoneale drain', 'ventriculo- or lumbo-peritoneal shunt') },
  wbrt: { label: t('totale schedelbestraling', 'whole-brain radiotherapy') },
  'focal-rt': { label: t('stereotactische/lokale radiotherapie', 'stereotactic/local radiotherapy') },
  'focal-rt-asymptomatic': { label: t('radiotherapie op asymptomatische bulky ziekte', 'radiotherapy of asymptomatic bulky disease') },
  'intrathecal-chemotherapy': { label: t('intrathecale chemotherapie', 'intrathecal chemotherapy') },
  'best-supportive-care': { label: t('best supportive care', 'best supportive care') },
  'systemic-therapy': { label: t('systemische behandeling', 'systemic treatment') },
  mdo: { label: t('bespreking in het MDO', 'multidisciplinary meeting') },
  ...DRUGS,
} satisfies Record<string, InterventionDef>;

export type Intervention = keyof typeof INTERVENTIONS;
