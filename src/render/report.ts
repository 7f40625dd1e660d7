import type { Lang, Missing } from '../engine/types.js';
import type { Item, Result } from '../guideline/evaluate.js';
import { CERTAINTY_TEXT } from '../guideline/evaluate.js';
import { MODEL } from '../guideline/model.js';
import { ui, type UiKey } from '../i18n/ui.js';
import { answerOf, decidesOf, renderAnswer } from './answer.js';

/**
 * The result with every {nl, en} text replaced by the chosen language: an object whose only own keys are nl and en is
 * a text. Plain loops (no entries arrays): this runs over every result the service returns.
 */
export function localize<T>(value: T, lang: Lang): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = localize(value[i], lang);
    return out;
  }
  const o = value as Record<string, unknown>;
  if (isText(o)) return o[lang];
  const out: Record<string, unknown> = {};
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) out[k] = localize(o[k], lang);
  return out;
}

function isText(o: Record<string, unknown>): boolean {
  if (!Object.prototype.hasOwnProperty.call(o, 'nl') || !Object.prototype.hasOwnProperty.call(o, 'en')) return false;
  let n = 0;
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k) && ++n > 2) return false;
  return n === 2;
}

const KINDS = ['do', 'consider', 'avoid', 'inform'] as const;

/** The label of the end node a flowchart reached, in the chosen language. */
export function positionLabel(chart: string, outcome: string | null, lang: Lang): string {
  const node = MODEL.flowcharts.find((c) => c.id === chart)?.nodes.find((n) => n.kind === 'end' && n.outcome === outcome);
  return node ? node.label[lang] : ui(lang, 'position.none');
}

interface Style {
  heading(s: string): string;
  bullet(s: string): string;
  line(label: string, value: string): string;
}
const TEXT: Style = { heading: (s) => `\n${s.toUpperCase()}`, bullet: (s) => `  • ${s}`, line: (l, v) => `${l}: ${v}` };
const MARKDOWN: Style = { heading: (s) => `\n## ${s}\n`, bullet: (s) => `- ${s}`, line: (l, v) => `**${l}:** ${v}  ` };

function itemLine(i: Item, lang: Lang, md: boolean): string {
  const ids = `[${i.ids.join(', ')}]`;
  const note = i.note ? ` (${ui(lang, i.note.kind)}: ${i.note.text[lang]})` : '';
  const refs = i.refs.length ? `; ${ui(lang, 'refs')} ${i.refs.join(', ')}` : '';
  const where = `${ui(lang, 'section')}: ${i.section}${refs}`;
  const text = i.assumptions?.length ? `${i.text[lang]} (${ui(lang, 'provisional')}: ${i.assumptions.map((a) => a[lang]).join('; ')})` : i.text[lang];
  return md ? `${text} **${ids}** — _${where}_${note}` : `${text} ${ids} — ${where}${note}`;
}

/** One line per needed fact: the question, its fields, what it decides in a few words. */
function missingLine(m: Missing, lang: Lang, md: boolean): string {
  const phrases = decidesOf(m);
  const decides = phrases.length ? ` — ${ui(lang, 'decides')}: ${phrases.map((d) => d[lang]).join('; ')}` : '';
  return md ? `${m.label[lang]} (\`${m.fields.join('`, `')}\`)${decides}` : `${m.label[lang]} (${m.fields.join(', ')})${decides}`;
}

/** A clinician's report: sections, bullets, requirement IDs in brackets. */
export function renderReport(r: Result, lang: Lang, format: 'text' | 'markdown'): string {
  const s = format === 'markdown' ? MARKDOWN : TEXT;
  const u = (k: UiKey): string => ui(lang, k);
  const out: string[] = [format === 'markdown' ? `# ${u('title')}` : u('title')];
  out.push(`${r.guideline.title[lang]} (Erasmus MC, ${r.guideline.version}) · ${u('contentHash')} ${r.guideline.contentHash}`);
  out.push(s.line(u('asOf'), r.asOf ?? u('asOfUnknown')));
  out.push(u('intendedUse'));
  out.push('');
  out.push(renderAnswer(answerOf(r), lang, format).trimEnd());
  // Needed to decide: first, each fact one line (the answer above asks the first three).
  if (r.missing.length > 3) {
    out.push(s.heading(u('missing')));
    for (const m of r.missing) out.push(s.bullet(missingLine(m, lang, format === 'markdown')));
  }
  const safetyFirst = r.recommendations.filter((i) => i.group === 'safety');
  if (safetyFirst.length) {
    out.push(s.heading(u('safety')));
    safetyFirst.forEach((i) => out.push(s.bullet(itemLine(i, lang, format === 'markdown'))));
  }
  if (r.errors.length) {
    out.push(s.heading(u('errors')));
    r.errors.forEach((e) => out.push(s.bullet(`${e.fields.join(' + ')}: ${e.message[lang]}`)));
  }
  if (r.warnings.length) {
    out.push(s.heading(u('warnings')));
    r.warnings.forEach((e) => out.push(s.bullet(`${e.fields.join(' + ')}: ${e.message[lang]}`)));
  }
  const inGroups = (...gs: string[]): Item[] => r.recommendations.filter((i) => gs.includes(i.group));
  const bullets = (items: readonly Item[]): void => items.forEach((i) => out.push(s.bullet(itemLine(i, lang, format === 'markdown'))));

  const byKind = (title: UiKey, items: readonly Item[]): void => {
    if (!items.length) return;
    out.push(s.heading(u(title)));
    for (const kind of KINDS) {
      const some = items.filter((i) => i.kind === kind);
      if (some.length) out.push(format === 'markdown' ? `\n**${u(`kind.${kind}`)}**\n` : `  ${u(`kind.${kind}`)}:`);
      bullets(some);
    }
  };
  bullets(inGroups('warning'));
  out.push(s.heading(u('scope')));
  out.push(u(`scope.${r.scope}`));
  bullets(inGroups('scope'));
  if (r.scope !== 'out-of-scope') {
    out.push(s.heading(u('diagnosis')));
    out.push(s.line(u('position'), positionLabel('diagnostic', r.diagnosis.position, lang)));
    const cert = r.diagnosis.certainty ? CERTAINTY_TEXT[r.diagnosis.certainty][lang] : u('notClassified');
    out.push(s.line(u('eanoType'), r.diagnosis.eanoType ?? '—'));
    out.push(s.line(u('certainty'), cert));
    const cat = r.category === null ? u('categoryUnknown')
      : `${r.category} — ${u('prognosis')} ${u(`prognosis.${r.prognosis!}`)}${r.modifiers.length ? ` (${u('modifierBrainMets')})` : ''}`;
    out.push(s.line(u('category'), cat));
    out.push(s.line(u('treatmentPosition'), positionLabel('treatment', r.treatment.position, lang)));
    bullets(inGroups('classification', 'category'));
  }
  byKind('diagnosticSteps', inGroups('diagnosis'));
  byKind('treatmentAdvice', inGroups('treatment', 'radiotherapy'));
  const follow = inGroups('follow-up', 'prognosis');
  if (follow.length) {
    out.push(s.heading(u('followUp')));
    bullets(follow);
  }
  return out.join('\n') + '\n';
}
