// FHIR searches the mapping needs, derived from the code tables; published as CDS Hooks prefetch templates.
import { OBSERVATION_CODES } from './codes.js';

export function observationCodes(): string[] {
  return [...new Set(Object.values(OBSERVATION_CODES).flat().map((c) => `${c.system}|${c.code}`))];
}

export function prefetchTemplates(): Record<string, string> {
  return {
    patient: 'Patient/{{context.patientId}}',
    conditions: 'Condition?patient={{context.patientId}}',
    // Search values percent-encoded (system|code has ':', '/' and '|', which proxies mangle); ',' separates the codes (OR).
    observations: `Observation?patient={{context.patientId}}&code=${observationCodes().map(encodeURIComponent).join(',')}`,
    specimens: 'Specimen?patient={{context.patientId}}',
    medicationStatements: 'MedicationStatement?patient={{context.patientId}}',
    medicationRequests: 'MedicationRequest?patient={{context.patientId}}',
  };
}
