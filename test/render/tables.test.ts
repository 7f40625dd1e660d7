import { describe, it, expect } from 'vitest';
import { tableToMarkdown } from '../../src/render/tables.js';
import { table } from './fixtures.js';

/** Splits a Markdown table row on unescaped pipes. */
const cells = (line: string): string[] => line.slice(2, -2).split(/(?<!\\) \| /);

describe('tableToMarkdown', () => {
  it('lists every row and the otherwise row with conditions, output, IDs and section', () => {
    const lines = tableToMarkdown(table, 'en').trimEnd().split('\n');
    expect(lines[2]).toBe('| Row | Conditions | Output | Requirements | Section |');
    expect(lines[3]).toBe('|---|---|---|---|---|');
    const rows = lines.slice(4).map(cells);
    expect(rows).toEqual([
      ['r1', 'p and not q', 'High (high)', 'T-1', 'S2'],
      ['r2', 'q', 'Middle \\| pipe ({"level":2})', 'T-2, T-3', 'S3'],
      ['otherwise', '(no row holds)', 'Low (low)', 'T-0', 'S1'],
    ]);
    expect(rows.every((r) => r.length === 5)).toBe(true);
  });

  it('uses predicate labels, an output describer and Dutch words', () => {
    const md = tableToMarkdown(table, 'nl', (o) => `<${JSON.stringify(o)}>`, (n) => `label-${n}`);
    const rows = md.trimEnd().split('\n').slice(4).map(cells);
    expect(rows.map((r) => r[1])).toEqual(['label-p en niet label-q', 'label-q', '(geen rij geldt)']);
    expect(rows.map((r) => r[2])).toEqual(['&lt;"high"&gt;', '&lt;{"level":2}&gt;', '&lt;"low"&gt;']);
    expect(md).toMatch(/^\*\*Tabel\*\*/);
  });

  it('omits the otherwise row when absent and marks unconditional rows', () => {
    const t2 = { ...table, otherwise: undefined, rows: [{ ...table.rows[0]!, when: [] }] };
    const rows = tableToMarkdown(t2, 'en').trimEnd().split('\n').slice(4);
    expect(rows).toHaveLength(1);
    expect(cells(rows[0]!)[1]).toBe('(always)');
  });
});
