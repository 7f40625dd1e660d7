// MedicationStatement / MedicationRequest → current therapy classes (ATC code or generic name).
import type { CodeableConcept, Medication, MedicationRequest, MedicationStatement } from '@medplum/fhirtypes';
import type { TherapyClass } from '../index.js';
import { DRUGS, DUTCH_NAMES, GSTANDAARD_SYSTEMS, SYSTEM } from './codes.js';
import { candidate, codings, conceptLabel, text, timeOf } from './read.js';
import type { Ctx } from './resolve.js';
import { issue } from './types.js';

const CURRENT: Record<string, ReadonlySet<string>> = {
  MedicationStatement: new Set(['active', 'intended', 'on-hold']),
  MedicationRequest: new Set(['active', 'on-hold']),
};

export function readMedication(m: MedicationStatement | MedicationRequest, ref: string, ctx: Ctx, asOfEnd: number | undefined): void {
  const concept = medicationConcept(m, ctx);
  if (!concept) {
    ctx.issues.push(issue('warning', 'no-medication', ref, `${ref}: the medication cannot be read; not used.`, `${ref}: het middel is niet te lezen; niet gebruikt.`));
    return;
  }
  const drugs = drugsIn(concept);
  const label = conceptLabel(concept);
  const gstandaard = codings(concept).filter((k) => GSTANDAARD_SYSTEMS.includes(k.system ?? ''));
  if (drugs.length === 0 && gstandaard.length && !codings(concept).some((k) => k.system === SYSTEM.atc)) {
    // A G-Standaard code without ATC: classifying it needs the G-Standaard itself (not available offline); never guessed.
    const codes = gstandaard.map((k) => `${k.system === SYSTEM.gstandaardPrk ? 'PRK' : k.system === SYSTEM.gstandaardHpk ? 'HPK' : 'GPK'} ${k.code ?? '?'}`).join(', ');
    ctx.issues.push(issue('warning', 'gstandaard-unclassified', ref,
      `${ref}: ${label} (G-Standaard ${codes}, no ATC) cannot be classified offline; if it is a cancer therapy, enter therapies.current by hand.`,
      `${ref}: ${label} (G-Standaard ${codes}, geen ATC) is offline niet in te delen; is het een oncologische therapie, vul therapies.current dan zelf in.`));
    return;
  }
  if (drugs.length === 0) {
    ctx.issues.push(issue('info', 'unmapped-medication', ref, `${ref}: ${label} is not a therapy LeptoGuide weighs.`, `${ref}: ${label} is geen therapie die LeptoGuide weegt.`));
    return;
  }
  const end = m.resourceType === 'MedicationStatement' ? m.effectivePeriod?.end : m.dispenseRequest?.validityPeriod?.end;
  const endTime = timeOf(end);
  const ended = endTime !== undefined && asOfEnd !== undefined && endTime < asOfEnd;
  if (!CURRENT[m.resourceType]?.has(m.status ?? '') || ended) {
    ctx.issues.push(issue('info', 'not-current', ref,
      `${ref}: ${label} (${m.status ?? 'no status'}${ended ? `, ended ${end}` : ''}) is not current therapy; progression on it must be entered by hand.`,
      `${ref}: ${label} (${m.status ?? 'geen status'}${ended ? `, gestopt ${end}` : ''}) is geen huidige therapie; progressie daarop moet met de hand worden ingevuld.`));
    return;
  }
  const date = m.resourceType === 'MedicationStatement'
    ? m.effectiveDateTime ?? m.effectivePeriod?.start ?? m.dateAsserted
    : m.authoredOn;
  const code = codings(concept).find((k) => k.code)?.code;
  for (const d of drugs) ctx.draft.addList('therapies.current', candidate(d, ref, code ? `${codings(concept)[0]?.system ?? ''}|${code}` : undefined, date));
}

function medicationConcept(m: MedicationStatement | MedicationRequest, ctx: Ctx): CodeableConcept | undefined {
  if (m.medicationCodeableConcept) return m.medicationCodeableConcept;
  const ref = m.medicationReference?.reference;
  if (!ref) return undefined;
  const target = ref.startsWith('#') ? (m.contained ?? []).find((r) => r.id === ref.slice(1)) : ctx.index.get(ref.replace(/^.*\/(Medication\/[^/]+)$/, '$1'));
  const med = target as Medication | undefined;
  if (med?.resourceType !== 'Medication') return m.medicationReference?.display ? { text: m.medicationReference.display } : undefined;
  const ingredients = (med.ingredient ?? []).map((i) => i.itemCodeableConcept).filter((c): c is CodeableConcept => c !== undefined);
  return { ...med.code, coding: [...codings(med.code), ...ingredients.flatMap(codings)], text: [med.code?.text, ...ingredients.map((i) => i.text)].filter(Boolean).join(' ') };
}

/** Each drug's word pattern, compiled once. */

function drugsIn(cc: CodeableConcept): TherapyClass[] {
  const atc = codings(cc).filter((k) => k.system === SYSTEM.atc).map((k) => k.code);
  const words = text(cc);
  const named = (name: string | undefined): boolean => name !== undefined && new RegExp(`\\b${name}\\b`).test(words);
  const classes = DRUGS.filter((d) => atc.includes(d.atc) || named(d.name) || named(DUTCH_NAMES[d.name])).map((d) => d.therapy);
  return [...new Set(classes)];
}
