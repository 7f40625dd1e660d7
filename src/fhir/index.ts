// FHIR R4 → LeptoGuide case: the pure mapping, its code tables and the searches it needs.
export { mapFhir } from './full.js';
export { CLINICIAN_JUDGEMENTS, mapFhirWith } from './map.js';
export type { MapOptions, MapResult } from './map.js';
export type { FhirInput } from './input.js';
export type { Source, MapIssue } from './types.js';
export { prefetchTemplates, observationCodes } from './prefetch.js';
export { localCodeSystem } from './code-system.js';
export * as codes from './codes.js';
