import { run } from '../src/engine/evaluate.js';
import { GUARD_FALSE, GUARD_IDLE, GUARD_TRUE, GUARD_UNKNOWN, type Decision, type FastModel } from '../src/engine/fast.js';
import type { EngineResult, Facts } from '../src/engine/types.js';

// The decision of one input, read two ways: from the interpreted reference `run` and from the compiled core.
// Used by test/engine/fast.property.test.ts and bench/verify-fast.ts (the 100,000-case run).

export interface Signature {
  readonly facts: unknown;
  readonly fired: readonly string[];
  readonly tables: readonly (readonly [boolean, string | null, unknown])[];
  readonly charts: readonly (readonly [string | null, string | null, readonly string[]])[];
  readonly issues: readonly string[];
  /** Per guard: idle (no proposing line), or its value. */
  readonly guards: readonly string[];
  /** Rules left pending on the charts' paths. */
  readonly pending: readonly string[];
  readonly provisional: unknown;
  readonly missing: unknown;
  readonly ids: readonly string[];
}

const GUARD_NAMES: Record<number, string> = { [GUARD_IDLE]: 'idle', [GUARD_FALSE]: 'false', [GUARD_UNKNOWN]: 'null', [GUARD_TRUE]: 'true' };

export function fromRun<F extends Facts>(r: EngineResult<F>, ruleIds: ReadonlyMap<string, readonly string[]>): Signature {
  return {
    facts: r.facts,
    fired: r.fired,
    tables: r.tables.map((t) => [t.decided, t.row, t.output] as const),
    charts: r.charts.map((c) => [c.outcome, c.stoppedAt, c.path.map((v) => v.node)] as const),
    issues: r.issues.map((i) => i.check),
    guards: r.guards.map((g) => (g.proposing.length === 0 ? 'idle' : String(g.value))),
    pending: [...new Set(r.charts.flatMap((c) => c.path.flatMap((v) => (v.rules ?? []).filter((x) => x.status === 'pending').map((x) => x.rule))))].sort(),
    provisional: r.provisional,
    missing: r.missing,
    ids: [...new Set(r.fired.flatMap((id) => ruleIds.get(id) ?? []))].sort(),
  };
}

export function fromFast<C, F extends Facts, P extends string>(fast: FastModel<C, F, P>, input: C): Signature {
  return signatureOf(fast, fast.decide(input));
}

function signatureOf<C, F extends Facts, P extends string>(fast: FastModel<C, F, P>, d: Decision<C, F>, explained = fast.explain(d)): Signature {
  return {
    facts: d.facts,
    fired: fast.fired(d),
    tables: fast.compiled.model.tables.map((_, t) => [fast.tableRow(d, t) >= 0, fast.tableRowId(d, t), fast.tableOutput(d, t)] as const),
    charts: fast.compiled.model.flowcharts.map((_, c) =>
      [fast.outcome(d, c), fast.stoppedAt(d, c), fast.path(d, c).map((i) => fast.nodeIds[c]![i]!)] as const),
    issues: fast.issueIndices(d).map((k) => fast.compiled.model.checks[k]!.id),
    guards: (fast.compiled.model.guards ?? []).map((_, g) => GUARD_NAMES[fast.guard(d, g)]!),
    pending: fast.ruleIds.filter((_, i) => fast.isPending(d, i)).sort(),
    provisional: explained.provisional,
    missing: explained.missing,
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

/** The decision read through the compiled core's accessors, then the whole explanation as JSON, against `run`: null when equal. */
export function compareWithRun<C, F extends Facts, P extends string>(
  fast: FastModel<C, F, P>, input: C, ruleIds: ReadonlyMap<string, readonly string[]>,
): string | null {
  const ref = run(fast.compiled, input);
  const d = fast.decide(input);
  const explained = fast.explain(d);
  const problem = differs(fromRun(ref, ruleIds), signatureOf(fast, d, explained));
  if (problem) return problem;
  const x = JSON.stringify(ref);
  const y = JSON.stringify(explained);
  return x === y ? null : `EngineResult: interpreted ${x.slice(0, 400)} ≠ compiled ${y.slice(0, 400)}`;
}
