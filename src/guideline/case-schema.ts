import { z } from 'zod';

// The patient case. Every field is optional: absent means unknown, which is not "no".
// Lists (symptoms, MRI findings, punctures) name what is present; [] means none.

import { MRI_FINDINGS, PRIMARY_TUMOURS, SYMPTOMATIC_LOCATIONS, SYMPTOMS, SYSTEMIC_STATUS, THERAPY_CLASSES } from './vocabulary.js';

export { MRI_FINDINGS, PRIMARY_TUMOURS, SYMPTOMATIC_LOCATIONS, SYMPTOMS, SYSTEMIC_STATUS, THERAPY_CLASSES };

const date = z.iso.date().describe('Date, YYYY-MM-DD');
const posNeg = z.enum(['positive', 'negative']);
const mutWt = z.enum(['mutant', 'wild-type']);
const raisedNormal = z.enum(['raised', 'normal']);

export const markersSchema = z.strictObject({
  her2: posNeg.optional().describe('Breast: HER2 status'),
  hormoneReceptors: posNeg.optional().describe('Breast: oestrogen/progesterone receptor status'),
  breastHistology: z.enum(['ductal', 'lobular', 'other']).optional().describe('Breast: histological subtype'),
  brafV600: mutWt.optional().describe('Melanoma: BRAF V600 mutation'),
  egfr: mutWt.optional().describe('NSCLC: activating EGFR mutation'),
  alk: posNeg.optional().describe('NSCLC: ALK translocation'),
  krasG12c: mutWt.optional().describe('NSCLC: KRAS G12C mutation'),
  pdl1Tps: z.number().min(0).max(100).optional().describe('NSCLC: PD-L1 tumour proportion score, %'),
  noDriverFound: z.boolean().optional().describe('NSCLC: a broad molecular panel found no targetable driver at all'),
});

export const csfMolecularSchema = z.strictObject({
  egfr: mutWt.optional(),
  alk: posNeg.optional(),
  krasG12c: mutWt.optional(),
  brafV600: mutWt.optional(),
});

export const lumbarPunctureSchema = z.strictObject({
  date: date.optional(),
  cytology: z.enum(['positive', 'negative', 'equivocal', 'not-done']).optional()
    .describe('CSF cytology; equivocal = suspicious or atypical cells, never counted as positive'),
  leukocytes: z.number().min(0).max(100_000).optional().describe('CSF leukocytes, cells/µL (plausible: 0-100000)'),
  protein: z.number().min(0).max(50).optional().describe('CSF protein, g/L (plausible: 0-50)'),
  glucose: z.number().min(0).max(50).optional().describe('CSF glucose, mmol/L (plausible: 0-50)'),
  openingPressure: z.number().min(0).max(100).optional().describe('Opening pressure, cmH2O (plausible: 0-100)'),
  afp: raisedNormal.optional().describe('CSF alpha-fetoprotein'),
  betaHcg: raisedNormal.optional().describe('CSF beta-hCG'),
  ctc: posNeg.optional().describe('CSF circulating tumour cells'),
  molecular: csfMolecularSchema.optional().describe('Molecular result on CSF (liquid biopsy)'),
});

export const mriSchema = z.strictObject({
  done: z.boolean().optional().describe('Gadolinium-enhanced MRI performed'),
  date: date.optional(),
  regions: z.array(z.enum(['brain', 'spine'])).optional(),
  findings: z.array(z.enum(MRI_FINDINGS)).optional().describe('Findings seen; [] = normal MRI'),
  hydrocephalusType: z.enum(['communicating', 'obstructive']).optional().describe('With finding hydrocephalus: communicating or obstructive'),
  brainMetastasesMassEffect: z.boolean().optional().describe('With finding brain-metastases: the metastases cause mass effect'),
});

export const performanceSchema = z.strictObject({
  kps: z.number().int().min(10).max(100).multipleOf(10).optional().describe('Karnofsky performance status, 10-100 in steps of 10'),
  adlIndependent: z.boolean().optional().describe('Fully independent in activities of daily living'),
  ecog: z.number().int().min(0).max(4).optional().describe('ECOG/WHO performance status 0-4'),
});

export const caseSchema = z.strictObject({
  assessmentDate: date.optional().describe('Date of assessment; the evaluation date when none is given'),
  primaryTumour: z.enum(PRIMARY_TUMOURS).optional().describe('Primary tumour (diagnosed or suspected)'),
  knownCancer: z.boolean().optional().describe('A solid primary has been diagnosed; naming primaryTumour implies true unless set to false'),
  markers: markersSchema.optional(),
  symptoms: z.array(z.enum(SYMPTOMS)).optional().describe('Symptoms present; [] = none'),
  symptomsExplainedByBrainMetastases: z.boolean().optional().describe('All present symptoms are explained by brain metastases'),
  highClinicalSuspicion: z.boolean().optional().describe('Clinical suspicion of LM remains high'),
  mri: mriSchema.optional(),
  lumbarPunctures: z.array(lumbarPunctureSchema).optional().describe('Every lumbar puncture, in order; [] = none done'),
  leptomeningealBiopsy: z.enum(['positive', 'negative', 'not-done']).optional(),
  performance: performanceSchema.optional(),
  severeEncephalopathy: z.boolean().optional(),
  severeNeurologicalDeficit: z.boolean().optional(),
  systemicDisease: z.strictObject({
    status: z.enum(SYSTEMIC_STATUS).optional().describe('Extra-CNS disease'),
    threatening: z.boolean().optional().describe('Clinician judges the systemic disease threatening'),
  }).optional(),
  resistanceToTherapy: z.boolean().optional().describe('Resistance mechanism against chemo- or hormonal therapy'),
  therapies: z.strictObject({
    current: z.array(z.enum(THERAPY_CLASSES)).optional(),
    progressedOn: z.array(z.enum(THERAPY_CLASSES)).optional().describe('Progressing on, or resistant to'),
  }).optional(),
  symptomaticLocations: z.array(z.enum(SYMPTOMATIC_LOCATIONS)).optional()
    .describe('Symptomatic locations for local RT; derived from symptoms when absent'),
  raisedIcpSigns: z.boolean().optional().describe('Signs of raised intracranial pressure'),
});

export type Case = z.infer<typeof caseSchema>;
export type LumbarPuncture = z.infer<typeof lumbarPunctureSchema>;
export type PrimaryTumour = (typeof PRIMARY_TUMOURS)[number];
export type Symptom = (typeof SYMPTOMS)[number];
export type MriFinding = (typeof MRI_FINDINGS)[number];
export type TherapyClass = (typeof THERAPY_CLASSES)[number];

export function caseJsonSchema(): unknown {
  return z.toJSONSchema(caseSchema, { target: 'draft-2020-12' });
}
