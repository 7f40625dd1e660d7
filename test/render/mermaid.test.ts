import { describe, it, expect } from 'vitest';
import { flowchartToMermaid } from '../../src/render/mermaid.js';
import { chart, cyclic, nodes, pathNoYes, pathStopped } from './fixtures.js';

interface Parsed {
  defs: Map<string, { shape: string; label: string }>;
  edges: { from: string; to: string; label: string }[];
  links: number[];
  classes: Map<string, string[]>;
}

/** Minimal structural parser for the subset of Mermaid we emit. */
function parse(src: string): Parsed {
  const lines = src.trimEnd().split('\n');
  expect(lines[0]).toBe('flowchart TD');
  const p: Parsed = { defs: new Map(), edges: [], links: [], classes: new Map() };
  for (const line of lines.slice(1)) {
    let m: RegExpExecArray | null;
    if ((m = /^ {2}(\w+)(\{|\(\[|\[)"([^"]*)"(\}|\]\)|\])$/.exec(line))) {
      expect(p.defs.has(m[1]!), `defined twice: ${m[1]}`).toBe(false);
      p.defs.set(m[1]!, { shape: m[2]!, label: m[3]! });
    } else if ((m = /^ {2}(\w+) -->(?:\|"([^"]*)"\|)? (\w+)$/.exec(line))) {
      p.edges.push({ from: m[1]!, to: m[3]!, label: m[2] ?? '' });
    } else if ((m = /^ {2}linkStyle (\d+) stroke-width:3px,stroke:#[0-9a-f]{6}$/.exec(line))) {
      p.links.push(Number(m[1]));
    } else if ((m = /^ {2}class ([\w,]+) (\w+)$/.exec(line))) {
      p.classes.set(m[2]!, m[1]!.split(','));
    } else if (!/^ {2}classDef (visited|stopped) /.test(line)) {
      throw new Error(`unexpected line: ${line}`);
    }
  }
  return p;
}

const mid = (id: string): string => `n_${id}`;

describe('flowchartToMermaid', () => {
  it('defines every node once with its shape and every edge between defined nodes', () => {
    const p = parse(flowchartToMermaid(chart, 'nl'));
    expect([...p.defs.keys()].sort()).toEqual(nodes.map((n) => mid(n.id)).sort());
    expect(p.defs.get('n_d1')!.shape).toBe('{');
    expect(p.defs.get('n_s1')!.shape).toBe('[');
    expect(p.defs.get('n_e1')!.shape).toBe('([');
    for (const e of p.edges) {
      expect(p.defs.has(e.from)).toBe(true);
      expect(p.defs.has(e.to)).toBe(true);
    }
    expect(p.edges).toEqual([
      { from: 'n_d1', to: 'n_s1', label: 'ja' },
      { from: 'n_d1', to: 'n_d2', label: 'nee' },
      { from: 'n_d1', to: 'n_s2', label: 'onbekend' },
      { from: 'n_s1', to: 'n_s3', label: '' },
      { from: 'n_d2', to: 'n_e1', label: 'ja' },
      { from: 'n_d2', to: 'n_e2', label: 'nee' },
      { from: 'n_s2', to: 'n_e1', label: '' },
      { from: 'n_s3', to: 'n_e1', label: '' },
    ]);
    expect(p.links).toEqual([]);
  });

  it('uses English edge labels and escapes quotes and markup in labels', () => {
    const src = flowchartToMermaid(chart, 'en');
    const p = parse(src);
    expect(p.edges.slice(0, 3).map((e) => e.label)).toEqual(['yes', 'no', 'unknown']);
    expect(p.defs.get('n_d1')!.label).toBe('Is #quot;p#quot; true #amp; #lt;ok#gt;?<br/>[R-1, R-2]');
    expect(p.defs.get('n_s2')!.label).toBe('Unknown path');
  });

  it('highlights exactly the taken edges and visited nodes', () => {
    const p = parse(flowchartToMermaid(chart, 'nl', pathNoYes));
    expect(p.links.map((i) => p.edges[i])).toEqual([
      { from: 'n_d1', to: 'n_d2', label: 'nee' },
      { from: 'n_d2', to: 'n_e1', label: 'ja' },
    ]);
    expect(p.classes.get('visited')).toEqual(['n_d1', 'n_d2', 'n_e1']);
    expect(p.classes.has('stopped')).toBe(false);
  });

  it('marks the node where the walk stopped and no edge out of it', () => {
    const p = parse(flowchartToMermaid(chart, 'nl', pathStopped));
    expect(p.links.map((i) => p.edges[i])).toEqual([{ from: 'n_d1', to: 'n_d2', label: 'nee' }]);
    expect(p.classes.get('stopped')).toEqual(['n_d2']);
    expect(p.classes.get('visited')).toEqual(['n_d1']);
  });

  it('does not highlight an edge whose answer does not match', () => {
    const wrong = { ...pathNoYes, path: [{ node: 'd1', kind: 'decision' as const, answer: true }, { node: 'd2', kind: 'decision' as const, answer: true }] };
    expect(parse(flowchartToMermaid(chart, 'nl', wrong)).links).toEqual([]);
  });

  it('makes ids safe (keywords, punctuation) and unique', () => {
    const odd = {
      ...cyclic,
      start: 'end',
      nodes: [
        { kind: 'step' as const, id: 'end', label: { nl: 'x', en: 'x' }, rules: [], next: 'a-b', ids: [], section: '' },
        { kind: 'step' as const, id: 'a-b', label: { nl: 'y', en: 'y' }, rules: [], next: 'a_b', ids: [], section: '' },
        { kind: 'end' as const, id: 'a_b', label: { nl: 'z', en: 'z' }, outcome: 'z', ids: [], section: '' },
      ],
    };
    const p = parse(flowchartToMermaid(odd, 'en'));
    expect([...p.defs.keys()]).toEqual(['n_end', 'n_a_b', 'n_a_b_2']);
    expect(p.edges).toEqual([{ from: 'n_end', to: 'n_a_b', label: '' }, { from: 'n_a_b', to: 'n_a_b_2', label: '' }]);
  });

  it('rejects a path of another chart and edges to missing nodes', () => {
    expect(() => flowchartToMermaid(chart, 'nl', { ...pathNoYes, chart: 'other' })).toThrow(/other/);
    const broken = { ...cyclic, nodes: cyclic.nodes.filter((n) => n.id !== 'z') };
    expect(() => flowchartToMermaid(broken, 'nl')).toThrow(/missing node "z"/);
  });
});
