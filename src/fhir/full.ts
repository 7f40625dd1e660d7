// The mapping with the case schema's guard (zod): what src/fhir/index.ts exports as mapFhir.
import { parseCase } from '../guideline/parse.js';
import { mapFhirWith, type MapOptions, type MapResult } from './map.js';
import type { FhirInput } from './input.js';

/** FHIR R4 (Bundle or CDS Hooks prefetch) → case, per-field sources and issues; the case is checked with parseCase. */
export function mapFhir(input: FhirInput, options: MapOptions = {}): MapResult {
  return mapFhirWith(input, options, parseCase);
}
