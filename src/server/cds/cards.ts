// CDS Hooks 2.0 card shapes and the pieces every LeptoGuide card shares (source, SMART link, override reasons).
import { GUIDELINE, type Lang } from '../../index.js';

export type Indicator = 'info' | 'warning' | 'critical';
export interface Coding { readonly system: string; readonly code: string; readonly display: string }
export interface Link { readonly label: string; readonly url: string; readonly type: 'absolute' | 'smart'; readonly appContext?: string }
export interface Action { readonly type: 'create' | 'update' | 'delete'; readonly description: string; readonly resourceId?: string; readonly resource?: unknown }
export interface Suggestion { readonly label: string; readonly uuid?: string; readonly isRecommended?: boolean; readonly actions?: readonly Action[] }
export interface Source { readonly label: string; readonly url?: string; readonly icon?: string; readonly topic?: Coding }
export interface Card {
  readonly uuid: string;
  readonly summary: string;
  readonly detail?: string;
  readonly indicator: Indicator;
  readonly source: Source;
  readonly suggestions?: readonly Suggestion[];
  readonly selectionBehavior?: 'at-most-one' | 'any';
  readonly overrideReasons?: readonly Coding[];
  readonly links?: readonly Link[];
}

export const SUMMARY_MAX = 139;
export const OVERRIDE_SYSTEM = 'urn:leptoguide:cds:override-reason';
export const TOPIC_SYSTEM = 'urn:leptoguide:requirement';

/** Summaries must stay under 140 characters: cut at a word and add an ellipsis. */
export function summary(text: string): string {
  if (text.length <= SUMMARY_MAX) return text;
  const cut = text.slice(0, SUMMARY_MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SUMMARY_MAX - 20)).trimEnd()}…`;
}

/** The guideline as the card's source, linking to a readable page of the section behind the advice (GET /guideline). */
export function source(publicUrl: string, lang: Lang, section: string | null, requirement: string | null): Source {
  const url = `${publicUrl}/guideline?${section ? `section=${encodeURIComponent(section)}&` : ''}lang=${lang}`;
  return {
    label: `${GUIDELINE.title[lang]} (${GUIDELINE.publisher}, ${GUIDELINE.version})`.slice(0, 200),
    url,
    ...(requirement ? { topic: { system: TOPIC_SYSTEM, code: requirement, display: requirement } } : {}),
  };
}

const REASONS: readonly [string, string, string][] = [
  ['mdo-decision', 'Besloten in multidisciplinair overleg', 'Decided in the multidisciplinary meeting'],
  ['clinical-trial', 'Binnen een klinische studie', 'Within a clinical trial'],
  ['patient-preference', 'Wens van de patiënt na uitleg', 'Patient preference after counselling'],
  ['no-lm', 'Geen leptomeningeale metastasen', 'No leptomeningeal metastases'],
  ['other-indication', 'Andere indicatie dan LM', 'Indication other than LM'],
];

/** Reasons a clinician may give for not following a warning (CDS Hooks overrideReasons). */
export function overrideReasons(lang: Lang): Coding[] {
  return REASONS.map(([code, nl, en]) => ({ system: OVERRIDE_SYSTEM, code, display: lang === 'nl' ? nl : en }));
}
