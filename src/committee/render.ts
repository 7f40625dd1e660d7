import type { Lang, Text } from '../engine/types.js';
import type { Change, FieldChange, KnowledgeDiff, Part, Side } from './diff.js';
import type { CaseImpact, Headline, ImpactDocument } from './impact.js';
import type { WordRun } from './words.js';

// The committee's reading of a diff and an impact report: plain text or Markdown (for the minutes), nl or en.

export type Format = 'text' | 'markdown';

const L = {
  diffTitle: { nl: 'Kennisverschil', en: 'Knowledge diff' },
  impactTitle: { nl: 'Gevolgen voor casussen', en: 'Impact on cases' },
  base: { nl: 'Basis', en: 'Base' },
  head: { nl: 'Nieuw', en: 'Head' },
  version: { nl: 'versie', en: 'version' },
  hash: { nl: 'inhoudshash', en: 'content hash' },
  revision: { nl: 'revisie', en: 'revision' },
  noChanges: { nl: 'Geen wijzigingen in de kennis.', en: 'No changes to the knowledge.' },
  changes: { nl: 'wijzigingen', en: 'changes' },
  added: { nl: 'toegevoegd', en: 'added' },
  removed: { nl: 'verwijderd', en: 'removed' },
  changed: { nl: 'gewijzigd', en: 'changed' },
  section: { nl: 'sectie', en: 'section' },
  items: { nl: 'erbij', en: 'added' },
  itemsGone: { nl: 'eraf', en: 'removed' },
  cases: { nl: 'Casussen', en: 'Cases' },
  changedCases: { nl: 'met ander resultaat', en: 'with a different result' },
  invalidCases: { nl: 'ongeldig onder een van beide versies', en: 'invalid under either version' },
  recommendations: { nl: 'adviezen', en: 'recommendations' },
  missing: { nl: 'ontbrekende gegevens', en: 'missing facts' },
  byChange: { nl: 'Per kenniswijziging', en: 'By knowledge change' },
  unattributed: { nl: 'niet toe te schrijven aan een wijziging in de declaraties (bijv. een hulpfunctie)', en: 'not attributable to a change in the declarations (e.g. a helper function)' },
  perCase: { nl: 'Per casus', en: 'Per case' },
  recAdded: { nl: 'advies erbij', en: 'advice added' },
  recRemoved: { nl: 'advies eraf', en: 'advice removed' },
  recKind: { nl: 'soort advies gewijzigd', en: 'kind of advice changed' },
  missingAdded: { nl: 'nu gevraagd', en: 'now asked for' },
  missingRemoved: { nl: 'niet meer gevraagd', en: 'no longer asked for' },
  causes: { nl: 'oorzaak in de trace', en: 'cause in the trace' },
  more: { nl: 'en nog', en: 'and' },
  moreCases: { nl: 'casussen meer (zie --format json)', en: 'more cases (see --format json)' },
  caseOne: { nl: 'casus', en: 'case' },
  caseMany: { nl: 'casussen', en: 'cases' },
  none: { nl: 'geen', en: 'none' },
  codeEffect: { nl: 'het effect blijkt alleen uit de gevolgen voor casussen (impact)', en: 'its effect shows only in the impact' },
  moreLines: { nl: 'regels meer', en: 'more lines' },
} as const satisfies Record<string, Text>;

const PART: Readonly<Record<Part, Text>> = {
  rule: { nl: 'regel', en: 'rule' },
  table: { nl: 'beslistabel', en: 'decision table' },
  'table-row': { nl: 'tabelrij', en: 'table row' },
  flowchart: { nl: 'stroomschema', en: 'flowchart' },
  node: { nl: 'knoop', en: 'node' },
  edge: { nl: 'verbinding', en: 'edge' },
  predicate: { nl: 'predicaat', en: 'predicate' },
  fact: { nl: 'feit', en: 'fact' },
  guard: { nl: 'veiligheidsbewaking', en: 'safety guard' },
  check: { nl: 'invoercontrole', en: 'input check' },
  intervention: { nl: 'interventie', en: 'intervention' },
  derive: { nl: 'afleiding van de feiten', en: 'derivation of the facts' },
  code: { nl: 'code', en: 'code' },
};

const HEADLINE: Readonly<Record<Headline, Text>> = {
  category: { nl: 'categorie', en: 'category' },
  certainty: { nl: 'zekerheid (EANO–ESMO)', en: 'certainty (EANO–ESMO)' },
  eanoType: { nl: 'EANO–ESMO-type', en: 'EANO–ESMO type' },
  position: { nl: 'volgende diagnostische stap', en: 'next diagnostic step' },
  treatment: { nl: 'behandelpositie', en: 'treatment position' },
  invalid: { nl: 'geldigheid van de casus', en: 'validity of the case' },
};

const CHANGE: Readonly<Record<Change['change'], keyof typeof L>> = { added: 'added', removed: 'removed', changed: 'changed' };

interface Style {
  title(s: string): string;
  heading(s: string): string;
  bullet(s: string, depth?: number): string;
  code(s: string): string;
  strong(s: string): string;
  ins(s: string): string;
  del(s: string): string;
}
const TEXT: Style = {
  title: (s) => s.toUpperCase(), heading: (s) => `\n${s.toUpperCase()}`, bullet: (s, d = 0) => `${'  '.repeat(d + 1)}${d ? '-' : '•'} ${s}`,
  code: (s) => s, strong: (s) => s, ins: (s) => `{+${s}+}`, del: (s) => `[-${s}-]`,
};
const mdEscape = (s: string): string => s.replace(/([\\`*_[\]<>|~])/g, '\\$1');
const MARKDOWN: Style = {
  title: (s) => `## ${s}`, heading: (s) => `\n### ${s}\n`, bullet: (s, d = 0) => `${'  '.repeat(d)}- ${s}`,
  code: (s) => `\`${s.replace(/`/g, "'")}\``, strong: (s) => `**${s}**`, ins: (s) => `**${mdEscape(s)}**`, del: (s) => `~~${mdEscape(s)}~~`,
};
const styleOf = (f: Format): Style => (f === 'markdown' ? MARKDOWN : TEXT);

/** Long unchanged stretches are shortened to their ends. */
function words(runs: readonly WordRun[], s: Style, md: boolean): string {
  return runs.map((r) => {
    if (r.op === 'added') return s.ins(r.text);
    if (r.op === 'removed') return s.del(r.text);
    const w = r.text.split(' ');
    const t = w.length > 12 ? `${w.slice(0, 4).join(' ')} … ${w.slice(-4).join(' ')}` : r.text;
    return md ? mdEscape(t) : t;
  }).join(' ');
}

const show = (v: unknown): string => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

function fieldLine(f: FieldChange, lang: Lang, s: Style, md: boolean): string {
  const name = s.code(f.field);
  if (f.words) return `${name}: ${words(f.words, s, md)}`;
  if (f.items && (f.items.added.length || f.items.removed.length)) {
    const parts = [
      f.items.added.length ? `${L.items[lang]}: ${f.items.added.map(s.code).join(', ')}` : '',
      f.items.removed.length ? `${L.itemsGone[lang]}: ${f.items.removed.map(s.code).join(', ')}` : '',
    ].filter(Boolean);
    return `${name}: ${parts.join('; ')}`;
  }
  return `${name}: ${s.code(show(f.before))} → ${s.code(show(f.after))}`;
}

function sideLine(label: string, side: Side, lang: Lang): string {
  const rev = side.revision ? ` · ${L.revision[lang]} ${side.revision}` : '';
  return `${label}: ${L.version[lang]} ${side.version} · ${L.hash[lang]} ${side.contentHash}${rev}`;
}

/** `code gewijzigd: src/guideline/facts.ts — …`, and the changed lines when both sides were revisions. */
function codeLines(c: Change, lang: Lang, s: Style): string[] {
  const out = [s.bullet(`${s.strong(`${PART.code[lang]} ${L[CHANGE[c.change]][lang]}`)}: ${s.code(c.id)} — ${L.codeEffect[lang]}`)];
  for (const r of c.lines?.runs ?? []) out.push(s.bullet(s.code(`${r.op === 'added' ? '+' : '-'}${r.line}: ${r.text.trim()}`), 1));
  if (c.lines?.more) out.push(s.bullet(`${L.more[lang]} ${c.lines.more} ${L.moreLines[lang]}`, 1));
  return out;
}

/** One line per change, its fields below it. */
export function renderDiff(d: KnowledgeDiff, format: Format, lang: Lang): string {
  const s = styleOf(format);
  const md = format === 'markdown';
  const out = [s.title(L.diffTitle[lang]), '', sideLine(L.base[lang], d.base, lang) + (md ? '  ' : ''), sideLine(L.head[lang], d.head, lang)];
  if (!d.changes.length) return [...out, '', L.noChanges[lang], ''].join('\n');
  const count = (c: Change['change']): number => d.changes.filter((x) => x.change === c).length;
  out.push('', `${d.changes.length} ${L.changes[lang]}: ${(['added', 'removed', 'changed'] as const).map((c) => `${count(c)} ${L[CHANGE[c]][lang]}`).join(', ')}`);
  for (const c of d.changes) {
    if (c.part === 'code') { out.push(...codeLines(c, lang, s)); continue; }
    const ids = c.ids.length ? ` [${c.ids.join(', ')}]` : '';
    const where = c.section ? ` — ${L.section[lang]}: ${md ? mdEscape(c.section) : c.section}` : '';
    out.push(s.bullet(`${s.strong(L[CHANGE[c.change]][lang])} · ${PART[c.part][lang]} ${s.code(c.id)}${where}${ids}`));
    for (const f of c.fields ?? []) out.push(s.bullet(fieldLine(f, lang, s, md), 1));
  }
  return out.join('\n') + '\n';
}

/** `part:id` of a change, readable. */
function changeLabel(key: string, lang: Lang, s: Style): string {
  if (key === '') return L.unattributed[lang];
  const i = key.indexOf(':');
  const part = key.slice(0, i) as Part;
  return `${PART[part]?.[lang] ?? part} ${s.code(key.slice(i + 1))}`;
}

function caseLines(c: CaseImpact, lang: Lang, s: Style): string[] {
  const out = [s.bullet(s.strong(c.name))];
  for (const h of c.headline) out.push(s.bullet(`${HEADLINE[h.field][lang]}: ${s.code(show(h.before))} → ${s.code(show(h.after))}`, 1));
  const r = c.recommendations;
  if (r.added.length) out.push(s.bullet(`${L.recAdded[lang]}: ${r.added.map((x) => s.code(`${x.rule} (${x.kind})`)).join(', ')}`, 1));
  if (r.removed.length) out.push(s.bullet(`${L.recRemoved[lang]}: ${r.removed.map((x) => s.code(`${x.rule} (${x.kind})`)).join(', ')}`, 1));
  if (r.changedKind.length) out.push(s.bullet(`${L.recKind[lang]}: ${r.changedKind.map((x) => s.code(`${x.rule} ${x.before} → ${x.after}`)).join(', ')}`, 1));
  if (c.missing.added.length) out.push(s.bullet(`${L.missingAdded[lang]}: ${c.missing.added.map(s.code).join(', ')}`, 1));
  if (c.missing.removed.length) out.push(s.bullet(`${L.missingRemoved[lang]}: ${c.missing.removed.map(s.code).join(', ')}`, 1));
  if (c.changes.length) out.push(s.bullet(`${L.byChange[lang]}: ${c.changes.map((k) => changeLabel(k, lang, s)).join(', ')}`, 1));
  else if (c.causes.length) out.push(s.bullet(`${L.causes[lang]}: ${c.causes.slice(0, 8).map(s.code).join(', ')}${c.causes.length > 8 ? ` (${L.more[lang]} ${c.causes.length - 8})` : ''}`, 1));
  return out;
}

/** Counts first, then the knowledge changes with their cases, then each changed case (at most maxCases). */
export function renderImpact(d: ImpactDocument, format: Format, lang: Lang, maxCases = Infinity): string {
  const s = styleOf(format);
  const md = format === 'markdown';
  const m = d.summary;
  const n = (k: number): string => `${k} ${k === 1 ? L.caseOne[lang] : L.caseMany[lang]}`;
  const out = [s.title(L.impactTitle[lang]), '', sideLine(L.base[lang], d.base, lang) + (md ? '  ' : ''), sideLine(L.head[lang], d.head, lang), ''];
  out.push(`${L.cases[lang]}: ${m.cases} · ${L.changedCases[lang]}: ${m.changedCases} · ${L.invalidCases[lang]}: ${m.invalidCases}`);
  if (m.changedCases) {
    const counts = (Object.keys(HEADLINE) as Headline[]).filter((h) => m.byHeadline[h]).map((h) => `${HEADLINE[h][lang]}: ${m.byHeadline[h]}`);
    if (m.recommendationsChanged) counts.push(`${L.recommendations[lang]}: ${m.recommendationsChanged}`);
    if (m.missingChanged) counts.push(`${L.missing[lang]}: ${m.missingChanged}`);
    out.push(counts.join(' · '));
    out.push(s.heading(L.byChange[lang]));
    for (const g of m.groups) {
      const names = g.names.map(s.code).join(', ') + (g.cases > g.names.length ? ' …' : '');
      out.push(s.bullet(`${changeLabel(g.change, lang, s)}: ${n(g.cases)} (${names})`));
    }
    out.push(s.heading(L.perCase[lang]));
    const shown = d.cases.slice(0, maxCases);
    for (const c of shown) out.push(...caseLines(c, lang, s));
    if (m.changedCases > shown.length) out.push('', `${L.more[lang]} ${m.changedCases - shown.length} ${L.moreCases[lang]}`);
  }
  return out.join('\n') + '\n';
}
