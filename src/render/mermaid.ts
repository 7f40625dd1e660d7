// Mermaid source for a flowchart, optionally highlighting an evaluated path.
import type { ChartResult, FlowNode, FlowchartDef, Lang } from '../engine/types.js';
import { chartEdges, edgeLabel, nodeStates, nodeText, takenEdges } from './graph.js';

const VISITED = 'fill:#dbeafe,stroke:#1d4ed8,stroke-width:3px,color:#0f172a';
const STOPPED = 'fill:#fef3c7,stroke:#b45309,stroke-width:3px,stroke-dasharray:6 3,color:#0f172a';
const TAKEN = 'stroke-width:3px,stroke:#1d4ed8';

/** Escapes text for a quoted Mermaid label using entity codes. */
export function escapeMermaid(s: string): string {
  return s
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/&/g, '#amp;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/\r?\n/g, '<br/>');
}

/** Safe, unique Mermaid identifiers for node ids (prefixed: avoids keywords such as `end`). */
function mermaidIds(nodes: readonly FlowNode<string>[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const n of nodes) {
    const base = `n_${n.id.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}_${k}`;
    used.add(id);
    out.set(n.id, id);
  }
  return out;
}

function nodeLine(n: FlowNode<string>, mid: string, lang: Lang): string {
  const t = nodeText(n, lang);
  const label = `"${escapeMermaid(t.label)}${t.ids ? `<br/>${escapeMermaid(t.ids)}` : ''}"`;
  if (n.kind === 'decision') return `  ${mid}{${label}}`;
  if (n.kind === 'end') return `  ${mid}([${label}])`;
  return `  ${mid}[${label}]`;
}

export function flowchartToMermaid(chart: FlowchartDef<string>, lang: Lang, path?: ChartResult): string {
  const ids = mermaidIds(chart.nodes);
  const mid = (id: string): string => ids.get(id)!;
  const edges = chartEdges(chart);
  const lines = ['flowchart TD'];
  for (const n of chart.nodes) lines.push(nodeLine(n, mid(n.id), lang));
  for (const e of edges) {
    const label = edgeLabel(e.kind, lang);
    lines.push(`  ${mid(e.from)} -->${label ? `|"${escapeMermaid(label)}"|` : ''} ${mid(e.to)}`);
  }
  const states = nodeStates(chart, path);
  const taken = takenEdges(chart, edges, path);
  if (states.size > 0) {
    lines.push(`  classDef visited ${VISITED}`, `  classDef stopped ${STOPPED}`);
    for (const state of ['visited', 'stopped'] as const) {
      const members = chart.nodes.filter((n) => states.get(n.id) === state).map((n) => mid(n.id));
      if (members.length) lines.push(`  class ${members.join(',')} ${state}`);
    }
  }
  for (const i of [...taken].sort((a, b) => a - b)) lines.push(`  linkStyle ${i} ${TAKEN}`);
  return `${lines.join('\n')}\n`;
}
