// The answer first: a short summary derived from the Result alone (no clinical text written here).
// Diagnosis (certainty + EANO–ESMO type), category, the plan in one or two lines from the coded
// interventions (do/consider, then avoid), safety warnings first, and at most three questions still needed.
// It heads the CLI report, the print page, the CDS Hooks card and the web app's answer card.
import type { Lang, Missing, Text } from '../engine/types.js';
import type { Item, Result } from '../guideline/evaluate.js';
import { CERTAINTY_TEXT } from '../guideline/evaluate.js';
import { DRUG_CLASSES, INTERVENTIONS } from '../guideline/interventions.js';
import { MODEL } from '../guideline/model.js';
import { ui, type UiKey } from '../i18n/ui.js';

/** One intervention in the plan, with the lines that give it. */
export interface PlanPart {
  readonly code: string;
  readonly label: Text;
  /** Every line giving it holds only on an assumption still to be checked. */
  readonly provisional: boolean;
  readonly urgent: boolean;
  readonly rules: readonly string[];
}

export interface Needed {
  readonly fact: string;
  readonly fields: readonly string[];
  /** The question, e.g. "Type of hydrocephalus (communicating or obstructive)?" */
  readonly question: Text;
  /** What it decides, a few words. */
  readonly decides: Text | null;
}

export interface Answer {
  readonly scope: Result['scope'];
  /** Safety lines (group `safety`), emergencies first. */
  readonly safety: readonly { readonly rule: string; readonly text: Text; readonly urgent: boolean }[];
  /** Input errors and input warnings (contradictions, incoherent input), by message. */
  readonly issues: readonly Text[];
  readonly diagnosis: Text;
  readonly category: Text;
  readonly plan: { readonly do: readonly PlanPart[]; readonly consider: readonly PlanPart[]; readonly avoid: readonly PlanPart[] };
  /** The plan in one or two lines: what to do and consider; what not to do. Never empty. */
  readonly planLines: readonly Text[];
  /** At most three questions, most decisive first. */
  readonly needed: readonly Needed[];
  /** How many facts are needed in all (the full list is in `Result.missing`). */
  readonly neededTotal: number;
  /** Requirement IDs behind the answer's lines. */
  readonly ids: readonly string[];
  readonly guideline: { readonly version: string; readonly contentHash: string };
  readonly asOf: string | null;
}

const both = (f: (l: Lang) => string): Text => ({ nl: f('nl'), en: f('en') });
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Where in the plan a line's interventions come: the treatment first, follow-up last. */
const GROUP_RANK: Readonly<Record<string, number>> = { safety: 0, treatment: 1, radiotherapy: 2, diagnosis: 3, 'follow-up': 4 };
const rank = (i: Item): number => (i.urgent ? -1 : GROUP_RANK[i.group] ?? 5);

function interventionLabel(code: string): Text {
  return (INTERVENTIONS as Readonly<Record<string, { label: Text }>>)[code]?.label ?? { nl: code, en: code };
}

/** The coded plan: each intervention once, at its strongest kind (do over consider); avoid apart. */
function planOf(r: Result): Answer['plan'] {
  const lines = r.recommendations.filter((i) => i.group !== 'input' && i.group !== 'scope' && i.interventions.length > 0)
    .map((item, n) => ({ item, n })).sort((a, b) => rank(a.item) - rank(b.item) || a.n - b.n).map((x) => x.item);
  const parts = new Map<string, { kind: 'do' | 'consider' | 'avoid'; rules: string[]; provisional: boolean; urgent: boolean; order: number }>();
  let order = 0;
  for (const i of lines) {
    if (i.kind === 'inform') continue;
    for (const code of i.interventions) {
      const key = `${i.kind === 'avoid' ? 'avoid' : 'propose'}:${code}`;
      const had = parts.get(key);
      const provisional = Boolean(i.assumptions?.length);
      if (!had) {
        parts.set(key, { kind: i.kind, rules: [i.rule], provisional, urgent: Boolean(i.urgent), order: order++ });
        continue;
      }
      had.rules.push(i.rule);
      had.provisional &&= provisional;
      had.urgent ||= Boolean(i.urgent);
      if (i.kind === 'do') had.kind = 'do';
    }
  }
  const drugs = new Set<string>(DRUG_CLASSES);
  const specific = [...parts.keys()].some((k) => k.startsWith('propose:') && drugs.has(k.slice(8)));
  const list = (kind: 'do' | 'consider' | 'avoid'): PlanPart[] => [...parts.entries()]
    .filter(([k, p]) => p.kind === kind && !(specific && k === 'propose:systemic-therapy'))
    .sort(([, a], [, b]) => a.order - b.order)
    .map(([k, p]) => {
      const code = k.slice(k.indexOf(':') + 1);
      return { code, label: interventionLabel(code), provisional: p.provisional, urgent: p.urgent, rules: p.rules };
    });
  return { do: list('do'), consider: list('consider'), avoid: list('avoid') };
}

function partText(p: PlanPart, l: Lang): string {
  return p.provisional ? `${p.label[l]} (${ui(l, 'provisional')})` : p.label[l];
}

function planLines(r: Result, plan: Answer['plan']): Text[] {
  const out: Text[] = [];
  if (plan.do.length || plan.consider.length) {
    out.push(both((l) => {
      const does = plan.do.map((p) => partText(p, l)).join('; ');
      const consider = plan.consider.length ? `${ui(l, 'kind.consider').toLowerCase()}: ${plan.consider.map((p) => partText(p, l)).join(', ')}` : '';
      return cap([does, consider].filter(Boolean).join('; '));
    }));
  }
  if (plan.avoid.length) out.push(both((l) => `${ui(l, 'kind.avoid')}: ${plan.avoid.map((p) => p.label[l]).join(', ')}`));
  if (!out.length) {
    const key: UiKey = r.scope === 'out-of-scope' ? 'answer.noAdviceScope' : r.missing.length ? 'answer.noPlanYet' : 'answer.noPlan';
    out.push(both((l) => ui(l, key)));
  }
  return out;
}

function endLabel(chart: string, outcome: string | null, l: Lang): string | null {
  const node = MODEL.flowcharts.find((c) => c.id === chart)?.nodes.find((n) => n.kind === 'end' && n.outcome === outcome);
  return node ? node.label[l] : null;
}

function diagnosisOf(r: Result): Text {
  if (r.scope === 'out-of-scope') return both((l) => cap(ui(l, 'scope.out-of-scope')));
  const d = r.diagnosis;
  if (d.certainty) {
    return both((l) => `LM ${CERTAINTY_TEXT[d.certainty!][l]}${d.eanoType ? ` · ${ui(l, 'eanoType')} ${d.eanoType}` : ''}`);
  }
  // Nothing decisive known yet: not "no suspicion" while the facts that would decide it are missing.
  const open = d.position === null || (d.position === 'no-suspicion' && r.missing.length > 0);
  return both((l) => {
    const where = open ? ui(l, 'answer.notYetKnown') : endLabel('diagnostic', d.position, l) ?? ui(l, 'position.none');
    return `${ui(l, 'answer.noDiagnosis')} — ${where.charAt(0).toLowerCase()}${where.slice(1)}${d.eanoType ? ` · ${ui(l, 'eanoType')} ${d.eanoType}` : ''}`;
  });
}

function categoryOf(r: Result): Text {
  if (r.category !== null) {
    return both((l) => `${r.category} — ${ui(l, 'prognosis')} ${ui(l, `prognosis.${r.prognosis!}`)}${r.modifiers.length ? ` (${ui(l, 'modifierBrainMets')})` : ''}`);
  }
  return both((l) => ui(l, r.scope === 'out-of-scope' ? 'answer.notApplicable' : 'categoryUnknown'));
}

/**
 * What a missing fact decides, as the value-of-information phrases (at most three). A fact the look-ahead names but
 * value of information could not settle (no `decidesItems`) carries the look-ahead's rule texts: too long for a few words.
 */
export function decidesOf(m: Missing): readonly Text[] {
  return m.decidesItems ? m.decides.slice(0, 3) : [];
}

function neededOf(m: Missing): Needed {
  const decides = decidesOf(m);
  return {
    fact: m.fact, fields: m.fields,
    question: both((l) => `${cap(m.label[l])}?`),
    decides: decides.length ? both((l) => decides.map((d) => d[l]).join('; ') + (m.decidesItems && m.decides.length > 3 ? ' …' : '')) : null,
  };
}

/** The answer summary of a result. Pure. */
export function answerOf(r: Result): Answer {
  const safetyItems = r.recommendations.filter((i) => i.group === 'safety').map((item, n) => ({ item, n }))
    .sort((a, b) => Number(Boolean(b.item.urgent)) - Number(Boolean(a.item.urgent)) || a.n - b.n).map((x) => x.item);
  const plan = planOf(r);
  const used = new Set([...plan.do, ...plan.consider, ...plan.avoid].flatMap((p) => p.rules));
  const ids = [...new Set(r.recommendations.filter((i) => used.has(i.rule) || ['safety', 'classification', 'category'].includes(i.group)).flatMap((i) => i.ids))].sort();
  return {
    scope: r.scope,
    safety: safetyItems.map((i) => ({ rule: i.rule, text: i.text, urgent: Boolean(i.urgent) })),
    issues: [...r.errors, ...r.warnings].map((e) => e.message).filter((m, i, all) => all.findIndex((x) => x.nl === m.nl) === i),
    diagnosis: diagnosisOf(r),
    category: categoryOf(r),
    plan,
    planLines: planLines(r, plan),
    needed: r.missing.slice(0, 3).map(neededOf),
    neededTotal: r.missing.length,
    ids,
    guideline: { version: r.guideline.version, contentHash: r.guideline.contentHash },
    asOf: r.asOf,
  };
}

/** An input message, prefixed with "Check the input" unless it says so itself. */
export function issueText(m: Text, lang: Lang): string {
  const label = ui(lang, 'answer.checkInput');
  return m[lang].toLowerCase().startsWith(label.toLowerCase()) ? m[lang] : `${label}: ${m[lang]}`;
}

/** The answer as text or Markdown (CommonMark, valid in a CDS Hooks card's detail). */
export function renderAnswer(a: Answer, lang: Lang, format: 'text' | 'markdown'): string {
  const u = (k: UiKey): string => ui(lang, k);
  const md = format === 'markdown';
  const out: string[] = [md ? `## ${u('answer.title')}\n` : u('answer.title').toUpperCase()];
  const line = (label: string, value: string): string => (md ? `**${label}:** ${value}  ` : `${label}: ${value}`);
  for (const s of a.safety) out.push(md ? `**⚠ ${u(s.urgent ? 'answer.urgent' : 'answer.safety')}:** ${s.text[lang]}  ` : `⚠ ${u(s.urgent ? 'answer.urgent' : 'answer.safety')}: ${s.text[lang]}`);
  for (const m of a.issues) out.push(md ? `**⚠** ${issueText(m, lang)}  ` : `⚠ ${issueText(m, lang)}`);
  out.push(line(u('answer.diagnosis'), a.diagnosis[lang]));
  out.push(line(u('category'), a.category[lang]));
  a.planLines.forEach((p, i) => out.push(line(i === 0 ? u('answer.plan') : u('answer.notToDo'), i === 0 ? p[lang] : p[lang].replace(/^[^:]+:\s*/, ''))));
  if (a.needed.length) {
    out.push(md ? `\n**${u('answer.needed')}:**\n` : `${u('answer.needed')}:`);
    a.needed.forEach((n, i) => {
      const decides = n.decides ? ` — ${u('decides')}: ${n.decides[lang]}` : '';
      out.push(md ? `${i + 1}. ${n.question[lang]}${decides} (\`${n.fields.join('`, `')}\`)` : `  ${i + 1}. ${n.question[lang]}${decides} (${n.fields.join(', ')})`);
    });
    if (a.neededTotal > a.needed.length) out.push(md ? `\n_${u('answer.moreNeeded').replace('{n}', String(a.neededTotal - a.needed.length))}_` : `  ${u('answer.moreNeeded').replace('{n}', String(a.neededTotal - a.needed.length))}`);
  }
  if (md && a.ids.length) out.push(`\n${u('answer.ids')}: **[${a.ids.join(', ')}]**`);
  return out.join('\n') + '\n';
}

const NOTE_LIMIT = 1200;

/**
 * A short note for the EHR (at most 1,200 characters): date, diagnosis, category, plan, not to do,
 * still needed, guideline version and content hash. Safety lines come first, shortened to their first sentence.
 */
export function renderNote(r: Result, lang: Lang, date: string): string {
  const a = answerOf(r);
  const u = (k: UiKey): string => ui(lang, k);
  const first = (s: string): string => (/^(.+?[.!?])(\s|$)/.exec(s)?.[1] ?? s);
  const tail = `${u('guideline')} Erasmus MC ${a.guideline.version}, ${u('contentHash')} ${a.guideline.contentHash} (LeptoGuide)`;
  const head = [
    `LeptoGuide ${date}`,
    ...a.safety.map((s) => `⚠ ${first(s.text[lang])}`),
    ...a.issues.map((m) => `⚠ ${first(issueText(m, lang))}`),
    `${u('answer.diagnosis')}: ${a.diagnosis[lang]}`,
    `${u('category')}: ${a.category[lang]}`,
    `${u('answer.plan')}: ${a.planLines[0]![lang]}`,
    ...(a.planLines[1] ? [`${u('answer.notToDo')}: ${a.planLines[1][lang].replace(/^[^:]+:\s*/, '')}`] : []),
    ...(a.needed.length ? [`${u('answer.needed')}: ${a.needed.map((n) => n.question[lang]).join(' ')}`] : []),
  ];
  const lines: string[] = [];
  let size = tail.length;
  for (const l of head) {
    const room = NOTE_LIMIT - size - 1;
    if (room <= 1) break;
    const text = l.length > room ? `${l.slice(0, room - 1)}…` : l;
    lines.push(text);
    size += text.length + 1;
  }
  return [...lines, tail].join('\n');
}
