import { condName, type Compiled } from './compile.js';
import type {
  ChartResult, Cond, FlowNode, CondTrace, EngineResult, Facts, FlowchartDef, Assumption, GuardDef, GuardResult, IssueResult, Missing,
  NodeVisit, RuleResult, TableDef, TableResult, Text, Tri,
} from './types.js';

/** Collects missing facts while the model is walked. */
class MissingSet {
  private readonly byFact = new Map<string, { decides: Text[]; ids: Set<string> }>();
  add(fact: string, decides: Text, ids: readonly string[]): void {
    let m = this.byFact.get(fact);
    if (!m) this.byFact.set(fact, (m = { decides: [], ids: new Set() }));
    if (!m.decides.includes(decides)) m.decides.push(decides);
    for (const id of ids) m.ids.add(id);
  }
  list(labels: (fact: string) => { label: Text; fields: readonly string[] }): Missing[] {
    return [...this.byFact].map(([fact, m]) => ({ fact, ...labels(fact), decides: m.decides, ids: [...m.ids].sort() }));
  }
}

/** Pure: same case, same result. Reads no clock, does no I/O. */
export function run<C, F extends Facts, P extends string>(compiled: Compiled<C, F, P>, input: C): EngineResult<F> {
  const { model } = compiled;
  const issues: IssueResult[] = model.checks
    .filter((c) => c.test(input))
    .map((c) => ({ check: c.id, severity: c.severity, fields: c.fields, ids: c.ids, message: c.message }));
  const facts = { ...model.derive(input) } as Record<string, unknown>;
  const missing = new MissingSet();
  const ctx: Ctx<C, F, P> = { compiled, facts: facts as F, missing, tableMissing: new Map() };

  const tables = model.tables.map((t) => {
    const res = runTable(ctx, t);
    facts[t.fact] = res.decided ? res.output : null;
    if (t.candidatesFact) facts[t.candidatesFact] = res.candidateOutputs;
    return res;
  });
  const firedSet = new Set<string>();
  const charts = model.flowcharts.map((c) => walk(ctx, c, firedSet));
  const provisional: Record<string, Assumption[]> = {};
  const guards = (model.guards ?? []).map((g) => applyGuard(ctx, g, firedSet, provisional));
  const fired = compiled.byPriority.filter((id) => firedSet.has(id));
  const list = missing.list((f) => model.facts[f as keyof F & string]);
  return { facts: facts as F, issues, tables, charts, fired, missing: list, guards, provisional };
}

const PROPOSES = new Set(['do', 'consider']);

/** Applies one safety guard to the fired lines that propose its intervention (see GuardDef). */
function applyGuard<C, F extends Facts, P extends string>(
  ctx: Ctx<C, F, P>, g: GuardDef<P>, fired: Set<string>, provisional: Record<string, Assumption[]>,
): GuardResult {
  const proposing = [...fired].filter((id) => {
    const r = ctx.compiled.rules.get(id)!;
    return PROPOSES.has(r.kind) && (r.interventions ?? []).some((c) => g.interventions.includes(c));
  });
  if (proposing.length === 0) return { guard: g.id, value: null, conds: [], proposing, withdrawn: [] };
  const r = evalConds(ctx, g.when);
  let withdrawn: string[] = [];
  if (r.value === true) {
    if (g.effect === 'block') {
      withdrawn = proposing;
      withdrawn.forEach((id) => fired.delete(id));
    }
    g.rules.forEach((id) => fired.add(id));
  } else if (r.value === null) {
    noteMissing(ctx, r.conds, g.label, g.ids);
    if (g.effect === 'block' && g.assume) {
      const a = { guard: g.id, text: g.assume, ids: g.ids };
      proposing.forEach((id) => (provisional[id] ??= []).push(a));
    }
  }
  return { guard: g.id, value: r.value, conds: r.conds, proposing, withdrawn };
}

interface Ctx<C, F extends Facts, P extends string> {
  readonly compiled: Compiled<C, F, P>;
  readonly facts: F;
  readonly missing: MissingSet;
  /** Facts that left a table undecided, so a later use of the table can name them. */
  readonly tableMissing: Map<string, Set<string>>;
}

function evalConds<C, F extends Facts, P extends string>(ctx: Ctx<C, F, P>, conds: readonly Cond<P>[]): { value: Tri; conds: CondTrace[] } {
  const out: CondTrace[] = [];
  let value: Tri = true;
  for (const c of conds) {
    const name = condName(c);
    const negated = typeof c !== 'string';
    const raw = ctx.compiled.model.predicates[name].test(ctx.facts);
    const v = raw === null ? null : negated ? !raw : raw;
    out.push({ predicate: name, negated, value: v });
    if (v === false) value = false;
    else if (v === null && value === true) value = null;
  }
  return { value, conds: out };
}

/** Records the unknown facts behind the unknown conditions, expanding table facts to their own causes. */
function noteMissing<C, F extends Facts, P extends string>(
  ctx: Ctx<C, F, P>, conds: readonly CondTrace[], decides: Text, ids: readonly string[],
): void {
  for (const c of conds) {
    if (c.value !== null) continue;
    for (const f of ctx.compiled.model.predicates[c.predicate as P].uses) {
      const behind = ctx.tableMissing.get(f);
      if (behind) behind.forEach((b) => ctx.missing.add(b, decides, ids));
      else if (ctx.facts[f] === null || ctx.facts[f] === undefined) ctx.missing.add(f, decides, ids);
    }
  }
}

function unknownFacts<C, F extends Facts, P extends string>(ctx: Ctx<C, F, P>, conds: readonly CondTrace[]): Set<string> {
  const out = new Set<string>();
  for (const c of conds) {
    if (c.value !== null) continue;
    for (const f of ctx.compiled.model.predicates[c.predicate as P].uses) {
      const behind = ctx.tableMissing.get(f);
      if (behind) behind.forEach((b) => out.add(b));
      else if (ctx.facts[f] === null || ctx.facts[f] === undefined) out.add(f);
    }
  }
  return out;
}

function runTable<C, F extends Facts, P extends string>(ctx: Ctx<C, F, P>, t: TableDef<P, unknown>): TableResult {
  const rows: RuleResult[] = [];
  const candidates: { id: string; output: unknown }[] = [];
  let winner: string | null = null;
  const blockers = new Set<string>();
  for (const row of t.rows) {
    const r = evalConds(ctx, row.when);
    rows.push({ rule: row.id, status: r.value === true ? 'fired' : r.value === false ? 'not-fired' : 'pending', conds: r.conds });
    if (r.value === false) continue;
    candidates.push({ id: row.id, output: row.output });
    if (r.value === true) {
      winner = row.id;
      break;
    }
    unknownFacts(ctx, r.conds).forEach((f) => blockers.add(f));
  }
  if (winner === null && t.otherwise) candidates.push({ id: 'otherwise', output: t.otherwise.output });
  const distinct = new Set(candidates.map((c) => c.output)); // outputs compare by value (primitives) or identity (objects)
  const decided = distinct.size === 1;
  if (!decided) {
    ctx.tableMissing.set(t.fact, blockers);
    if (t.candidatesFact) ctx.tableMissing.set(t.candidatesFact, blockers);
  }
  const chosen = decided ? candidates[candidates.length - 1] : undefined;
  return {
    table: t.id,
    decided,
    output: chosen?.output ?? null,
    row: decided ? (winner ?? chosen?.id ?? null) : null,
    candidates: candidates.map((c) => c.id),
    candidateOutputs: candidates.map((c) => c.output),
    rows,
  };
}

function runRule<C, F extends Facts, P extends string>(ctx: Ctx<C, F, P>, id: string): RuleResult {
  const rule = ctx.compiled.rules.get(id)!;
  const r = evalConds(ctx, rule.when);
  if (r.value === null) noteMissing(ctx, r.conds, rule.text, rule.ids);
  return { rule: id, status: r.value === true ? 'fired' : r.value === false ? 'not-fired' : 'pending', conds: r.conds };
}

function walk<C, F extends Facts, P extends string>(ctx: Ctx<C, F, P>, chart: FlowchartDef<P>, fired: Set<string>): ChartResult {
  const nodes = ctx.compiled.nodes.get(chart.id)!;
  const path: NodeVisit[] = [];
  let id: string | undefined = chart.start;
  for (let guard = 0; id !== undefined && guard <= nodes.size; guard++) {
    const node: FlowNode<P> = nodes.get(id)!;
    if (node.kind === 'decision') {
      const r: { value: Tri; conds: CondTrace[] } = evalConds(ctx, [node.test]);
      path.push({ node: node.id, kind: node.kind, answer: r.value, conds: r.conds });
      if (r.value === null) {
        noteMissing(ctx, r.conds, node.label, node.ids);
        if (node.unknown === undefined) {
          lookAhead(ctx, nodes, [node.yes, node.no]);
          return { chart: chart.id, outcome: null, stoppedAt: node.id, path };
        }
        id = node.unknown;
      } else id = r.value ? node.yes : node.no;
      continue;
    }
    const rules: RuleResult[] = (node.rules ?? []).map((r) => runRule(ctx, r));
    rules.forEach((r) => r.status === 'fired' && fired.add(r.rule));
    path.push({ node: node.id, kind: node.kind, rules });
    if (node.kind === 'end') return { chart: chart.id, outcome: node.outcome, stoppedAt: null, path };
    id = node.next;
  }
  throw new Error(`flowchart ${chart.id}: walk did not end (cycle?)`);
}

/** After a stop on an unknown, visit what could follow to name every fact still needed; fires nothing. */
function lookAhead<C, F extends Facts, P extends string>(ctx: Ctx<C, F, P>, nodes: ReadonlyMap<string, FlowNode<P>>, from: string[]): void {
  const seen = new Set<string>();
  const stack = [...from];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = nodes.get(id)!;
    if (node.kind === 'decision') {
      const r = evalConds(ctx, [node.test]);
      if (r.value === null) {
        noteMissing(ctx, r.conds, node.label, node.ids);
        stack.push(node.yes, node.no);
      } else stack.push(r.value ? node.yes : node.no);
      continue;
    }
    (node.rules ?? []).forEach((r) => runRule(ctx, r));
    if (node.kind === 'step') stack.push(node.next);
  }
}
