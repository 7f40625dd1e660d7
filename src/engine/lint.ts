import { condName } from './compile.js';
import type { Cond, Facts, FlowNode, Model, Text } from './types.js';

// Static checks of a model: structure, completeness, both languages, requirement coverage.

function texts(value: unknown, path: string, out: [string, Text][]): void {
  if (Array.isArray(value)) value.forEach((v, i) => texts(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('nl' in o || 'en' in o) out.push([path, o as unknown as Text]);
    else Object.entries(o).forEach(([k, v]) => texts(v, path ? `${path}.${k}` : k, out));
  }
}

const edges = (n: FlowNode<string>): string[] =>
  n.kind === 'decision' ? [n.yes, n.no, ...(n.unknown ? [n.unknown] : [])] : n.kind === 'step' ? [n.next] : [];

export function lint<C, F extends Facts, P extends string>(model: Model<C, F, P>, requirementIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const unique = (kind: string, id: string): void => {
    if (seen.has(`${kind}:${id}`)) problems.push(`${kind} ${id}: duplicate id`);
    seen.add(`${kind}:${id}`);
  };
  const usedIds = new Set<string>();
  const useIds = (where: string, ids: readonly string[]): void => ids.forEach((id) => {
    if (!requirementIds.has(id)) problems.push(`${where}: unknown requirement ID ${id}`);
    usedIds.add(id);
  });
  const usedPredicates = new Set<string>();
  const usePreds = (conds: readonly Cond<P>[]): void => conds.forEach((c) => usedPredicates.add(condName(c)));

  model.rules.forEach((r) => { unique('rule', r.id); useIds(`rule ${r.id}`, r.ids); usePreds(r.when); });
  for (const t of model.tables) {
    unique('table', t.id);
    t.rows.forEach((row) => { unique('row', row.id); useIds(`table ${t.id} row ${row.id}`, row.ids); usePreds(row.when); });
    const total = t.rows.findIndex((row) => row.when.length === 0);
    if (total === -1 && !t.otherwise) problems.push(`table ${t.id}: incomplete (no otherwise and no unconditional row)`);
    if (total !== -1 && (total < t.rows.length - 1 || t.otherwise)) problems.push(`table ${t.id}: rows after unconditional row ${t.rows[total]!.id} are unreachable`);
  }
  const referencedRules = new Set<string>();
  for (const chart of model.flowcharts) {
    const byId = new Map(chart.nodes.map((n) => [n.id, n]));
    chart.nodes.forEach((n) => {
      unique('node', n.id);
      useIds(`node ${n.id}`, n.ids);
      if (n.kind === 'decision') usePreds([n.test]);
      else (n.rules ?? []).forEach((r) => referencedRules.add(r));
    });
    const reach = new Set<string>();
    const stack = [chart.start];
    while (stack.length) {
      const id = stack.pop()!;
      if (reach.has(id)) continue;
      reach.add(id);
      const n = byId.get(id);
      if (n) stack.push(...edges(n));
    }
    chart.nodes.filter((n) => !reach.has(n.id)).forEach((n) => problems.push(`flowchart ${chart.id}: node ${n.id} unreachable`));
    if (hasCycle(chart.start, byId)) problems.push(`flowchart ${chart.id}: cycle`);
  }
  for (const g of model.guards ?? []) {
    unique('guard', g.id);
    useIds(`guard ${g.id}`, g.ids);
    usePreds(g.when);
    g.rules.forEach((id) => referencedRules.add(id));
  }
  model.rules.filter((r) => !referencedRules.has(r.id)).forEach((r) => problems.push(`rule ${r.id}: not placed in any flowchart node`));
  Object.keys(model.predicates).filter((p) => !usedPredicates.has(p)).forEach((p) => problems.push(`predicate ${p}: never used`));
  [...requirementIds].filter((id) => !usedIds.has(id)).forEach((id) => problems.push(`requirement ${id}: implemented by nothing`));
  const all: [string, Text][] = [];
  texts({
    rules: model.rules, tables: model.tables, flowcharts: model.flowcharts, facts: model.facts, predicates: model.predicates,
    checks: model.checks, guards: model.guards ?? [], interventions: model.interventions ?? {},
  }, '', all);
  all.filter(([, t]) => !t.nl?.trim() || !t.en?.trim()).forEach(([path]) => problems.push(`${path}: text missing in nl or en`));
  return problems;
}

function hasCycle(start: string, byId: ReadonlyMap<string, FlowNode<string>>): boolean {
  const state = new Map<string, 1 | 2>();
  const visit = (id: string): boolean => {
    if (state.get(id) === 1) return true;
    if (state.get(id) === 2) return false;
    state.set(id, 1);
    const n = byId.get(id);
    if (n && edges(n).some(visit)) return true;
    state.set(id, 2);
    return false;
  };
  return visit(start);
}
