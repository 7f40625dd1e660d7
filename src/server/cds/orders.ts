// order-sign / order-select: warn on draft orders the guideline advises against in LM.
// Intrathecal route: SNOMED CT 72607000 "Intrathecal route" (FHIR R4 route-codes expansion) or the words.
// Whole-brain RT: no SNOMED CT code verified yet, so the order's text and displays are matched (ADR 0004).
import { randomUUID } from 'node:crypto';
import { MODEL, type Lang } from '../../index.js';
import { overrideReasons, source, summary, type Card } from './cards.js';
import type { PatientPicture } from './patient.js';
import { concept, hasCode, resourcesIn, wordsOf, type Resource } from './request.js';

const SNOMED = 'http://snomed.info/sct';
const INTRATHECAL_ROUTE = '72607000';
const INTRATHECAL_WORDS = /intrathec|intrathek|intralumba|intraventric|ommaya/i;
const CHEMO_WORDS = /methotrex|cytarabin|\bara-?c\b|thiotepa|topotecan|etoposid|trastuzumab|pemetrexed|gemcitabin|interferon|chemo/i;
const WBRT_WORDS = /whole[- ]?brain|\bwbrt\b|hele[- ]?(brein|hersenen)|totale[- ]?schedel|schedelbestraling/i;

type Finding = { readonly rule: 'tx.no-intrathecal' | 'tx.wbrt-avoid'; readonly order: Resource };

function intrathecal(order: Resource): boolean {
  if (order.resourceType !== 'MedicationRequest') return false;
  const routes = (Array.isArray(order.dosageInstruction) ? order.dosageInstruction as { route?: unknown }[] : []).map((d) => concept(d.route));
  const byRoute = routes.some((r) => hasCode(r, SNOMED, INTRATHECAL_ROUTE) || INTRATHECAL_WORDS.test(wordsOf(r)));
  const medication = wordsOf(concept(order.medicationCodeableConcept)) + ' ' + String((order.medicationReference as { display?: string } | undefined)?.display ?? '');
  return byRoute && CHEMO_WORDS.test(medication);
}

function wholeBrainRt(order: Resource): boolean {
  if (order.resourceType !== 'ServiceRequest' && order.resourceType !== 'Procedure') return false;
  return WBRT_WORDS.test(wordsOf(concept(order.code)));
}

/** The draft orders to check: all of them (order-sign) or the selected ones (order-select). */
export function draftOrders(context: Readonly<Record<string, unknown>>, selectedOnly: boolean): Resource[] {
  const all = resourcesIn(context.draftOrders);
  if (!selectedOnly) return all;
  const selections = Array.isArray(context.selections) ? context.selections.filter((s): s is string => typeof s === 'string') : [];
  return all.filter((r) => selections.includes(`${r.resourceType}/${r.id ?? ''}`));
}

export function findings(p: PatientPicture, orders: readonly Resource[]): Finding[] {
  if (!(p.lmKnown || p.lmSuspected) || p.result.scope === 'out-of-scope') return [];
  const wbrtPrimary = p.case.primaryTumour === 'melanoma' || p.case.primaryTumour === 'nsclc';
  return orders.flatMap((order): Finding[] => [
    ...(intrathecal(order) ? [{ rule: 'tx.no-intrathecal', order } as const] : []),
    ...(wbrtPrimary && wholeBrainRt(order) ? [{ rule: 'tx.wbrt-avoid', order } as const] : []),
  ]);
}

const TITLE: Record<Finding['rule'], Record<Lang, string>> = {
  'tx.no-intrathecal': { nl: 'Intrathecale chemotherapie wordt afgeraden bij LM', en: 'Intrathecal chemotherapy is advised against in LM' },
  'tx.wbrt-avoid': { nl: 'Totale schedelbestraling wordt afgeraden bij LM van melanoom of NSCLC', en: 'Whole-brain RT is advised against in LM of melanoma or NSCLC' },
};

export function orderCards(found: readonly Finding[], publicUrl: string, lang: Lang, newId: () => string = randomUUID): Card[] {
  return found.map(({ rule, order }) => {
    const def = MODEL.rules.find((r) => r.id === rule)!;
    const ref = `${order.resourceType}/${order.id ?? ''}`;
    const ids = def.ids.join(', ');
    const detail = [
      `**${def.text[lang]}** **[${ids}]**`, '',
      `${lang === 'nl' ? 'Onderbouwing' : 'Rationale'}: ${def.rationale[lang]}`, '',
      `${lang === 'nl' ? 'Bron' : 'Source'}: ${def.section}${def.refs?.length ? `; refs ${def.refs.join(', ')}` : ''}`, '',
      lang === 'nl' ? 'Een aanbeveling: afwijken met goede redenen mag (geef de reden op).' : 'A recommendation: you may depart from it for good reasons (give the reason).',
    ].join('\n');
    const remove = order.id ? {
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
      summary: summary(`${TITLE[rule][lang]} [${ids}]`),
      detail,
      indicator: 'warning',
      source: source(publicUrl, lang, def.section, def.ids[0] ?? null),
      ...remove,
      overrideReasons: overrideReasons(lang),
    };
  });
}
