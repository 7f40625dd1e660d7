// Small deterministic layered layout for flowcharts (longest-path ranks, orthogonal edges).
import type { FlowNode, FlowchartDef, Lang } from '../engine/types.js';
import { chartEdges, nodeText, type Edge } from './graph.js';

export const FONT_SIZE = 12;
export const CHAR_W = 7;
export const LINE_H = 16;
export const MAX_CHARS = 28;
const PAD_X = 14;
const PAD_Y = 10;
const MIN_W = 120;
const HEX_INSET = 20;
const HGAP = 40;
const VGAP = 72;
const LABEL_SPACE = 20;
const LANE_STEP = 10;
const MARGIN = 24;
const CHANNEL = 16;

export interface NodeBox {
  readonly id: string;
  readonly kind: FlowNode<string>['kind'];
  readonly rank: number;
  x: number;
  y: number;
  readonly w: number;
  readonly h: number;
  /** Horizontal inset of the shape's flat top/bottom (hexagon tip, stadium cap). */
  readonly inset: number;
  readonly lines: readonly string[];
  readonly idLines: readonly string[];
}

export interface EdgeRoute extends Edge {
  readonly index: number;
  readonly points: readonly (readonly [number, number])[];
  readonly label: { readonly x: number; readonly y: number; readonly anchor: 'start' | 'end' } | null;
}

export interface Layout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly Readonly<NodeBox>[];
  readonly edges: readonly EdgeRoute[];
}

/** Greedy word wrap; words longer than `max` are split. */
export function wrapText(text: string, max = MAX_CHARS): string[] {
  const lines: string[] = [];
  let cur = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word.length > max) {
      if (cur) {
        lines.push(cur);
        cur = '';
      }
      lines.push(word.slice(0, max));
      word = word.slice(max);
    }
    if (!cur) cur = word;
    else if (cur.length + 1 + word.length <= max) cur += ` ${word}`;
    else {
      lines.push(cur);
      cur = word;
    }
  }
  if (cur) lines.push(cur);
  return lines;
}

function sizeNode(n: FlowNode<string>, lang: Lang, rank: number): NodeBox {
  const t = nodeText(n, lang);
  const lines = wrapText(t.label);
  const idLines = wrapText(t.ids);
  const textW = Math.max(1, ...[...lines, ...idLines].map((l) => l.length)) * CHAR_W;
  const h = (lines.length + idLines.length) * LINE_H + 2 * PAD_Y;
  const inset = n.kind === 'decision' ? HEX_INSET : n.kind === 'end' ? h / 2 : 0;
  const w = Math.max(n.kind === 'decision' ? 180 : MIN_W, textW + 2 * PAD_X + 2 * inset);
  return { id: n.id, kind: n.kind, rank, x: 0, y: 0, w, h, inset, lines, idLines };
}

/** Discovery order: breadth-first from start, then unreachable nodes in declaration order. */
function discovery(chart: FlowchartDef<string>, out: Map<string, Edge[]>): string[] {
  const seen = new Set<string>();
  const order: string[] = [];
  for (const root of [chart.start, ...chart.nodes.map((n) => n.id)]) {
    if (seen.has(root)) continue;
    const queue = [root];
    seen.add(root);
    while (queue.length) {
      const id = queue.shift()!;
      order.push(id);
      for (const e of out.get(id) ?? []) {
        if (!seen.has(e.to)) {
          seen.add(e.to);
          queue.push(e.to);
        }
      }
    }
  }
  return order;
}

/** Longest-path ranks; back edges (cycles) are ignored for ranking. */
function rankNodes(order: readonly string[], out: Map<string, Edge[]>): { rank: Map<string, number>; back: Set<Edge> } {
  const state = new Map<string, 1 | 2>();
  const post: string[] = [];
  const back = new Set<Edge>();
  const visit = (id: string): void => {
    state.set(id, 1);
    for (const e of out.get(id) ?? []) {
      const s = state.get(e.to);
      if (s === 1) back.add(e);
      else if (s === undefined) visit(e.to);
    }
    state.set(id, 2);
    post.push(id);
  };
  order.forEach((id) => state.has(id) || visit(id));
  const rank = new Map(order.map((id) => [id, 0]));
  for (const id of post.reverse()) {
    for (const e of out.get(id) ?? []) {
      if (!back.has(e)) rank.set(e.to, Math.max(rank.get(e.to)!, rank.get(id)! + 1));
    }
  }
  return { rank, back };
}

/** Evenly spaced port x positions along a node's flat top or bottom. */
function ports(b: NodeBox, count: number): number[] {
  const span = b.w - 2 * b.inset;
  return Array.from({ length: count }, (_, i) => b.x + b.inset + (span * (i + 1)) / (count + 1));
}

type Route = { e: Edge; index: number; kind: 'direct' | 'down' | 'right' | 'left'; sx: number; tx: number; };

export function layoutFlowchart(chart: FlowchartDef<string>, lang: Lang): Layout {
  if (!chart.nodes.some((n) => n.id === chart.start)) throw new Error(`flowchart ${chart.id}: start node "${chart.start}" missing`);
  const edges = chartEdges(chart);
  const out = new Map<string, Edge[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  const order = discovery(chart, out);
  const { rank, back } = rankNodes(order, out);
  const box = new Map(chart.nodes.map((n) => [n.id, sizeNode(n, lang, rank.get(n.id)!)]));
  const nRows = Math.max(...rank.values()) + 1;
  const rows: NodeBox[][] = Array.from({ length: nRows }, () => []);
  order.forEach((id) => rows[rank.get(id)!]!.push(box.get(id)!));

  // x within content area
  const rowW = rows.map((r) => r.reduce((s, b) => s + b.w, 0) + HGAP * Math.max(0, r.length - 1));
  const contentW = Math.max(...rowW);
  rows.forEach((r, i) => {
    let x = (contentW - rowW[i]!) / 2;
    for (const b of r) {
      b.x = x;
      x += b.w + HGAP;
    }
  });

  // classify edges; gap g lies above row g (gap nRows is below the last row)
  const srcX = new Map<Edge, number>();
  for (const [id, es] of out) ports(box.get(id)!, es.length).forEach((x, i) => srcX.set(es[i]!, x));
  const gaps: number[][] = Array.from({ length: nRows + 1 }, () => []);
  const routes: Route[] = edges.map((e, index) => {
    const r = rank.get(e.from)!;
    const t = rank.get(e.to)!;
    const sx = srcX.get(e)!;
    const to = box.get(e.to)!;
    const side = (sx + to.x + to.w / 2) / 2 < contentW / 2 ? 'left' : 'right';
    const kind = back.has(e) || t <= r ? 'left' : t === r + 1 ? 'direct' : blocked(rows, r, t, sx) ? side : 'down';
    return { e, index, kind, sx, tx: 0 };
  });
  let nLeft = 0;
  let nRight = 0;
  const chanX = new Map<Route, number>();
  for (const rt of routes) {
    const r = rank.get(rt.e.from)!;
    const t = rank.get(rt.e.to)!;
    if (rt.kind !== 'down') lane(gaps, r + 1, rt.index);
    if (rt.kind !== 'direct') lane(gaps, t, rt.index);
    if (rt.kind === 'direct' || rt.kind === 'down') continue;
    chanX.set(rt, rt.kind === 'left' ? -(++nLeft) : ++nRight);
  }

  // target ports, ordered by where the edge arrives from
  const approach = (rt: Route): number => (rt.kind === 'direct' || rt.kind === 'down' ? rt.sx : rt.kind === 'left' ? -1e9 - chanX.get(rt)! : 1e9 + chanX.get(rt)!);
  for (const b of box.values()) {
    const inc = routes.filter((rt) => rt.e.to === b.id).sort((p, q) => approach(p) - approach(q) || p.index - q.index);
    ports(b, inc.length).forEach((x, i) => (inc[i]!.tx = x));
  }

  // shift right of the left channels, then place rows vertically
  const offX = MARGIN + (nLeft ? (nLeft + 1) * CHANNEL : 0);
  for (const b of box.values()) b.x += offX;
  for (const rt of routes) {
    rt.sx += offX;
    rt.tx += offX;
  }
  const gapH = gaps.map((g, i) => (i === 0 || i === nRows ? (g.length ? VGAP : 0) : Math.max(VGAP, LABEL_SPACE + (g.length + 1) * LANE_STEP)));
  const gapTop: number[] = [];
  let y = MARGIN;
  rows.forEach((r, i) => {
    gapTop.push(y);
    y += gapH[i]!;
    r.forEach((b) => (b.y = y));
    y += Math.max(...r.map((b) => b.h));
  });
  gapTop.push(y);
  const height = y + gapH[nRows]! + MARGIN;
  const laneY = (g: number, index: number): number => {
    const list = gaps[g]!;
    const top = gapTop[g]! + (g === 0 ? 0 : LABEL_SPACE);
    return top + ((gapTop[g]! + gapH[g]! - top) * (list.indexOf(index) + 1)) / (list.length + 1);
  };
  const contentRight = offX + contentW;
  const width = contentRight + (nRight ? (nRight + 1) * CHANNEL : 0) + MARGIN;
  const channel = (rt: Route): number => {
    const k = chanX.get(rt)!;
    return k < 0 ? offX - -k * CHANNEL : contentRight + k * CHANNEL;
  };
  const edgeRoutes = routes.map((rt) => toEdgeRoute(rt, box, rank, laneY, channel));
  return { width, height, nodes: chart.nodes.map((n) => box.get(n.id)!), edges: edgeRoutes };
}

function lane(gaps: number[][], g: number, index: number): void {
  gaps[g]!.push(index);
}

/** True when a vertical at x from row r down to row t would cross a node in the rows between. */
function blocked(rows: NodeBox[][], r: number, t: number, x: number): boolean {
  const m = HGAP / 4;
  return rows.slice(r + 1, t).some((row) => row.some((b) => b.x - m < x && x < b.x + b.w + m));
}

function toEdgeRoute(
  rt: Route, box: Map<string, NodeBox>, rank: Map<string, number>,
  laneY: (g: number, i: number) => number, channel: (rt: Route) => number,
): EdgeRoute {
  const s = box.get(rt.e.from)!;
  const t = box.get(rt.e.to)!;
  const sy = s.y + s.h;
  const y1 = laneY(rt.kind === 'down' ? rank.get(rt.e.to)! : rank.get(rt.e.from)! + 1, rt.index);
  const pts: [number, number][] = [[rt.sx, sy], [rt.sx, y1]];
  if (rt.kind === 'left' || rt.kind === 'right') {
    const cx = channel(rt);
    const y2 = laneY(rank.get(rt.e.to)!, rt.index);
    pts.push([cx, y1], [cx, y2], [rt.tx, y2]);
  } else pts.push([rt.tx, y1]);
  pts.push([rt.tx, t.y]);
  const label = rt.e.kind === 'next' ? null : { x: rt.sx + (rt.e.kind === 'yes' ? -4 : 4), y: sy + 14, anchor: rt.e.kind === 'yes' ? 'end' as const : 'start' as const };
  return { ...rt.e, index: rt.index, points: pts, label };
}
