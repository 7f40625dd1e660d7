import { describe, it, expect } from 'vitest';
import { flowchartToSvg, layoutFlowchart, wrapText, type Layout } from '../../src/render/svg.js';
import { chart, cyclic, nodes, pathNoYes, pathStopped, xmlProblems } from './fixtures.js';

type Box = { x: number; y: number; w: number; h: number };

const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Does an axis-parallel segment pass through the inside of a box? */
function crosses(p: readonly [number, number], q: readonly [number, number], b: Box): boolean {
  const [x1, x2] = [Math.min(p[0], q[0]), Math.max(p[0], q[0])];
  const [y1, y2] = [Math.min(p[1], q[1]), Math.max(p[1], q[1])];
  return x1 < b.x + b.w && x2 > b.x && y1 < b.y + b.h && y2 > b.y;
}

function checkLayout(l: Layout): void {
  for (const [i, a] of l.nodes.entries()) {
    expect(a.x).toBeGreaterThanOrEqual(0);
    expect(a.y).toBeGreaterThanOrEqual(0);
    expect(a.x + a.w).toBeLessThanOrEqual(l.width);
    expect(a.y + a.h).toBeLessThanOrEqual(l.height);
    for (const b of l.nodes.slice(i + 1)) expect(overlaps(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
  }
  const byId = new Map(l.nodes.map((n) => [n.id, n]));
  for (const e of l.edges) {
    const s = byId.get(e.from)!;
    const t = byId.get(e.to)!;
    const first = e.points[0]!;
    const last = e.points[e.points.length - 1]!;
    expect(first[1]).toBe(s.y + s.h);
    expect(first[0]).toBeGreaterThan(s.x);
    expect(first[0]).toBeLessThan(s.x + s.w);
    expect(last[1]).toBe(t.y);
    expect(last[0]).toBeGreaterThan(t.x);
    expect(last[0]).toBeLessThan(t.x + t.w);
    for (let i = 0; i + 1 < e.points.length; i++) {
      const [p, q] = [e.points[i]!, e.points[i + 1]!];
      expect(p[0] === q[0] || p[1] === q[1], 'orthogonal segment').toBe(true);
      for (const n of l.nodes) expect(crosses(p, q, n), `edge ${e.from}>${e.to} crosses ${n.id}`).toBe(false);
    }
  }
}

describe('layoutFlowchart', () => {
  it('ranks by longest path and orders rows by discovery', () => {
    const l = layoutFlowchart(chart, 'nl');
    const rank = Object.fromEntries(l.nodes.map((n) => [n.id, n.rank]));
    expect(rank).toEqual({ d1: 0, s1: 1, d2: 1, s2: 1, s3: 2, e1: 3, e2: 2 });
    const row1 = l.nodes.filter((n) => n.rank === 1).sort((a, b) => a.x - b.x).map((n) => n.id);
    expect(row1).toEqual(['s1', 'd2', 's2']);
  });

  it('places boxes without overlap and routes edges around nodes', () => {
    checkLayout(layoutFlowchart(chart, 'nl'));
    checkLayout(layoutFlowchart(chart, 'en'));
    checkLayout(layoutFlowchart(cyclic, 'en'));
  });

  it('detects overlap when boxes do overlap (checker can fail)', () => {
    const l = layoutFlowchart(chart, 'nl');
    const moved = { ...l, nodes: l.nodes.map((n) => (n.id === 's2' ? { ...n, x: l.nodes[0]!.x, y: l.nodes[0]!.y } : n)) };
    expect(() => checkLayout(moved)).toThrow();
  });

  it('wraps text at 28 characters and sizes nodes to fit it', () => {
    expect(wrapText('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(wrapText('x'.repeat(30))).toEqual(['x'.repeat(28), 'xx']);
    const l = layoutFlowchart(chart, 'nl');
    for (const n of l.nodes) {
      expect(n.lines.every((s) => s.length <= 28)).toBe(true);
      const longest = Math.max(...[...n.lines, ...n.idLines].map((s) => s.length));
      expect(n.w - 2 * n.inset).toBeGreaterThanOrEqual(longest * 7);
    }
    expect(l.nodes.find((n) => n.id === 's1')!.lines.length).toBeGreaterThan(1);
  });

  it('terminates on cycles with finite ranks', () => {
    const l = layoutFlowchart(cyclic, 'nl');
    expect(l.nodes.map((n) => n.rank)).toEqual([0, 1, 1]);
  });
});

describe('flowchartToSvg', () => {
  const svg = flowchartToSvg(chart, 'nl', pathNoYes);

  it('is well-formed XML', () => {
    expect(xmlProblems(svg)).toEqual([]);
    expect(xmlProblems(flowchartToSvg(cyclic, 'en'))).toEqual([]);
    expect(xmlProblems(flowchartToSvg(chart, 'en', pathStopped))).toEqual([]);
  });

  it('the XML checker catches broken markup', () => {
    expect(xmlProblems('<svg><g></svg>')).not.toEqual([]);
    expect(xmlProblems('<svg><text>a & b</text></svg>')).not.toEqual([]);
    expect(xmlProblems('<svg a="1" a="2"/>')).not.toEqual([]);
  });

  it('has one element per node with id, data-node and title', () => {
    const found = [...svg.matchAll(/<g id="node-([^"]+)" data-node="([^"]+)"[^>]*><title>([^<]*)<\/title>/g)];
    expect(found.map((m) => m[2])).toEqual(nodes.map((n) => n.id));
    expect(found.every((m) => m[1] === m[2])).toBe(true);
    expect(svg.match(/data-node=/g)!.length).toBe(nodes.length);
    expect(found[0]![3]).toBe('Is &quot;p&quot; waar &amp; &lt;ok&gt;? [R-1, R-2]');
  });

  it('is self-contained and accessible', () => {
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toMatch(/\son\w+=/i);
    expect([...svg.matchAll(/https?:\/\/[^\s"')]+/g)].map((m) => m[0])).toEqual(['http://www.w3.org/2000/svg']);
    expect(svg).not.toMatch(/@import|<image|<foreignObject|href=/);
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-label="Test &quot;schema&quot;"/);
    expect(svg).toMatch(/<title>Test &quot;schema&quot;<\/title>/);
  });

  it('highlights taken edges, visited and stopped nodes', () => {
    const taken = [...svg.matchAll(/data-edge="([^"]+)" data-kind="(\w+)" class="edge taken"/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(taken.sort()).toEqual(['d1&gt;d2:no', 'd2&gt;e1:yes']);
    const visited = [...svg.matchAll(/data-node="(\w+)" class="[^"]*\bvisited\b/g)].map((m) => m[1]);
    expect(visited).toEqual(['d1', 'd2', 'e1']);
    const stopped = flowchartToSvg(chart, 'nl', pathStopped);
    expect([...stopped.matchAll(/data-node="(\w+)" class="[^"]*\bstopped\b/g)].map((m) => m[1])).toEqual(['d2']);
    expect(stopped).toMatch(/stroke-dasharray/);
    expect(flowchartToSvg(chart, 'nl')).not.toMatch(/visited|stopped|edge taken/);
  });

  it('labels decision edges in the chosen language', () => {
    const labels = (s: string): string[] => [...s.matchAll(/paint-order="stroke">([^<]+)</g)].map((m) => m[1]!).sort();
    expect(labels(flowchartToSvg(chart, 'nl'))).toEqual(['ja', 'ja', 'nee', 'nee', 'onbekend']);
    expect(labels(flowchartToSvg(chart, 'en'))).toEqual(['no', 'no', 'unknown', 'yes', 'yes']);
  });

  it('is deterministic', () => {
    expect(flowchartToSvg(chart, 'nl', pathNoYes)).toBe(svg);
    expect(JSON.stringify(layoutFlowchart(chart, 'en'))).toBe(JSON.stringify(layoutFlowchart(chart, 'en')));
  });
});
