// Self-contained SVG for a flowchart: no scripts, fonts or external references.
import type { ChartResult, FlowNode, FlowchartDef, Lang } from '../engine/types.js';
import { chartEdges, edgeLabel, nodeStates, nodeText, takenEdges, type NodeState } from './graph.js';
import { FONT_SIZE, LINE_H, layoutFlowchart, type EdgeRoute, type NodeBox } from './layout.js';

export { layoutFlowchart, wrapText, type Layout, type NodeBox, type EdgeRoute } from './layout.js';

const NS = 'http://www.w3.org/2000/svg';
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
/** Text #0f172a / #334155 on these fills exceeds 4.5:1. */
const PALETTE = {
  text: '#0f172a',
  muted: '#334155',
  edge: '#64748b',
  taken: '#1d4ed8',
  kind: {
    step: { fill: '#f8fafc', stroke: '#475569' },
    decision: { fill: '#eef2ff', stroke: '#4338ca' },
    end: { fill: '#ecfdf5', stroke: '#047857' },
  },
  visited: { fill: '#dbeafe', stroke: '#1d4ed8' },
  stopped: { fill: '#fef3c7', stroke: '#b45309' },
} as const;

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Fixed precision keeps output stable across platforms. */
function num(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

function shape(b: Readonly<NodeBox>, style: string): string {
  const { x, y, w, h, inset } = b;
  if (b.kind === 'decision') {
    const pts = [[x + inset, y], [x + w - inset, y], [x + w, y + h / 2], [x + w - inset, y + h], [x + inset, y + h], [x, y + h / 2]];
    return `<polygon points="${pts.map(([px, py]) => `${num(px!)},${num(py!)}`).join(' ')}" ${style}/>`;
  }
  const rx = b.kind === 'end' ? h / 2 : 4;
  return `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" rx="${num(rx)}" ${style}/>`;
}

function nodeSvg(b: Readonly<NodeBox>, n: FlowNode<string>, lang: Lang, state: NodeState | undefined): string {
  const base = PALETTE.kind[b.kind];
  const c = state ? PALETTE[state] : base;
  const sw = state ? 3 : 1.5;
  const dash = state === 'stopped' ? ' stroke-dasharray="7 4"' : '';
  const style = `fill="${c.fill}" stroke="${c.stroke}" stroke-width="${sw}"${dash}`;
  const t = nodeText(n, lang);
  const title = escapeXml(t.ids ? `${t.label} ${t.ids}` : t.label);
  const cx = num(b.x + b.w / 2);
  const spans = [...b.lines.map((l) => [l, PALETTE.text]), ...b.idLines.map((l) => [l, PALETTE.muted])].map(
    ([l, fill], i) => `<tspan x="${cx}" y="${num(b.y + 10 + FONT_SIZE + i * LINE_H)}" fill="${fill}">${escapeXml(l!)}</tspan>`,
  );
  const cls = ['node', b.kind, state].filter(Boolean).join(' ');
  const id = escapeXml(n.id);
  return [
    `<g id="node-${id}" data-node="${id}" class="${cls}">`,
    `<title>${title}</title>`,
    shape(b, style),
    `<text text-anchor="middle" font-size="${FONT_SIZE}"${state ? ' font-weight="600"' : ''}>${spans.join('')}</text>`,
    '</g>',
  ].join('');
}

function edgeSvg(e: EdgeRoute, lang: Lang, taken: boolean, marker: string): string {
  const d = e.points.map(([x, y], i) => `${i ? 'L' : 'M'}${num(x)},${num(y)}`).join(' ');
  const stroke = taken ? PALETTE.taken : PALETTE.edge;
  const cls = taken ? 'edge taken' : 'edge';
  const attrs = `data-edge="${escapeXml(`${e.from}>${e.to}`)}" data-kind="${e.kind}" class="${cls}"`;
  const path = `<path d="${d}" fill="none" stroke="${stroke}" stroke-width="${taken ? 3 : 1.5}" marker-end="url(#${marker}${taken ? '-taken' : ''})"/>`;
  const text = edgeLabel(e.kind, lang);
  const label = e.label && text
    ? `<text x="${num(e.label.x)}" y="${num(e.label.y)}" text-anchor="${e.label.anchor}" font-size="11" fill="${taken ? PALETTE.taken : PALETTE.muted}"${taken ? ' font-weight="600"' : ''} stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(text)}</text>`
    : '';
  return `<g ${attrs}>${path}${label}</g>`;
}

function markers(id: string): string {
  const m = (mid: string, fill: string): string =>
    `<marker id="${mid}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${fill}"/></marker>`;
  return `<defs>${m(id, PALETTE.edge)}${m(`${id}-taken`, PALETTE.taken)}</defs>`;
}

export function flowchartToSvg(chart: FlowchartDef<string>, lang: Lang, path?: ChartResult): string {
  const layout = layoutFlowchart(chart, lang);
  const taken = takenEdges(chart, chartEdges(chart), path);
  const states = nodeStates(chart, path);
  const marker = `lg-arrow-${chart.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const title = escapeXml(chart.label[lang]);
  const desc = escapeXml(chart.ids.length ? `${chart.section} [${chart.ids.join(', ')}]` : chart.section);
  const w = num(layout.width);
  const h = num(layout.height);
  // Taken edges drawn last so they stay on top.
  const order = [...layout.edges].sort((a, b) => Number(taken.has(a.index)) - Number(taken.has(b.index)) || a.index - b.index);
  return [
    `<svg xmlns="${NS}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${title}" font-family="${FONT}">`,
    `<title>${title}</title>`,
    `<desc>${desc}</desc>`,
    markers(marker),
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...order.map((e) => edgeSvg(e, lang, taken.has(e.index), marker)),
    ...chart.nodes.map((n, i) => nodeSvg(layout.nodes[i]!, n, lang, states.get(n.id))),
    '</svg>',
  ].join('\n') + '\n';
}
