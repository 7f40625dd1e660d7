// Prefill API for the SMART on FHIR launch: load a case and show per field where each value came from.
import type { Case } from '../../src/index.js';
import { loadCase, toJudge, view, type FieldSource } from './state.js';

export type { FieldSource } from './state.js';

/**
 * Loads `c` into the form. `sources` maps field paths (as in the case format: `performance.kps`,
 * `lumbarPunctures[0].cytology`) to the FHIR resource, code and date the value came from; the form shows
 * a source badge at each such field until the user changes it. `judge` names fields no record carries (clinical
 * judgements): each is marked "to be judged by you" while it is empty, never defaulted.
 */
export function prefillCase(c: Case, sources: Readonly<Record<string, FieldSource>>, judge: readonly string[] = []): void {
  loadCase(c, sources);
  toJudge.value = new Set(judge);
  view.value = 'case';
}
