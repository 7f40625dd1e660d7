import type { Cond, Facts, FlowNode, FlowchartDef, Model, RuleDef, TableDef } from './types.js';

/** A model with its references resolved; authoring errors throw here, naming the id. */
export interface Compiled<C, F extends Facts, P extends string> {
  readonly model: Model<C, F, P>;
  readonly rules: ReadonlyMap<string, RuleDef<P>>;
  readonly nodes: ReadonlyMap<string, ReadonlyMap<string, FlowNode<P>>>;
  readonly tableByFact: ReadonlyMap<string, TableDef<P, unknown>>;
  /** Rule ids, most important first (stable for equal priority). */
  readonly byPriority: readonly string[];
}

export class ModelError extends Error {
  constructor(where: string, problem: string, hint: string) {
    super(`${where}: ${problem}. ${hint}`);
    this.name = 'ModelError';
  }
}

export function condName<P extends string>(c: Cond<P>): P {
  return typeof c === 'string' ? c : c.not;
}

export function compile<C, F extends Facts, P extends string>(model: Model<C, F, P>): Compiled<C, F, P> {
  const rules = new Map<string, RuleDef<P>>();
  for (const r of model.rules) {
    if (rules.has(r.id)) throw new ModelError(`rule ${r.id}`, 'duplicate id', 'Give every rule a unique id.');
    rules.set(r.id, r);
    r.when.forEach((c) => checkCond(model, `rule ${r.id}`, c));
  }
  const tableByFact = new Map<string, TableDef<P, unknown>>();
  for (const t of model.tables) {
    if (!(t.fact in model.facts)) throw new ModelError(`table ${t.id}`, `writes unknown fact "${t.fact}"`, 'Declare the fact in the model.');
    tableByFact.set(t.fact, t);
    t.rows.forEach((row) => row.when.forEach((c) => checkCond(model, `table ${t.id} row ${row.id}`, c)));
  }
  for (const [name, p] of Object.entries(model.predicates) as [string, { uses: readonly string[] }][]) {
    for (const f of p.uses) {
      if (!(f in model.facts)) throw new ModelError(`predicate ${name}`, `uses unknown fact "${f}"`, 'Declare the fact or fix the name.');
    }
  }
  const vocabulary = model.interventions;
  for (const r of model.rules) {
    for (const code of r.interventions ?? []) {
      if (vocabulary && !(code in vocabulary)) throw new ModelError(`rule ${r.id}`, `unknown intervention "${code}"`, 'Add it to the vocabulary or fix the code.');
    }
  }
  for (const g of model.guards ?? []) {
    for (const id of g.rules) if (!rules.has(id)) throw new ModelError(`guard ${g.id}`, `unknown rule "${id}"`, 'Declare the rule.');
    for (const code of g.interventions) {
      if (vocabulary && !(code in vocabulary)) throw new ModelError(`guard ${g.id}`, `unknown intervention "${code}"`, 'Add it to the vocabulary.');
    }
    g.when.forEach((c) => checkCond(model, `guard ${g.id}`, c));
  }
  const nodes = new Map<string, ReadonlyMap<string, FlowNode<P>>>();
  for (const chart of model.flowcharts) nodes.set(chart.id, compileChart(model, chart, rules));
  const byPriority = [...model.rules].sort((a, b) => a.priority - b.priority).map((r) => r.id);
  return { model, rules, nodes, tableByFact, byPriority };
}

function checkCond<C, F extends Facts, P extends string>(model: Model<C, F, P>, where: string, c: Cond<P>): void {
  const name = condName(c);
  if (!(name in model.predicates)) throw new ModelError(where, `unknown predicate "${name}"`, 'Add it to the predicates or fix the name.');
}

function compileChart<C, F extends Facts, P extends string>(
  model: Model<C, F, P>,
  chart: FlowchartDef<P>,
  rules: ReadonlyMap<string, RuleDef<P>>,
): ReadonlyMap<string, FlowNode<P>> {
  const map = new Map<string, FlowNode<P>>();
  for (const n of chart.nodes) {
    if (map.has(n.id)) throw new ModelError(`flowchart ${chart.id} node ${n.id}`, 'duplicate id', 'Node ids must be unique.');
    map.set(n.id, n);
  }
  const target = (from: string, to: string | undefined): void => {
    if (to !== undefined && !map.has(to)) {
      throw new ModelError(`flowchart ${chart.id} node ${from}`, `edge to missing node "${to}"`, 'Add the node or fix the edge.');
    }
  };
  if (!map.has(chart.start)) throw new ModelError(`flowchart ${chart.id}`, `start node "${chart.start}" missing`, 'Fix start.');
  for (const n of chart.nodes) {
    if (n.kind === 'decision') {
      checkCond(model, `flowchart ${chart.id} node ${n.id}`, n.test);
      target(n.id, n.yes);
      target(n.id, n.no);
      target(n.id, n.unknown);
    } else {
      if (n.kind === 'step') target(n.id, n.next);
      for (const r of n.rules ?? []) {
        if (!rules.has(r)) throw new ModelError(`flowchart ${chart.id} node ${n.id}`, `unknown rule "${r}"`, 'Declare the rule.');
      }
    }
  }
  return map;
}
