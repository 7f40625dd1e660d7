// From a hook request to the patient's LM picture: prefetch → case (src/fhir) → evaluate → known or suspected.
import { evaluate, type Case, type Result } from '../../index.js';
import { lmRecorded, type FhirMapper, type MapIssue } from './fhir-port.js';
import type { FhirPolicy } from './fhir-policy.js';
import { resolvePrefetch, type Fetch } from './prefetch.js';
import type { HookRequest } from './request.js';

export interface PatientPicture {
  readonly case: Case;
  readonly issues: readonly MapIssue[];
  readonly result: Result;
  /** A Condition on record names LM. */
  readonly lmKnown: boolean;
  /** The symptoms made LM suspected (DX-SUSPECT), or the diagnostic flowchart went past "no suspicion". */
  readonly lmSuspected: boolean;
  /** The clinician's judgements the record cannot supply. */
  readonly judge: readonly string[];
}

const NOT_SUSPECTED = new Set<string | null>([null, 'no-suspicion', 'out-of-scope']);

export async function patientPicture(
  req: HookRequest, fhir: FhirMapper, fetchFn: Fetch, today: string, policy: FhirPolicy,
): Promise<PatientPicture> {
  const data = await resolvePrefetch(req, fhir.prefetchTemplates(), fetchFn, policy);
  const mapped = fhir.mapFhir(data, { asOf: today });
  const result = evaluate(mapped.case, { asOf: today });
  return {
    case: mapped.case, issues: mapped.issues, result, judge: mapped.judge ?? [],
    lmKnown: lmRecorded(mapped.issues),
    lmSuspected: result.scope !== 'out-of-scope'
      && (result.recommendations.some((i) => i.rule === 'dx.suspect') || !NOT_SUSPECTED.has(result.diagnosis.position)),
  };
}
