// docs/fhir-mapping.md names every code the mapping reads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { codes } from '../../src/fhir/index.js';

const DOC = readFileSync(join(import.meta.dirname, '../../docs/fhir-mapping.md'), 'utf8');

it('every code in src/fhir/codes.ts appears in docs/fhir-mapping.md', () => {
  const all = [
    ...Object.values(codes.OBSERVATION_CODES).flat(), ...Object.values(codes.COMPONENT), ...Object.values(codes.GENES),
    ...Object.values(codes.ANSWERS).flat(), ...codes.ECOG_ANSWERS, ...codes.PRIMARY_SNOMED, ...Object.values(codes.SECONDARY_ICD10).flat(),
    ...codes.BREAST_HISTOLOGY, ...codes.CSF_SPECIMEN,
  ].map((c) => c.code);
  const more = [...codes.PRIMARY_ICD10.map((p) => p.prefix).filter((p) => !/^C(8|9)/.test(p)), ...codes.DRUGS.flatMap((d) => [d.atc, d.name]),
    ...codes.LOCAL_SYMPTOMS, ...codes.LOCAL_MRI_FINDINGS, ...codes.LOCAL_MRI_REGIONS, ...Object.values(codes.SYSTEM)];
  const missing = [...all, ...more].filter((c) => !DOC.includes(c));
  expect(missing).toEqual([]);
});
