// The FHIR → case mapping this service uses (src/fhir), behind an interface so tests can substitute it.
import { mapFhir, prefetchTemplates, type MapIssue, type MapResult } from '../../fhir/index.js';

export interface FhirMapper {
  /** Pure: prefetch object (key → resource or Bundle) → case, sources and issues. */
  mapFhir(prefetch: Record<string, unknown>, options: { asOf: string }): Pick<MapResult, 'case' | 'issues'> & Partial<Pick<MapResult, 'judge'>>;
  /** CDS Hooks prefetch templates (key → FHIR query with {{context.patientId}}), derived from the codes the mapping reads. */
  prefetchTemplates(): Readonly<Record<string, string>>;
}

export const FHIR: FhirMapper = { mapFhir, prefetchTemplates };

/** The mapping reports an LM diagnosis on record (ICD-10(-CM) codes of src/fhir/codes.ts SECONDARY_ICD10.lm) with this code. */
export const lmRecorded = (issues: readonly MapIssue[]): boolean => issues.some((i) => i.code === 'lm-condition');
export type { MapIssue };
