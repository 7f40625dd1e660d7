// Zod-free entry for the FHIR mapping and the evaluator (`leptoguide/fhir-core`): for a service hot path that maps
// and evaluates without loading the case schema. The case is returned as the mapper built it, without the schema
// guard that `mapFhir` of the full entry applies (its values come from the mapper's own code tables); the content
// is the same as mapFhir's (test/fhir/core-entry.test.ts), only the key order inside the case may differ.
import { mapFhirWith, type MapOptions, type MapResult } from './fhir/map.js';
import type { FhirInput } from './fhir/input.js';

export function mapFhirCore(input: FhirInput, options: MapOptions = {}): MapResult {
  return mapFhirWith(input, options);
}
export type { MapOptions, MapResult, FhirInput };
export type { Source, MapIssue } from './fhir/types.js';
export { prefetchTemplates, observationCodes } from './fhir/prefetch.js';
export * from './core.js';
