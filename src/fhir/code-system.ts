// The LeptoGuide local CodeSystem: concepts with no standard code (docs/fhir-mapping.md).
import type { CodeSystem, CodeSystemConcept } from '@medplum/fhirtypes';
import {
  LOCAL_CATEGORIES, LOCAL_CERTAINTY, LOCAL_CYTOLOGY, LOCAL_EANO_TYPES, LOCAL_MRI_FINDINGS, LOCAL_MRI_PATTERNS, LOCAL_MRI_REGIONS,
  LOCAL_SYMPTOMS, OBSERVATION_CODES, SYSTEM,
} from './codes.js';

const group = (code: string, display: string, children: readonly string[], prefix = ''): CodeSystemConcept => ({
  code, display, concept: children.map((c) => ({ code: `${prefix}${c}`, display: c })),
});

/** The CodeSystem resource; every local code the mapping reads or the service may emit is in it. */
export function localCodeSystem(): CodeSystem {
  const observationCodes = Object.values(OBSERVATION_CODES).flat().filter((c) => c.system === SYSTEM.local)
    .map((c) => ({ code: c.code, display: c.display }));
  return {
    resourceType: 'CodeSystem',
    id: 'lm',
    url: SYSTEM.local,
    version: '2022-09',
    name: 'LeptoGuideLM',
    title: 'LeptoGuide leptomeningeal metastases local codes',
    status: 'draft',
    experimental: true,
    publisher: 'LeptoGuide',
    description: 'Concepts for leptomeningeal metastases of solid tumours with no standard code: EANO-ESMO type and certainty '
      + '(EANO-ESMO 2023 Table 1), MRI pattern, Dutch treatment category (Erasmus MC guideline 2022, Prognose), CSF cytology verdict, '
      + 'MRI findings and regions, symptoms, and the observation codes that carry them.',
    caseSensitive: true,
    content: 'complete',
    hierarchyMeaning: 'grouped-by',
    concept: [
      ...observationCodes,
      group('answer', 'Answers (also the CSF cytology verdict)', [...LOCAL_CYTOLOGY, 'raised', 'normal']),
      group('mri-finding', 'MRI finding', LOCAL_MRI_FINDINGS),
      group('mri-region', 'MRI region', LOCAL_MRI_REGIONS),
      group('symptom-code', 'Symptom', LOCAL_SYMPTOMS),
      group('eano-type', 'EANO-ESMO type', LOCAL_EANO_TYPES, 'eano-'),
      group('mri-pattern', 'MRI pattern', LOCAL_MRI_PATTERNS, 'mri-pattern-'),
      group('certainty', 'EANO-ESMO certainty', LOCAL_CERTAINTY, 'certainty-'),
      group('category', 'Treatment category', LOCAL_CATEGORIES),
    ],
  };
}
