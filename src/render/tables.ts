// Markdown rendering of decision tables.
import type { Cond, Lang, TableDef } from '../engine/types.js';

const WORDS = {
  nl: { head: ['Rij', 'Voorwaarden', 'Uitkomst', 'Eisen', 'Sectie'], not: 'niet', and: ' en ', always: '(altijd)', otherwise: 'anders', none: '(geen rij geldt)', policy: 'eerste rij die geldt' },
  en: { head: ['Row', 'Conditions', 'Output', 'Requirements', 'Section'], not: 'not', and: ' and ', always: '(always)', otherwise: 'otherwise', none: '(no row holds)', policy: 'first row that holds' },
} as const;

/** Escapes a GitHub-flavoured Markdown table cell. */
export function escapeCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}

function defaultOutput(o: unknown): string {
  if (typeof o === 'string') return o;
  const json = JSON.stringify(o);
  return json === undefined ? String(o) : json;
}

function condText(c: Cond<string>, lang: Lang, label: (name: string) => string): string {
  return typeof c === 'string' ? label(c) : `${WORDS[lang].not} ${label(c.not)}`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(escapeCell).join(' | ')} |`;
}

export function tableToMarkdown(
  table: TableDef<string, unknown>,
  lang: Lang,
  describeOutput?: (o: unknown) => string,
  predicateLabel?: (name: string) => string,
): string {
  const w = WORDS[lang];
  const label = predicateLabel ?? ((n: string) => n);
  const output = (o: unknown, text: string): string => (describeOutput ? describeOutput(o) : `${text} (${defaultOutput(o)})`);
  const lines = [
    `**${escapeCell(table.label[lang])}** (\`${table.id}\`, ${w.policy} → \`${table.fact}\`)`,
    '',
    row(w.head),
    `|${w.head.map(() => '---').join('|')}|`,
  ];
  for (const r of table.rows) {
    const conds = r.when.length ? r.when.map((c) => condText(c, lang, label)).join(w.and) : w.always;
    lines.push(row([r.id, conds, output(r.output, r.label[lang]), r.ids.join(', '), r.section]));
  }
  if (table.otherwise) {
    const o = table.otherwise;
    lines.push(row([w.otherwise, w.none, output(o.output, o.label[lang]), table.ids.join(', '), table.section]));
  }
  return `${lines.join('\n')}\n`;
}
