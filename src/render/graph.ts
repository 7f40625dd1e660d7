// Generic flowchart graph helpers shared by the Mermaid and SVG renderers.
import type { ChartResult, FlowNode, FlowchartDef, Lang } from '../engine/types.js';

export type EdgeKind = 'yes' | 'no' | 'unknown' | 'next';

export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
}

export type NodeState = 'visited' | 'stopped';

const EDGE_LABELS: Readonly<Record<Lang, Readonly<Record<EdgeKind, string>>>> = {
  nl: { yes: 'ja', no: 'nee', unknown: 'onbekend', next: '' },
  en: { yes: 'yes', no: 'no', unknown: 'unknown', next: '' },
};

export function edgeLabel(kind: EdgeKind, lang: Lang): string {
  return EDGE_LABELS[lang][kind];
}

/** Outgoing edges of one node, in declaration order (yes, no, unknown). */
export function outEdges(n: FlowNode<string>): Edge[] {
  if (n.kind === 'end') return [];
  if (n.kind === 'step') return [{ from: n.id, to: n.next, kind: 'next' }];
  const out: Edge[] = [{ from: n.id, to: n.yes, kind: 'yes' }, { from: n.id, to: n.no, kind: 'no' }];
  if (n.unknown !== undefined) out.push({ from: n.id, to: n.unknown, kind: 'unknown' });
  return out;
}

/** All edges in node declaration order; throws on an edge to a missing node. */
export function chartEdges(chart: FlowchartDef<string>): Edge[] {
  const ids = new Set(chart.nodes.map((n) => n.id));
  const edges = chart.nodes.flatMap(outEdges);
  for (const e of edges) {
    if (!ids.has(e.to)) throw new Error(`flowchart ${chart.id}: node ${e.from} has an edge to missing node "${e.to}"`);
  }
  return edges;
}

/** Node label text plus its requirement IDs ("" when none). */
export function nodeText(n: FlowNode<string>, lang: Lang): { label: string; ids: string } {
  return { label: n.label[lang], ids: n.ids.length ? `[${n.ids.join(', ')}]` : '' };
}

function checkPath(chart: FlowchartDef<string>, path: ChartResult): void {
  if (path.chart !== chart.id) throw new Error(`path of flowchart ${path.chart} given for flowchart ${chart.id}`);
}

/** Indices into `edges` of the edges the walk took. */
export function takenEdges(chart: FlowchartDef<string>, edges: readonly Edge[], path?: ChartResult): Set<number> {
  const taken = new Set<number>();
  if (!path) return taken;
  checkPath(chart, path);
  for (let i = 0; i + 1 < path.path.length; i++) {
    const a = path.path[i]!;
    const b = path.path[i + 1]!;
    const kind: EdgeKind | undefined =
      a.kind !== 'decision' ? 'next' : a.answer === true ? 'yes' : a.answer === false ? 'no' : a.answer === null ? 'unknown' : undefined;
    const idx = edges.findIndex((e) => e.from === a.node && e.to === b.node && e.kind === kind);
    if (idx >= 0) taken.add(idx);
  }
  return taken;
}

/** Highlight state per visited node; the stop node is 'stopped'. */
export function nodeStates(chart: FlowchartDef<string>, path?: ChartResult): Map<string, NodeState> {
  const states = new Map<string, NodeState>();
  if (!path) return states;
  checkPath(chart, path);
  for (const v of path.path) states.set(v.node, 'visited');
  if (path.stoppedAt !== null) states.set(path.stoppedAt, 'stopped');
  return states;
}
