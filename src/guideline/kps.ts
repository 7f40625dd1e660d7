import type { Text } from '../engine/types.js';

// Bijlage 1: Karnofsky performance status, in our own words (KPS-SCALE).
export interface KpsStep {
  readonly score: number;
  readonly text: Text;
}

export const KPS_SCALE: readonly KpsStep[] = [
  { score: 100, text: { nl: 'Normaal actief, geen klachten, geen tekenen van ziekte', en: 'Normal activity, no complaints, no evidence of disease' } },
  { score: 90, text: { nl: 'Normaal actief, geringe tekenen van ziekte', en: 'Normal activity, minor signs of disease' } },
  { score: 80, text: { nl: 'Normaal actief met moeite, enkele ziekteverschijnselen', en: 'Normal activity with effort, some symptoms of disease' } },
  { score: 70, text: { nl: 'Verzorgt zichzelf, kan niet werken', en: 'Cares for self, unable to work' } },
  { score: 60, text: { nl: 'Verzorgt zichzelf grotendeels, heeft geregeld hulp nodig', en: 'Mostly cares for self, needs help regularly' } },
  { score: 50, text: { nl: 'Heeft veel verzorging nodig, ook medische zorg', en: 'Needs considerable care, including medical care' } },
  { score: 40, text: { nl: 'Kan zichzelf niet verzorgen en niet werken', en: 'Unable to care for self or to work' } },
  { score: 30, text: { nl: 'Ernstig ziek, opname aangewezen', en: 'Severely ill, admission indicated' } },
  { score: 20, text: { nl: 'Zeer ernstig ziek', en: 'Very severely ill' } },
  { score: 10, text: { nl: 'Stervende', en: 'Moribund' } },
];

export function kpsStep(score: number): KpsStep | undefined {
  return KPS_SCALE.find((s) => s.score === score);
}
