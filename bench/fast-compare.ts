import type { FastModel } from '../src/engine/fast.js';
import type { EngineResult, Facts } from '../src/engine/types.js';

// The decision of one input, read two ways: from the interpreted reference `run` and from the compiled core.
// Used by test/engine/fast.property.test.ts and bench/verify-fast.ts (the 100,000-case run).

export interface Signature {
  readonly facts: unknown;
  readonly fired: readonly string[];
  readonly tables: readonly (readonly [boolean, string | null, unknown])[];
  readonly charts: readonly (readonly [string | null, string | null, readonly string[]])[];
  readonly issues: readonly string[];
  readonly missing: unknown;
  readonly ids: readonly string[];
}

export function fromRun<F extends Facts>(r: EngineResult<F>, ruleIds: ReadonlyMap<string, readonly string[]>): Signature {
  return {
    facts: r.facts,
    fired: r.fired,
    tables: r.tables.map((t) => [t.decided, t.row, t.output] as const),
    charts: r.charts.map((c) => [c.outcome, c.stoppedAt, c.path.map((v) => v.node)] as const),
    issues: r.issues.map((i) => i.check),
    missing: r.missing,
    ids: [...new Set(r.fired.flatMap((id) => ruleIds.get(id) ?? []))].sort(),
  };
}

export function fromFast<C, F extends Facts, P extends string>(fast: FastModel<C, F, P>, input: C): Signature {
  const d = fast.decide(input);
  return {
    facts: d.facts,
    fired: fast.fired(d),
    tables: fast.compiled.model.tables.map((_, t) => [fast.tableRow(d, t) >= 0, fast.tableRowId(d, t), fast.tableOutput(d, t)] as const),
    charts: fast.compiled.model.flowcharts.map((_, c) =>
      [fast.outcome(d, c), fast.stoppedAt(d, c), fast.path(d, c).map((i) => fast.nodeIds[c]![i]!)] as const),
    issues: fast.issueIndices(d).map((k) => fast.compiled.model.checks[k]!.id),
    missing: fast.explain(d).missing,
    ids: fast.firedIds(d),
  };
}

/** Requirement IDs by rule id, for the reference's sorted ID list. */
export const idsByRule = (fast: FastModel<unknown, Facts, string>): Map<string, readonly string[]> =>
  new Map(fast.compiled.model.rules.map((r) => [r.id, r.ids]));

/** null when equal, else the first differing part (JSON, so key order and every value count). */
export function differs(a: Signature, b: Signature): string | null {
  for (const k of Object.keys(a) as (keyof Signature)[]) {
    const x = JSON.stringify(a[k]);
    const y = JSON.stringify(b[k]);
    if (x !== y) return `${k}: interpreted ${x.slice(0, 400)} ≠ compiled ${y.slice(0, 400)}`;
  }
  return null;
}
