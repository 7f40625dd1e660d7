// Synthetic charts and a tiny XML checker for the render tests.
import type { ChartResult, FlowNode, FlowchartDef, TableDef } from '../../src/engine/types.js';

const src = (...ids: string[]) => ({ ids, section: 'S1' });
const t = (nl: string, en: string) => ({ nl, en });

type P = 'p' | 'q';

/** d1 → (yes s1 | no d2 | unknown s2); s1 → s3 → e1; d2 → (yes e1 long edge | no e2); s2 → e1. */
export const nodes: FlowNode<P>[] = [
  { kind: 'decision', id: 'd1', label: t('Is "p" waar & <ok>?', 'Is "p" true & <ok>?'), test: 'p', yes: 's1', no: 'd2', unknown: 's2', ...src('R-1', 'R-2') },
  { kind: 'step', id: 's1', label: t('Stap een met een heel lange omschrijving die moet worden afgebroken', 'Step one with a very long description that must be wrapped'), rules: [], next: 's3', ...src('R-3') },
  { kind: 'decision', id: 'd2', label: t('q?', 'q?'), test: { not: 'q' }, yes: 'e1', no: 'e2', ...src('R-4') },
  { kind: 'step', id: 's2', label: t('Onbekend pad', 'Unknown path'), rules: [], next: 'e1', ...src() },
  { kind: 'step', id: 's3', label: t('Stap drie', 'Step three'), rules: [], next: 'e1', ...src('R-5') },
  { kind: 'end', id: 'e1', label: t('Einde een', 'End one'), outcome: 'one', ...src('R-6') },
  { kind: 'end', id: 'e2', label: t('Einde twee', 'End two'), outcome: 'two', ...src('R-7') },
];

export const chart: FlowchartDef<P> = { id: 'c1', label: t('Test "schema"', 'Test "chart"'), start: 'd1', nodes, ...src('R-0') };

/** d1 no → d2 yes → e1. */
export const pathNoYes: ChartResult = {
  chart: 'c1', outcome: 'one', stoppedAt: null,
  path: [{ node: 'd1', kind: 'decision', answer: false }, { node: 'd2', kind: 'decision', answer: true }, { node: 'e1', kind: 'end' }],
};

/** d1 no → d2 unknown (no unknown edge): stops at d2. */
export const pathStopped: ChartResult = {
  chart: 'c1', outcome: null, stoppedAt: 'd2',
  path: [{ node: 'd1', kind: 'decision', answer: false }, { node: 'd2', kind: 'decision', answer: null }],
};

/** A chart with a cycle (the evaluator would guard it; rendering must not hang). */
export const cyclic: FlowchartDef<P> = {
  id: 'cyc', label: t('Cyclus', 'Cycle'), start: 'a', ...src(),
  nodes: [
    { kind: 'decision', id: 'a', label: t('a?', 'a?'), test: 'p', yes: 'b', no: 'z', ...src() },
    { kind: 'step', id: 'b', label: t('b', 'b'), rules: [], next: 'a', ...src() },
    { kind: 'end', id: 'z', label: t('z', 'z'), outcome: 'z', ...src() },
  ],
};

export const table: TableDef<P, unknown> = {
  id: 'tab', label: t('Tabel', 'Table'), hitPolicy: 'first', fact: 'grade', ...src('T-0'),
  rows: [
    { id: 'r1', when: ['p', { not: 'q' }], output: 'high', label: t('Hoog', 'High'), ids: ['T-1'], section: 'S2' },
    { id: 'r2', when: ['q'], output: { level: 2 }, label: t('Midden | pipe', 'Middle | pipe'), ids: ['T-2', 'T-3'], section: 'S3' },
  ],
  otherwise: { output: 'low', label: t('Laag', 'Low') },
};

/** Tag-balance and attribute-syntax check; returns the problems found. */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  const ent = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  const attr = /\s+([A-Za-z_:][\w:.-]*)="([^"<]*)"/g;
  const tagRe = /^<(\/?)([A-Za-z][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*="[^"<]*")*)\s*(\/?)>$/;
  let last = 0;
  for (const m of xml.matchAll(/<[^<>]*>/g)) {
    const text = xml.slice(last, m.index);
    last = m.index + m[0].length;
    if (/[<>]/.test(text) || ent.test(text)) problems.push(`bad text: ${text}`);
    if (stack.length === 0 && text.trim()) problems.push(`text outside root: ${text}`);
    const tag = tagRe.exec(m[0]);
    if (!tag) { problems.push(`bad tag: ${m[0]}`); continue; }
    const [, close, name, attrs, self] = tag;
    const names = [...attrs!.matchAll(attr)].map((a) => a[1]);
    if (new Set(names).size !== names.length) problems.push(`duplicate attribute: ${m[0]}`);
    if ([...attrs!.matchAll(attr)].some((a) => ent.test(a[2]!))) problems.push(`bad entity: ${m[0]}`);
    if (close) {
      if (stack.pop() !== name) problems.push(`unbalanced </${name}>`);
    } else if (!self) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    } else if (stack.length === 0) roots++;
  }
  if (xml.slice(last).trim()) problems.push('trailing text');
  if (stack.length) problems.push(`unclosed: ${stack.join(',')}`);
  if (roots !== 1) problems.push(`roots: ${roots}`);
  return problems;
}
