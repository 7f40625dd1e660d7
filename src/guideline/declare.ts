import type { Note, RuleDef, Text } from '../engine/types.js';
import type { Intervention } from './interventions.js';
import type { PredicateName } from './predicates.js';

// Small helpers for declaring the knowledge: texts, notes, rules with named fields.

export const t = (nl: string, en: string): Text => ({ nl, en });
export const interpretation = (nl: string, en: string): Note => ({ kind: 'interpretation', text: t(nl, en) });
export const sourceNote = (nl: string, en: string): Note => ({ kind: 'source-note', text: t(nl, en) });
/** Shown with every SAFE line: the source is silent, the addition is ours. */
export const safetyAddition = (nl: string, en: string): Note => interpretation(`Veiligheidsaanvulling: ${nl}`, `Safety addition: ${en}`);

export interface Rule extends RuleDef<PredicateName> {
  readonly interventions?: readonly Intervention[];
}
export const rule = (r: Rule): Rule => r;
