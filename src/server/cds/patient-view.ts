// patient-view: one card with where the patient stands and the advice, when LM is known or suspected.
import { randomUUID } from 'node:crypto';
import { CERTAINTY_TEXT, answerOf, positionLabel, renderAnswer, ui, type Lang } from '../../index.js';
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

/** What no record carries and the clinician must judge (marked in the SMART pre-fill too). */
function judgements(judge: readonly string[], lang: Lang): string {
  if (!judge.length) return '';
  return lang === 'nl' ? `\nTe beoordelen door u (staat in geen dossier): ${judge.join(', ')}.\n` : `\nTo be judged by you (in no record): ${judge.join(', ')}.\n`;
}

/** The patient-view card, or none when LM is neither known nor suspected. */
export function patientViewCards(p: PatientPicture, publicUrl: string, lang: Lang, newId: () => string = randomUUID): Card[] {
  if (!p.lmKnown && !p.lmSuspected) return [];
  const r = p.result;
  const first = r.recommendations.find((i) => i.group !== 'scope');
  // The answer first, and the link to the whole advice (the SMART link below opens it with this case).
  const answer = renderAnswer(answerOf(r), lang, 'markdown');
  const more = lang === 'nl'
    ? '\nHet volledige advies, met onderbouwing per regel: **Open in LeptoGuide** (link bij deze kaart).\n'
    : '\nThe full advice, with the rationale for every line: **Open in LeptoGuide** (link on this card).\n';
  const version = `\n_${r.guideline.title[lang]} (Erasmus MC ${r.guideline.version}), ${ui(lang, 'contentHash')} ${r.guideline.contentHash}_\n`;
  return [{
    uuid: newId(),
    summary: summary(summaryText(p, lang)),
    detail: answer + judgements(p.judge, lang) + more + version + recordNotes(p, lang),
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
