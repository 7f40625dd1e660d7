// order-sign / order-select: warn on draft orders the guideline advises against in LM.
// Intrathecal route: SNOMED CT 72607000 "Intrathecal route" (FHIR R4 route-codes expansion) or the words.
// Whole-brain RT: no SNOMED CT code verified yet, so the order's text and displays are matched (ADR 0004).
// A lumbar puncture (SNOMED CT 277762005 or the words) is warned on when the advice itself says "no LP" (SAFE-LP-CAUTION).
// The warning cites the advice's own "avoid" line for that intervention where there is one.
import { randomUUID } from 'node:crypto';
import { MODEL, type Lang } from '../../index.js';
import { overrideReasons, source, summary, type Card } from './cards.js';
import type { PatientPicture } from './patient.js';
import { concept, hasCode, idOf, isObject, objectsIn, resourcesIn, wordsOf, type Resource } from './request.js';

const SNOMED = 'http://snomed.info/sct';
const INTRATHECAL_ROUTE = '72607000';
const INTRATHECAL_WORDS = /intrathec|intrathek|intralumba|intraventric|ommaya/i;
const CHEMO_WORDS = /methotrex|cytarabin|\bara-?c\b|thiotepa|topotecan|etoposid|trastuzumab|pemetrexed|gemcitabin|interferon|chemo/i;
const WBRT_WORDS = /whole[- ]?brain|\bwbrt\b|hele[- ]?(brein|hersenen)|totale[- ]?schedel|schedelbestraling/i;

const LP_PROCEDURE = '277762005'; // SNOMED CT Lumbar puncture (procedure), verified (terminology.md)
const LP_WORDS = /lumba(al|r)[- ]?punct|lumbaalpunctie|\blp\b|ruggenprik|spinal tap/i;

type Finding = { readonly rule: string; readonly order: Resource };

/** What an order says, read defensively; problems names the fields that were malformed (and skipped). */
interface ReadOrder {
  readonly intrathecalChemo: boolean; readonly wholeBrainRt: boolean; readonly lumbarPuncture?: boolean; readonly problems: readonly string[];
}

function readOrder(order: Resource): ReadOrder {
  const problems: string[] = [];
  if (order.resourceType === 'MedicationRequest') {
    const routes = objectsIn(order.dosageInstruction, 'dosageInstruction', problems)
      .map((d, i) => concept(d.route, `dosageInstruction[${i}].route`, problems));
    const byRoute = routes.some((r) => hasCode(r, SNOMED, INTRATHECAL_ROUTE) || INTRATHECAL_WORDS.test(wordsOf(r)));
    const ref = order.medicationReference;
    if (ref !== undefined && ref !== null && !isObject(ref)) problems.push('medicationReference');
    const refDisplay = isObject(ref) && typeof ref.display === 'string' ? ref.display : '';
    const medication = `${wordsOf(concept(order.medicationCodeableConcept, 'medicationCodeableConcept', problems))} ${refDisplay}`;
    return { intrathecalChemo: byRoute && CHEMO_WORDS.test(medication), wholeBrainRt: false, problems };
  }
  if (order.resourceType === 'ServiceRequest' || order.resourceType === 'Procedure') {
    const code = concept(order.code, 'code', problems);
    const words = wordsOf(code);
    return { intrathecalChemo: false, wholeBrainRt: WBRT_WORDS.test(words), lumbarPuncture: hasCode(code, SNOMED, LP_PROCEDURE) || LP_WORDS.test(words), problems };
  }
  return { intrathecalChemo: false, wholeBrainRt: false, problems };
}

/** The draft orders to check: all of them (order-sign) or the selected ones (order-select). */
export function draftOrders(context: Readonly<Record<string, unknown>>, selectedOnly: boolean): Resource[] {
  const all = resourcesIn(context.draftOrders);
  if (!selectedOnly) return all;
  const selections = Array.isArray(context.selections) ? context.selections.filter((s): s is string => typeof s === 'string') : [];
  return all.filter((r) => selections.includes(`${r.resourceType}/${idOf(r)}`));
}

/** A draft order that could not be read in full: its reference and the malformed fields. */
export interface UnreadableOrder { readonly ref: string; readonly fields: readonly string[] }

/** The warnings for the orders, and the orders that were (partly) unreadable; one bad order never hides the others' warnings. */
export function findings(p: PatientPicture, orders: readonly Resource[]): { found: Finding[]; unreadable: UnreadableOrder[] } {
  if (!(p.lmKnown || p.lmSuspected) || p.result.scope === 'out-of-scope') return { found: [], unreadable: [] };
  const wbrtPrimary = p.case.primaryTumour === 'melanoma' || p.case.primaryTumour === 'nsclc';
  // The advice's own "not to do" lines, by intervention code (src/guideline/interventions.ts).
  const against = (code: string): string | undefined =>
    p.result.recommendations.find((i) => i.kind === 'avoid' && i.interventions.includes(code))?.rule;
  const found: Finding[] = [];
  const unreadable: UnreadableOrder[] = [];
  for (const order of orders) {
    const read = readOrder(order);
    if (read.intrathecalChemo) found.push({ rule: against('intrathecal-chemotherapy') ?? 'tx.no-intrathecal', order });
    const proposes = (code: string): boolean =>
      p.result.recommendations.some((i) => (i.kind === 'do' || i.kind === 'consider') && i.interventions.includes(code));
    const wbrt = against('wbrt') ?? (wbrtPrimary && !proposes('wbrt') ? 'tx.wbrt-avoid' : undefined);
    if (read.wholeBrainRt && wbrt) found.push({ rule: wbrt, order });
    const lp = against('lumbar-puncture');
    if (read.lumbarPuncture && lp) found.push({ rule: lp, order });
    if (read.problems.length) unreadable.push({ ref: `${order.resourceType}/${idOf(order)}`, fields: read.problems.slice(0, 10) });
  }
  return { found, unreadable };
}

/** One info card naming the draft orders that could not be checked in full (malformed FHIR), so the gap is visible. */
export function unreadableCard(orders: readonly UnreadableOrder[], publicUrl: string, lang: Lang, newId: () => string = randomUUID): Card[] {
  if (!orders.length) return [];
  const list = orders.slice(0, 20).map((o) => `- ${o.ref.slice(0, 100)}: ${o.fields.join(', ')}`).join('\n');
  return [{
    uuid: newId(),
    summary: summary(lang === 'nl'
      ? `LeptoGuide kon ${orders.length} order(s) niet volledig controleren (onleesbare FHIR-velden)`
      : `LeptoGuide could not fully check ${orders.length} order(s) (unreadable FHIR fields)`),
    detail: `${lang === 'nl' ? 'Deze orders zijn niet (volledig) gecontroleerd op intrathecale chemotherapie en totale schedelbestraling' : 'These orders were not (fully) checked for intrathecal chemotherapy and whole-brain radiotherapy'}:\n\n${list}`,
    indicator: 'info',
    source: source(publicUrl, lang, null, null),
  }];
}

const TITLE: Readonly<Record<string, Record<Lang, string>>> = {
  'tx.no-intrathecal': { nl: 'Intrathecale chemotherapie wordt afgeraden bij LM', en: 'Intrathecal chemotherapy is advised against in LM' },
  'tx.wbrt-avoid': { nl: 'Totale schedelbestraling wordt afgeraden bij LM van melanoom of NSCLC', en: 'Whole-brain RT is advised against in LM of melanoma or NSCLC' },
  'safe.lp-contraindicated': { nl: 'Geen lumbaalpunctie: obstructieve hydrocephalus', en: 'No lumbar puncture: obstructive hydrocephalus' },
};

export function orderCards(found: readonly Finding[], publicUrl: string, lang: Lang, newId: () => string = randomUUID): Card[] {
  return found.map(({ rule, order }) => {
    const def = MODEL.rules.find((r) => r.id === rule)!;
    const ref = `${order.resourceType}/${idOf(order)}`;
    const ids = def.ids.join(', ');
    const detail = [
      `**${def.text[lang]}** **[${ids}]**`, '',
      `${lang === 'nl' ? 'Onderbouwing' : 'Rationale'}: ${def.rationale[lang]}`, '',
      `${lang === 'nl' ? 'Bron' : 'Source'}: ${def.section}${def.refs?.length ? `; refs ${def.refs.join(', ')}` : ''}`, '',
      lang === 'nl' ? 'Een aanbeveling: afwijken met goede redenen mag (geef de reden op).' : 'A recommendation: you may depart from it for good reasons (give the reason).',
    ].join('\n');
    const remove = idOf(order) ? {
      suggestions: [{
        label: lang === 'nl' ? 'Order verwijderen' : 'Remove the order',
        uuid: newId(),
        isRecommended: false,
        actions: [{ type: 'delete' as const, description: lang === 'nl' ? `Verwijder ${ref}` : `Remove ${ref}`, resourceId: ref }],
      }],
      selectionBehavior: 'at-most-one' as const,
    } : {};
    return {
      uuid: newId(),
      summary: summary(`${TITLE[rule]?.[lang] ?? def.text[lang]} [${ids}]`),
      detail,
      indicator: 'warning',
      source: source(publicUrl, lang, def.section, def.ids[0] ?? null),
      ...remove,
      overrideReasons: overrideReasons(lang),
    };
  });
}
