import type { ChartResult, FlowNode, FlowchartDef } from './types.js';

// Every start-to-end path of a flowchart, as "node:answer" steps; used for coverage and diagrams.

export type PathStep = string;

function step(n: FlowNode<string>, answer?: 'yes' | 'no' | 'unknown'): PathStep {
  return answer ? `${n.id}:${answer}` : n.id;
}

export function enumeratePaths<P extends string>(chart: FlowchartDef<P>): PathStep[][] {
  const byId = new Map(chart.nodes.map((n) => [n.id, n]));
  const out: PathStep[][] = [];
  const walk = (id: string, acc: PathStep[]): void => {
    const n = byId.get(id)!;
    if (n.kind === 'end') out.push([...acc, step(n)]);
    else if (n.kind === 'step') walk(n.next, [...acc, step(n)]);
    else {
      walk(n.yes, [...acc, step(n, 'yes')]);
      walk(n.no, [...acc, step(n, 'no')]);
      if (n.unknown) walk(n.unknown, [...acc, step(n, 'unknown')]);
    }
  };
  walk(chart.start, []);
  return out;
}

/** The path an evaluation took, in the same notation (complete only when it reached an end). */
export function pathOfResult(r: ChartResult): PathStep[] {
  return r.path.map((v) => (v.kind === 'decision' ? `${v.node}:${v.answer === true ? 'yes' : v.answer === false ? 'no' : 'unknown'}` : v.node));
}
