// patient-view: one card with where the patient stands and the advice, when LM is known or suspected.
import { randomUUID } from 'node:crypto';
import { CERTAINTY_TEXT, positionLabel, ui, type Lang, type Result } from '../../index.js';
import { source, summary, type Card } from './cards.js';
import type { PatientPicture } from './patient.js';

function summaryText(p: PatientPicture, lang: Lang): string {
  const r = p.result;
  const parts = [r.diagnosis.certainty ? `LM ${CERTAINTY_TEXT[r.diagnosis.certainty][lang]}` : `LM: ${positionLabel('diagnostic', r.diagnosis.position, lang)}`];
  if (r.diagnosis.eanoType) parts.push(`EANO–ESMO ${r.diagnosis.eanoType}`);
  if (r.category !== null) parts.push(`${ui(lang, 'category').toLowerCase()} ${r.category}`);
  if (r.treatment.position) parts.push(positionLabel('treatment', r.treatment.position, lang));
  return parts.join(' · ');
}

function recordNotes(p: PatientPicture, lang: Lang): string {
  const header = lang === 'nl' ? 'Gegevens uit het dossier' : 'Data from the record';
  const issues = p.issues.filter((i) => i.severity !== 'info' || i.code === 'lm-condition').slice(0, 20).map((i) => `- ${i.message[lang]}`);
  return issues.length ? `\n## ${header}\n\n${issues.join('\n')}\n` : '';
}

const KEY_LINES = 5;

/** The answer in short: the key lines of advice (urgent, do/avoid, consider, then information) with IDs, what is needed to decide, what is for the clinician. */
function answer(r: Result, judge: readonly string[], lang: Lang): string {
  const lines = r.recommendations.filter((i) => i.group !== 'scope');
  // Urgent first, then what to do or avoid, then what to consider; statements for information only last.
  const rank = (i: (typeof lines)[number]): number => (i.urgent ? 0 : i.kind === 'do' || i.kind === 'avoid' ? 1 : i.kind === 'consider' ? 2 : 3);
  const key = [...lines].sort((a, b) => rank(a) - rank(b)).slice(0, KEY_LINES)
    .map((i) => `- ${i.urgent ? '**' : ''}${i.text[lang]}${i.urgent ? '**' : ''} [${i.ids.join(', ')}]`);
  const more = lines.length - key.length;
  const out = [...key];
  if (more > 0) out.push(lang === 'nl' ? `- … en ${more} regel(s) meer in LeptoGuide.` : `- … and ${more} more line(s) in LeptoGuide.`);
  const missing = r.missing.slice(0, 3).map((m) => m.label[lang]);
  if (missing.length) out.push('', `${lang === 'nl' ? 'Nodig om te beslissen' : 'Needed to decide'}: ${missing.join('; ')}.`);
  if (judge.length) {
    out.push('', lang === 'nl'
      ? `Te beoordelen door u (staat in geen dossier): ${judge.join(', ')}.`
      : `To be judged by you (in no record): ${judge.join(', ')}.`);
  }
  out.push('', lang === 'nl'
    ? 'Het volledige advies met onderbouwing en bronnen: open LeptoGuide (link hieronder).'
    : 'The full advice with rationale and sources: open LeptoGuide (link below).');
  return out.join('\n');
}

/** The patient-view card, or none when LM is neither known nor suspected. */
export function patientViewCards(p: PatientPicture, publicUrl: string, lang: Lang, newId: () => string = randomUUID): Card[] {
  if (!p.lmKnown && !p.lmSuspected) return [];
  const r = p.result;
  const first = r.recommendations.find((i) => i.group !== 'scope');
  return [{
    uuid: newId(),
    summary: summary(summaryText(p, lang)),
    detail: answer(r, p.judge, lang) + recordNotes(p, lang),
    indicator: r.recommendations.some((i) => i.urgent) ? 'critical'
      : r.errors.length || r.recommendations.some((i) => i.group === 'safety') ? 'warning' : 'info',
    source: source(publicUrl, lang, first?.section ?? null, first?.ids[0] ?? null),
    links: [{
      label: 'Open in LeptoGuide',
      url: `${publicUrl}/launch.html`,
      type: 'smart',
      appContext: JSON.stringify({ case: p.case, asOf: r.asOf }),
    }],
  }];
}
