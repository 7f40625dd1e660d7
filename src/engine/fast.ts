import { compile, condName, type Compiled } from './compile.js';
import { run } from './evaluate.js';
import type {
  Assumption, ChartResult, CondTrace, EngineResult, Facts, GuardResult, IssueResult, Missing, Model, NodeVisit, RuleResult, TableResult, Text, Tri,
} from './types.js';

// The compiled decision core. `compileFast` turns a model into index arrays once: predicates by index with
// their fact indices, every condition list split into positive and negated predicate indices, table rows
// with output classes, flowchart nodes with their edges as node indices and their rules as rule indices.
// `decide` then runs checks, derive, tables and walks over those arrays, memoising each predicate between
// fact writes, and returns a compact Decision (no trace). `explain` replays the same model with the trace
// and the missing facts and returns an EngineResult equal to the interpreted `run` (the reference, which
// test/engine/fast.property.test.ts checks it against). The safety guards run after the walks, in model order,
// over the fired-rule bitset (one code per guard in the Decision). Models with parts this compiler does not know
// are decided by `run` itself (the fallback), so a new model feature is never silently ignored.
//
// Contract: `derive` returns a fresh object on every call (the core writes table outputs into it), and a
// case is not mutated while its Decision is still to be explained.

/** Model keys this compiler implements; any other non-empty part makes it fall back to `run`. */
const KNOWN = new Set(['id', 'facts', 'derive', 'predicates', 'tables', 'flowcharts', 'rules', 'checks', 'guards', 'interventions']);

/** Predicate value codes: raw === false, raw === null, truthy, other falsy (undefined, 0, ''). */
const FALSE = 0;
const UNKNOWN = 1;
const TRUE = 2;
const code = (raw: unknown): number => (raw === false ? FALSE : raw === null ? UNKNOWN : raw ? TRUE : 3);
/** Kleene value of one condition from its predicate's code (mirrors `run`: only false and null are special). */
const condValue = (c: number, negated: boolean): number => (c === UNKNOWN ? UNKNOWN : negated ? (c === TRUE ? FALSE : TRUE) : c === FALSE ? FALSE : TRUE);

/** Bits per word of a bitset: 30 keeps every word a small integer on every V8 build. */
const BITS = 30;

interface Conds {
  /** Positive and negated predicate indices (for the decision: order does not matter, predicates are pure). */
  readonly pos: Int32Array;
  readonly neg: Int32Array;
  /** The same conditions in declared order, for the trace. */
  readonly preds: Int32Array;
  readonly negated: readonly boolean[];
  /** Interned CondTrace per condition and value: [false, null, true]. */
  readonly traces: (CondTrace | undefined)[][];
  /** RuleResult cache by the ternary code of the condition values (when small). */
  cache: Map<number, RuleResult> | null | undefined;
}

interface Row {
  readonly id: string;
  readonly conds: Conds;
  readonly output: unknown;
  readonly cls: number;
}

interface Table {
  readonly id: string;
  readonly fact: string;
  readonly factIdx: number;
  readonly candidatesFact: string | undefined;
  readonly candidatesFactIdx: number;
  readonly rows: readonly Row[];
  readonly hasOtherwise: boolean;
  readonly otherwiseOutput: unknown;
  readonly otherwiseCls: number;
  /** Candidate outputs and ids by candidate bitmask (rows, then bit rows.length for otherwise), interned. */
  readonly candidateCache: Map<number, { readonly outputs: readonly unknown[]; readonly ids: readonly string[] }> | null;
}

const DECISION = 0;
const STEP = 1;
const END = 2;

interface Node {
  readonly id: string;
  readonly kind: 0 | 1 | 2;
  readonly kindName: 'decision' | 'step' | 'end';
  readonly label: Text;
  readonly ids: readonly string[];
  /** decision */
  readonly conds: Conds | null;
  readonly pred: number;
  readonly negated: boolean;
  readonly yes: number;
  readonly no: number;
  readonly unknown: number;
  /** step, end */
  readonly rules: Int32Array;
  readonly next: number;
  readonly outcome: string | null;
  /** Interned decision visits by answer [false, null, true]. */
  readonly visits: (NodeVisit | undefined)[];
}

interface Chart {
  readonly id: string;
  readonly start: number;
  readonly nodes: readonly Node[];
}

interface Rule {
  readonly id: string;
  readonly text: Text;
  readonly ids: readonly string[];
  readonly conds: Conds;
  readonly word: number;
  readonly bit: number;
}

/** What a guard did in a decision (one slot per guard). */
export const GUARD_IDLE = 0; // no fired line proposed its intervention: not evaluated
export const GUARD_FALSE = 1;
export const GUARD_UNKNOWN = 2;
export const GUARD_TRUE = 3;

interface Guard {
  readonly id: string;
  readonly label: Text;
  readonly ids: readonly string[];
  readonly conds: Conds;
  readonly block: boolean;
  /** Rule indices given when it holds. */
  readonly rules: Int32Array;
  /** Rule indices that propose a guarded intervention (do/consider), and the same as marks by rule index. */
  readonly proposers: Int32Array;
  readonly proposes: Uint8Array;
  readonly assumption: Assumption | null;
  /** The result when no fired line proposes: shared, frozen. */
  readonly idle: GuardResult;
}

/** What `decide` returns: the facts and one packed array of decision codes; read it through the FastModel. */
export class Decision<C, F extends Facts> {
  constructor(
    readonly input: C,
    readonly facts: F,
    /** Packed small integers: table rows, chart ends, fired and pending rule words, guard codes, issue words (FastModel.layout). */
    readonly slots: number[],
    /** The values the tables overwrote, in write order (for the explanation's replay). */
    readonly pre: unknown[],
    /** Set instead of slots when the model is decided by the interpreter (fallback). */
    readonly reference: EngineResult<F> | null = null,
  ) {}
}

export interface Layout {
  readonly tables: number;
  readonly charts: number;
  readonly firedWords: number;
  /** Rules left pending (conditions unknown) on the path a chart took, as a bitset. */
  readonly pendingWords: number;
  /** One GUARD_* code per guard. */
  readonly guards: number;
  readonly issueWords: number;
  /** Number of slots (the overwritten values are in Decision.pre). */
  readonly size: number;
}

export interface FastModel<C, F extends Facts, P extends string> {
  readonly compiled: Compiled<C, F, P>;
  /** True when the model has parts this compiler does not implement and `run` decides instead. */
  readonly fallback: boolean;
  readonly layout: Layout;
  /** Rule ids by rule index (model order), chart node ids by chart and node index. */
  readonly ruleIds: readonly string[];
  readonly nodeIds: readonly (readonly string[])[];
  decide(input: C): Decision<C, F>;
  /**
   * The decision again with some derived facts changed (value of information: "what if this unknown were known"):
   * the input checks are kept, the tables and walks run again; table facts are recomputed by their tables.
   */
  redecide(d: Decision<C, F>, changes: Partial<F>): Decision<C, F>;
  /** The full EngineResult, equal to `run(compiled, input)`. */
  explain(d: Decision<C, F>): EngineResult<F>;
  /** Fired rule ids in priority order. */
  fired(d: Decision<C, F>): string[];
  isFired(d: Decision<C, F>, ruleIndex: number): boolean;
  /** Sorted distinct requirement IDs of the fired rules. */
  firedIds(d: Decision<C, F>): string[];
  /** Outcome of chart i (null when it stopped on an unknown or does not exist). */
  outcome(d: Decision<C, F>, chart: number): string | null;
  /** Node id where chart i stopped on an unknown, else null. */
  stoppedAt(d: Decision<C, F>, chart: number): string | null;
  /** Index of the node where chart i ended or stopped. */
  terminal(d: Decision<C, F>, chart: number): number;
  /** Node indices of the path chart i took. */
  path(d: Decision<C, F>, chart: number): number[];
  /** Decided row of table i: row index, rows.length for otherwise, -1 undecided. */
  tableRow(d: Decision<C, F>, table: number): number;
  /** Id of the decided row ('otherwise' for the otherwise output), null when undecided. */
  tableRowId(d: Decision<C, F>, table: number): string | null;
  /** Decided output of table i, null when undecided. */
  tableOutput(d: Decision<C, F>, table: number): unknown;
  /** Whether rule i (model order) was left pending on the path a chart took (its status in the trace). */
  isPending(d: Decision<C, F>, ruleIndex: number): boolean;
  /** What guard g (model order) did: GUARD_IDLE, GUARD_FALSE, GUARD_UNKNOWN or GUARD_TRUE. */
  guard(d: Decision<C, F>, g: number): number;
  /** Issues of the checks that hit, in check order (shared, frozen objects). */
  issues(d: Decision<C, F>): IssueResult[];
  issueIndices(d: Decision<C, F>): number[];
}

const frozen = <T>(x: T): T => Object.freeze(x);

// compileFast runs once at import, in the interpreter: plain loops instead of TypedArray.from with a map function
// and TypedArray filter callbacks, which cost microseconds a call before the JIT (the cold start, bench/cold-start.ts).
/** `Int32Array.from(xs, f)`. */
function int32<T>(xs: readonly T[], f: (x: T, i: number) => number): Int32Array {
  const out = new Int32Array(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = f(xs[i]!, i);
  return out;
}
/** The indices i < n where keep(i), as an Int32Array. */
function indicesWhere(n: number, keep: (i: number) => boolean): Int32Array {
  let count = 0;
  for (let i = 0; i < n; i++) if (keep(i)) count++;
  const out = new Int32Array(count);
  for (let i = 0, k = 0; i < n; i++) if (keep(i)) out[k++] = i;
  return out;
}

/** Adds s to a sorted, distinct list (the order of Array.prototype.sort on strings: UTF-16 code units). */
function insertSorted(xs: string[], s: string): void {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < s) lo = mid + 1;
    else hi = mid;
  }
  if (xs[lo] === s) return;
  xs.push(s);
  for (let i = xs.length - 1; i > lo; i--) xs[i] = xs[i - 1]!;
  xs[lo] = s;
}

/** Parts of a model that `compileFast` does not implement (non-empty keys beyond the known ones). */
export function unsupportedParts(model: object): string[] {
  return Object.entries(model).filter(([k, v]) => !KNOWN.has(k) && v !== undefined && !(Array.isArray(v) && v.length === 0)
    && !(typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0)).map(([k]) => k);
}

/**
 * Compiles once. `interpret: true` (or a model with unsupported parts) gives the same interface over `run`:
 * the reference used by the tests, and the safe path for a model feature the compiler does not know yet.
 */
export function compileFast<C, F extends Facts, P extends string>(
  source: Model<C, F, P> | Compiled<C, F, P>, options: { readonly interpret?: boolean } = {},
): FastModel<C, F, P> {
  const compiled: Compiled<C, F, P> = 'byPriority' in source ? source : compile(source);
  const { model } = compiled;
  const fallback = options.interpret === true || unsupportedParts(model).length > 0;

  // ---- facts and predicates ----
  const factNames = Object.keys(model.facts);
  const factIdx = new Map(factNames.map((f, i) => [f, i]));
  const factOf = (f: string): number => {
    let i = factIdx.get(f);
    if (i === undefined) factIdx.set(f, (i = factNames.push(f) - 1));
    return i;
  };
  const predNames = Object.keys(model.predicates) as P[];
  const predIdx = new Map(predNames.map((p, i) => [p, i]));
  const tests = predNames.map((p) => model.predicates[p].test);
  const uses = predNames.map((p) => int32(model.predicates[p].uses, factOf));

  const condsOf = (list: readonly (P | { readonly not: P })[]): Conds => {
    const n = list.length;
    const preds = new Int32Array(n);
    const negated: boolean[] = [];
    let nNeg = 0;
    for (let i = 0; i < n; i++) {
      const c = list[i]!;
      preds[i] = predIdx.get(condName(c))!;
      negated.push(typeof c !== 'string');
      if (typeof c !== 'string') nNeg++;
    }
    const pos = new Int32Array(n - nNeg);
    const neg = new Int32Array(nNeg);
    for (let i = 0, a = 0, b = 0; i < n; i++) {
      if (negated[i]) neg[b++] = preds[i]!;
      else pos[a++] = preds[i]!;
    }
    return {
      pos,
      neg,
      preds,
      negated,
      traces: [], // built on first explanation (keeps compileFast cheap for the cold start)
      cache: list.length <= 10 ? undefined : null,
    };
  };

  // ---- rules ----
  const ruleIdx = new Map(model.rules.map((r, i) => [r.id, i]));
  const rules: Rule[] = model.rules.map((r, i) => ({
    id: r.id, text: r.text, ids: r.ids, conds: condsOf(r.when), word: Math.floor(i / BITS), bit: 1 << (i % BITS),
  }));
  const priority = int32(compiled.byPriority, (id) => ruleIdx.get(id)!);

  // ---- tables ----
  const tables: Table[] = model.tables.map((t) => {
    const classes = new Map<unknown, number>();
    const cls = (o: unknown): number => {
      let k = classes.get(o);
      if (k === undefined) classes.set(o, (k = classes.size));
      return k;
    };
    const rows = t.rows.map((row) => ({ id: row.id, conds: condsOf(row.when), output: row.output, cls: cls(row.output) }));
    return {
      id: t.id,
      fact: t.fact,
      factIdx: factOf(t.fact),
      candidatesFact: t.candidatesFact,
      candidatesFactIdx: t.candidatesFact ? factOf(t.candidatesFact) : -1,
      rows,
      hasOtherwise: t.otherwise !== undefined,
      otherwiseOutput: t.otherwise?.output,
      otherwiseCls: t.otherwise ? cls(t.otherwise.output) : -1,
      candidateCache: rows.length + 1 <= BITS ? new Map() : null,
    };
  });

  // ---- flowcharts ----
  const charts: Chart[] = model.flowcharts.map((chart) => {
    const index = new Map(chart.nodes.map((n, i) => [n.id, i]));
    const at = (id: string | undefined): number => (id === undefined ? -1 : index.get(id)!);
    // One object literal per node, no spread: an object spread costs tens of microseconds before the JIT.
    const nodes = chart.nodes.map((n): Node => {
      if (n.kind === 'decision') {
        const conds = condsOf([n.test]);
        return {
          id: n.id, label: n.label, ids: n.ids, kindName: n.kind,
          kind: DECISION, conds, pred: conds.preds[0]!, negated: conds.negated[0]!, yes: at(n.yes), no: at(n.no), unknown: at(n.unknown),
          rules: new Int32Array(0), next: -1, outcome: null,
          visits: [],
        };
      }
      return {
        id: n.id, label: n.label, ids: n.ids, kindName: n.kind,
        kind: n.kind === 'step' ? STEP : END, conds: null, pred: -1, negated: false, yes: -1, no: -1, unknown: -1,
        rules: int32(n.rules ?? [], (id) => ruleIdx.get(id)!), next: n.kind === 'step' ? at(n.next) : -1,
        outcome: n.kind === 'end' ? n.outcome : null, visits: [],
      };
    });
    return { id: chart.id, start: at(chart.start), nodes };
  });

  // ---- guards ----
  const guards: Guard[] = (model.guards ?? []).map((g) => {
    const codes = new Set(g.interventions);
    const proposes = new Uint8Array(model.rules.length);
    model.rules.forEach((r, i) => {
      if ((r.kind === 'do' || r.kind === 'consider') && (r.interventions ?? []).some((c) => codes.has(c))) proposes[i] = 1;
    });
    return {
      id: g.id, label: g.label, ids: g.ids, conds: condsOf(g.when), block: g.effect === 'block',
      rules: int32(g.rules, (id) => ruleIdx.get(id)!),
      proposers: indicesWhere(proposes.length, (i) => proposes[i] === 1), proposes,
      assumption: g.effect === 'block' && g.assume ? frozen({ guard: g.id, text: g.assume, ids: g.ids }) : null,
      idle: frozen({ guard: g.id, value: null, conds: frozen([]), proposing: frozen([]), withdrawn: frozen([]) }),
    };
  });
  const nG = guards.length;

  // ---- checks, requirement IDs ----
  const checks = model.checks.map((c) => c.test);
  const issueObjects: readonly IssueResult[] = model.checks.map((c) =>
    frozen({ check: c.id, severity: c.severity, fields: c.fields, ids: c.ids, message: c.message }));
  const allIds = [...new Set(model.rules.flatMap((r) => r.ids))].sort();
  const idRank = new Map(allIds.map((id, i) => [id, i]));
  const ruleIdRanks = model.rules.map((r) => int32([...new Set(r.ids)], (id) => idRank.get(id)!));
  const idMarks = new Uint8Array(allIds.length);

  /** Per table: the predicates that read a fact it writes. */
  const readers = tables.map((t) => indicesWhere(predNames.length, (p) =>
    uses[p]!.includes(t.factIdx) || (t.candidatesFactIdx >= 0 && uses[p]!.includes(t.candidatesFactIdx))));

  // ---- layout ----
  const writes: number[] = []; // fact indices written by the tables, in order
  for (const t of tables) {
    writes.push(t.factIdx);
    if (t.candidatesFactIdx >= 0) writes.push(t.candidatesFactIdx);
  }
  const nT = tables.length;
  const nC = charts.length;
  const firedWords = Math.ceil(rules.length / BITS);
  const issueWords = Math.ceil(checks.length / BITS);
  const R_OFF0 = nT + nC;
  const layout: Layout = {
    tables: 0, charts: nT, firedWords: R_OFF0, pendingWords: R_OFF0 + firedWords, guards: R_OFF0 + 2 * firedWords,
    issueWords: R_OFF0 + 2 * firedWords + nG, size: R_OFF0 + 2 * firedWords + nG + issueWords,
  };
  const checkWord = int32(checks, (_, k) => Math.floor(k / BITS));
  const checkBit = int32(checks, (_, k) => 1 << (k % BITS));
  const ZEROS: number[] = [];
  for (let k = 0; k < layout.size; k++) ZEROS.push(0);
  const F_OFF = layout.firedWords;
  const Q_OFF = layout.pendingWords;
  const G_OFF = layout.guards;
  const I_OFF = layout.issueWords;

  // ---- the decision ----
  const stamp = new Int32Array(predNames.length);
  const memo = new Uint8Array(predNames.length);
  let gen = 0;
  let facts: F = undefined as unknown as F;
  const bump = (): void => {
    if (++gen === 0x3fffffff) {
      stamp.fill(0);
      gen = 1;
    }
  };
  const val = (p: number): number => {
    if (stamp[p] === gen) return memo[p]!;
    const c = code(tests[p]!(facts));
    stamp[p] = gen;
    memo[p] = c;
    return c;
  };
  /** Kleene AND: FALSE, UNKNOWN or TRUE; stops at the first false. */
  const all = (k: Conds): number => {
    let unknown = false;
    const { pos, neg } = k;
    for (let i = 0; i < pos.length; i++) {
      const c = val(pos[i]!);
      if (c === FALSE) return FALSE;
      if (c === UNKNOWN) unknown = true;
    }
    for (let i = 0; i < neg.length; i++) {
      const c = val(neg[i]!);
      if (c === TRUE) return FALSE;
      if (c === UNKNOWN) unknown = true;
    }
    return unknown ? UNKNOWN : TRUE;
  };

  const candidatesOf = (t: Table, mask: number, count: number): { readonly outputs: readonly unknown[]; readonly ids: readonly string[] } => {
    const hit = t.candidateCache?.get(mask);
    if (hit) return hit;
    const outputs: unknown[] = [];
    const ids: string[] = [];
    for (let k = 0; k < count; k++) {
      if (!(mask & (1 << k))) continue;
      if (k < t.rows.length) {
        outputs.push(t.rows[k]!.output);
        ids.push(t.rows[k]!.id);
      } else {
        outputs.push(t.otherwiseOutput);
        ids.push('otherwise');
      }
    }
    const entry = frozen({ outputs: frozen(outputs), ids: frozen(ids) });
    if (t.candidateCache && t.candidateCache.size < 4096) t.candidateCache.set(mask, entry);
    return entry;
  };

  /** Walks chart c on the final facts: returns the terminal code (end index, or -(stop + 1)); fires into slots when given. */
  const walk = (c: Chart, slots: number[] | null, path: number[] | null): number => {
    const nodes = c.nodes;
    let i = c.start;
    for (let guard = 0; i >= 0 && guard <= nodes.length; guard++) {
      const n = nodes[i]!;
      if (path) path.push(i);
      if (n.kind === DECISION) {
        const v = condValue(val(n.pred), n.negated);
        if (v === UNKNOWN) {
          if (n.unknown < 0) return -(i + 1);
          i = n.unknown;
        } else i = v === TRUE ? n.yes : n.no;
        continue;
      }
      if (slots) {
        const rs = n.rules;
        for (let k = 0; k < rs.length; k++) {
          const r = rules[rs[k]!]!;
          const v = all(r.conds);
          if (v === TRUE) slots[F_OFF + r.word] = slots[F_OFF + r.word]! | r.bit;
          else if (v === UNKNOWN) slots[Q_OFF + r.word] = slots[Q_OFF + r.word]! | r.bit;
        }
      }
      if (n.kind === END) return i;
      i = n.next;
    }
    throw new Error(`flowchart ${c.id}: walk did not end (cycle?)`);
  };

  const firedBit = (slots: number[], r: Rule): boolean => (slots[F_OFF + r.word]! & r.bit) !== 0;
  const setFired = (slots: number[], r: Rule, on: boolean): void => {
    const w = slots[F_OFF + r.word]!;
    slots[F_OFF + r.word] = on ? w | r.bit : w & ~r.bit;
  };
  /** One guard over the fired bitset (as `run`'s applyGuard): a block withdraws the proposing lines; a hold gives its rules. */
  const applyGuard = (g: Guard, slots: number[]): number => {
    const ps = g.proposers;
    let any = false;
    for (let k = 0; k < ps.length && !any; k++) any = firedBit(slots, rules[ps[k]!]!);
    if (!any) return GUARD_IDLE;
    const v = all(g.conds);
    if (v === FALSE) return GUARD_FALSE;
    if (v === UNKNOWN) return GUARD_UNKNOWN;
    if (g.block) for (let k = 0; k < ps.length; k++) setFired(slots, rules[ps[k]!]!, false);
    for (let k = 0; k < g.rules.length; k++) setFired(slots, rules[g.rules[k]!]!, true);
    return GUARD_TRUE;
  };

  function decide(input: C): Decision<C, F> {
    if (fallback) {
      const r = run(compiled, input);
      return new Decision<C, F>(input, r.facts, [], [], r);
    }
    const slots = ZEROS.slice();
    for (let k = 0; k < checks.length; k++) if (checks[k]!(input)) slots[I_OFF + checkWord[k]!] = slots[I_OFF + checkWord[k]!]! | checkBit[k]!;
    return settle(input, model.derive(input) as Record<string, unknown>, slots);
  }

  function redecide(d: Decision<C, F>, changes: Partial<F>): Decision<C, F> {
    if (d.reference) throw new Error('redecide: this model is decided by the interpreter (fallback); re-run evaluate instead');
    const f = { ...(d.facts as Record<string, unknown>) };
    for (let w = writes.length - 1; w >= 0; w--) f[factNames[writes[w]!]!] = d.pre[w];
    Object.assign(f, changes);
    const slots = ZEROS.slice();
    for (let k = I_OFF; k < layout.size; k++) slots[k] = d.slots[k]!;
    return settle(d.input, f, slots);
  }

  /** Tables and walks over derived facts `f` (written in place), into `slots`. */
  function settle(input: C, f: Record<string, unknown>, slots: number[]): Decision<C, F> {
    const pre: unknown[] = new Array<unknown>(writes.length);
    facts = f as F;
    bump();
    let w = 0;
    for (let ti = 0; ti < nT; ti++) {
      const t = tables[ti]!;
      const rows = t.rows;
      let first = -1;
      let mixed = false;
      let last = -1;
      let mask = 0;
      let winner = false;
      for (let k = 0; k < rows.length; k++) {
        const row = rows[k]!;
        const v = all(row.conds);
        if (v === FALSE) continue;
        if (first < 0) first = row.cls;
        else if (row.cls !== first) mixed = true;
        last = k;
        mask |= 1 << k;
        if (v === TRUE) {
          winner = true;
          break;
        }
      }
      if (!winner && t.hasOtherwise) {
        if (first < 0) first = t.otherwiseCls;
        else if (t.otherwiseCls !== first) mixed = true;
        last = rows.length;
        mask |= 1 << rows.length;
      }
      const decided = last >= 0 && !mixed;
      slots[ti] = decided ? last : -1;
      pre[w++] = f[t.fact];
      f[t.fact] = decided ? ((last === rows.length ? t.otherwiseOutput : rows[last]!.output) ?? null) : null;
      if (t.candidatesFact !== undefined) {
        pre[w++] = f[t.candidatesFact];
        f[t.candidatesFact] = last < 0 ? [] : candidatesOf(t, mask, last + 1).outputs;
      }
      const stale = readers[ti]!; // predicates are pure over their declared facts: only the readers of what changed are stale
      for (let k = 0; k < stale.length; k++) stamp[stale[k]!] = 0;
    }
    for (let ci = 0; ci < nC; ci++) slots[nT + ci] = walk(charts[ci]!, slots, null);
    for (let gi = 0; gi < nG; gi++) slots[G_OFF + gi] = applyGuard(guards[gi]!, slots);
    facts = undefined as unknown as F;
    return new Decision<C, F>(input, f as F, slots, pre);
  }

  // ---- reading a decision ----
  const num = (d: Decision<C, F>, i: number): number => d.slots[i]!;
  const fired = (d: Decision<C, F>): string[] => {
    if (d.reference) return [...d.reference.fired];
    const out: string[] = [];
    for (let k = 0; k < priority.length; k++) {
      const r = rules[priority[k]!]!;
      if (num(d, F_OFF + r.word) & r.bit) out.push(r.id);
    }
    return out;
  };
  const isFired = (d: Decision<C, F>, i: number): boolean =>
    d.reference ? d.reference.fired.includes(rules[i]!.id) : (num(d, F_OFF + rules[i]!.word) & rules[i]!.bit) !== 0;
  const isPending = (d: Decision<C, F>, i: number): boolean => {
    const r = rules[i]!;
    if (d.reference) return d.reference.charts.some((c) => c.path.some((v) => v.rules?.some((x) => x.rule === r.id && x.status === 'pending')));
    return (num(d, Q_OFF + r.word) & r.bit) !== 0;
  };
  const guardOf = (d: Decision<C, F>, g: number): number => {
    if (!d.reference) return num(d, G_OFF + g);
    const r = d.reference.guards[g]!;
    if (r.proposing.length === 0) return GUARD_IDLE;
    return r.value === false ? GUARD_FALSE : r.value === null ? GUARD_UNKNOWN : GUARD_TRUE;
  };
  const firedIds = (d: Decision<C, F>): string[] => {
    for (let i = 0; i < rules.length; i++) {
      if (!isFired(d, i)) continue;
      const ranks = ruleIdRanks[i]!;
      for (let k = 0; k < ranks.length; k++) idMarks[ranks[k]!] = 1;
    }
    const out: string[] = [];
    for (let k = 0; k < allIds.length; k++) {
      if (idMarks[k]) {
        out.push(allIds[k]!);
        idMarks[k] = 0;
      }
    }
    return out;
  };
  const terminal = (d: Decision<C, F>, c: number): number => {
    if (d.reference) {
      const r = d.reference.charts[c]!;
      const ids = charts[c]!.nodes.map((n) => n.id);
      return r.outcome !== null ? ids.indexOf(r.path[r.path.length - 1]!.node) : -(ids.indexOf(r.stoppedAt!) + 1);
    }
    return num(d, nT + c);
  };
  const outcome = (d: Decision<C, F>, c: number): string | null => {
    if (c >= nC) return null;
    if (d.reference) return d.reference.charts[c]!.outcome;
    const t = num(d, nT + c);
    return t < 0 ? null : charts[c]!.nodes[t]!.outcome;
  };
  const stoppedAt = (d: Decision<C, F>, c: number): string | null => {
    if (c >= nC) return null;
    if (d.reference) return d.reference.charts[c]!.stoppedAt;
    const t = num(d, nT + c);
    return t < 0 ? charts[c]!.nodes[-t - 1]!.id : null;
  };
  const path = (d: Decision<C, F>, c: number): number[] => {
    const ch = charts[c]!;
    if (d.reference) {
      const ids = ch.nodes.map((n) => n.id);
      return d.reference.charts[c]!.path.map((v) => ids.indexOf(v.node));
    }
    const out: number[] = [];
    facts = d.facts;
    bump();
    try {
      walk(ch, null, out);
    } finally {
      facts = undefined as unknown as F;
    }
    return out;
  };
  const tableRow = (d: Decision<C, F>, t: number): number => {
    if (d.reference) {
      const r = d.reference.tables[t]!;
      return r.decided ? (r.row === 'otherwise' && !tables[t]!.rows.some((row) => row.id === 'otherwise')
        ? tables[t]!.rows.length : tables[t]!.rows.findIndex((row) => row.id === r.row)) : -1;
    }
    return num(d, t);
  };
  const tableRowId = (d: Decision<C, F>, t: number): string | null => {
    if (d.reference) return d.reference.tables[t]!.row;
    const k = num(d, t);
    const rows = tables[t]!.rows;
    return k < 0 ? null : k === rows.length ? 'otherwise' : rows[k]!.id;
  };
  const tableOutput = (d: Decision<C, F>, t: number): unknown => {
    if (d.reference) return d.reference.tables[t]!.output;
    const k = num(d, t);
    const tb = tables[t]!;
    return k < 0 ? null : ((k === tb.rows.length ? tb.otherwiseOutput : tb.rows[k]!.output) ?? null);
  };
  const issueIndices = (d: Decision<C, F>): number[] => {
    const out: number[] = [];
    if (d.reference) {
      const ids = d.reference.issues.map((i) => i.check);
      model.checks.forEach((c, k) => ids.includes(c.id) && out.push(k));
      return out;
    }
    for (let k = 0; k < checks.length; k++) if (num(d, I_OFF + Math.floor(k / BITS)) & (1 << (k % BITS))) out.push(k);
    return out;
  };
  const issues = (d: Decision<C, F>): IssueResult[] => (d.reference ? [...d.reference.issues] : issueIndices(d).map((k) => issueObjects[k]!));

  // ---- the explanation ----
  // One replay with the trace: the same order of evaluation and the same missing-fact bookkeeping as `run`.
  // Trace objects are interned: a CondTrace per condition and value, a RuleResult per rule and tuple of
  // condition values, a decision visit per node and answer (all frozen), so a replay mostly looks them up.
  const rawOf: unknown[] = new Array<unknown>(predNames.length).fill(undefined);
  const seenAt = new Int32Array(predNames.length);
  let epoch = 0;
  let xf: Record<string, unknown> = {};
  /** Kleene value of the last `key` call. */
  let lastValue: Tri = true;
  /** Facts behind an undecided table fact, by fact index (insertion-ordered, distinct). */
  const tableMissing: (number[] | undefined)[] = new Array<number[] | undefined>(factNames.length).fill(undefined);
  const tableMissingSet: number[] = [];
  /** Missing facts in first-seen order, with what they decide and their requirement IDs. */
  const order: number[] = [];
  const decidesOf: (Text[] | undefined)[] = new Array<Text[] | undefined>(factNames.length).fill(undefined);
  const idsOf: (string[] | undefined)[] = new Array<string[] | undefined>(factNames.length).fill(undefined);
  let blockers: number[] | null = null;

  const predicate = (p: number): unknown => {
    if (seenAt[p] === epoch) return rawOf[p];
    const r = tests[p]!(xf as F);
    seenAt[p] = epoch;
    rawOf[p] = r;
    return r;
  };
  const nextEpoch = (): void => {
    if (++epoch === 0x3fffffff) {
      seenAt.fill(0);
      epoch = 1;
    }
  };

  /** Evaluates every condition (no short cut, as `run`); returns the ternary key of their values, -1 when one is not a Tri. */
  const key = (k: Conds): number => {
    let value: Tri = true;
    let kk = 0;
    const { preds, negated } = k;
    for (let i = 0; i < preds.length; i++) {
      const raw = predicate(preds[i]!);
      const v = raw === null ? null : negated[i] ? !raw : raw;
      if (v === false) {
        value = false;
        if (kk >= 0) kk = kk * 3;
      } else if (v === null) {
        if (value === true) value = null;
        if (kk >= 0) kk = kk * 3 + 1;
      } else if (v === true) {
        if (kk >= 0) kk = kk * 3 + 2;
      } else kk = -1;
    }
    lastValue = value;
    return kk;
  };
  const VALUES = [false, null, true] as const;
  /** The interned CondTrace of condition i with value slot v (0 false, 1 null, 2 true). */
  const traceAt = (k: Conds, i: number, v: number): CondTrace =>
    ((k.traces[i] ??= [])[v] ??= frozen({ predicate: predNames[k.preds[i]!]!, negated: k.negated[i]!, value: VALUES[v]! }));
  /** The interned visit of decision node n with answer slot v. */
  const visitAt = (n: Node, v: number): NodeVisit =>
    (n.visits[v] ??= frozen({ node: n.id, kind: n.kindName, answer: VALUES[v]!, conds: frozen([traceAt(n.conds!, 0, v)]) }));
  const traceOf = (k: Conds, kk: number): readonly CondTrace[] => {
    const out: CondTrace[] = new Array<CondTrace>(k.preds.length);
    if (kk >= 0) {
      for (let i = k.preds.length - 1; i >= 0; i--) {
        out[i] = traceAt(k, i, kk % 3);
        kk = Math.floor(kk / 3);
      }
      return frozen(out);
    }
    for (let i = 0; i < k.preds.length; i++) {
      const raw = predicate(k.preds[i]!);
      const v = raw === null ? null : k.negated[i] ? !raw : raw;
      out[i] = v === false ? traceAt(k, i, 0) : v === null ? traceAt(k, i, 1) : v === true ? traceAt(k, i, 2) : { predicate: predNames[k.preds[i]!]!, negated: k.negated[i]!, value: v as Tri };
    }
    return out;
  };
  const ruleResult = (id: string, k: Conds): RuleResult => {
    const kk = key(k);
    const value = lastValue;
    const status = value === true ? 'fired' : value === false ? 'not-fired' : 'pending';
    if (kk < 0 || k.cache === null) return { rule: id, status, conds: traceOf(k, kk) };
    const cache = (k.cache ??= new Map());
    let r = cache.get(kk);
    if (!r) cache.set(kk, (r = frozen({ rule: id, status, conds: traceOf(k, kk) })));
    return r;
  };

  const addMissing = (fact: number, decides: Text, ids: readonly string[]): void => {
    let ds = decidesOf[fact];
    let is = idsOf[fact];
    if (!ds || !is) {
      order.push(fact);
      decidesOf[fact] = ds = [];
      idsOf[fact] = is = [];
    }
    if (!ds.includes(decides)) ds.push(decides);
    for (let i = 0; i < ids.length; i++) insertSorted(is, ids[i]!);
  };
  /** Each unknown fact behind the unknown conditions (table facts expanded to their own causes): to `blockers` or missing. */
  const unknownFacts = (k: Conds, conds: readonly CondTrace[], decides: Text | null, ids: readonly string[]): void => {
    for (let i = 0; i < conds.length; i++) {
      if (conds[i]!.value !== null) continue;
      const us = uses[k.preds[i]!]!;
      for (let u = 0; u < us.length; u++) {
        const fi = us[u]!;
        const behind = tableMissing[fi];
        if (behind) {
          for (let b = 0; b < behind.length; b++) note(behind[b]!, decides, ids);
        } else {
          const v = xf[factNames[fi]!];
          if (v === null || v === undefined) note(fi, decides, ids);
        }
      }
    }
  };
  const note = (fi: number, decides: Text | null, ids: readonly string[]): void => {
    if (decides === null) {
      if (!blockers!.includes(fi)) blockers!.push(fi);
    } else addMissing(fi, decides, ids);
  };

  const explainTable = (d: Decision<C, F>, t: Table, ti: number): TableResult => {
    const rows: RuleResult[] = [];
    let mask = 0;
    let last = -1;
    let winner: string | null = null;
    blockers = [];
    for (let k = 0; k < t.rows.length; k++) {
      const row = t.rows[k]!;
      const r = ruleResult(row.id, row.conds);
      rows.push(r);
      if (r.status === 'not-fired') continue;
      mask |= 1 << k;
      last = k;
      if (r.status === 'fired') {
        winner = row.id;
        break;
      }
      unknownFacts(row.conds, r.conds, null, []);
    }
    if (winner === null && t.hasOtherwise) {
      mask |= 1 << t.rows.length;
      last = t.rows.length;
    }
    const cands = last < 0 ? { outputs: [], ids: [] } : candidatesOf(t, mask, last + 1);
    const decided = num(d, ti) >= 0;
    if (!decided) {
      tableMissing[t.factIdx] = blockers;
      tableMissingSet.push(t.factIdx);
      if (t.candidatesFactIdx >= 0) {
        tableMissing[t.candidatesFactIdx] = blockers;
        tableMissingSet.push(t.candidatesFactIdx);
      }
    }
    blockers = null;
    const output = decided ? (cands.outputs[cands.outputs.length - 1] ?? null) : null;
    xf[t.fact] = decided ? output : null;
    if (t.candidatesFact !== undefined) xf[t.candidatesFact] = cands.outputs;
    nextEpoch();
    return {
      table: t.id, decided, output, row: decided ? (winner ?? cands.ids[cands.ids.length - 1] ?? null) : null,
      candidates: cands.ids, candidateOutputs: cands.outputs, rows,
    };
  };

  const explainRule = (i: number): RuleResult => {
    const rule = rules[i]!;
    const r = ruleResult(rule.id, rule.conds);
    if (r.status === 'pending') unknownFacts(rule.conds, r.conds, rule.text, rule.ids);
    return r;
  };

  const explainChart = (c: Chart): ChartResult => {
    const path: NodeVisit[] = [];
    const nodes = c.nodes;
    let i = c.start;
    for (let guard = 0; i >= 0 && guard <= nodes.length; guard++) {
      const n = nodes[i]!;
      if (n.kind === DECISION) {
        const k = n.conds!;
        const kk = key(k);
        const v = lastValue;
        const visit = kk >= 0 ? visitAt(n, kk) : { node: n.id, kind: n.kindName, answer: v, conds: traceOf(k, kk) };
        path.push(visit);
        if (v === null) {
          unknownFacts(k, visit.conds!, n.label, n.ids);
          if (n.unknown < 0) {
            lookAhead(nodes, n.yes, n.no);
            return { chart: c.id, outcome: null, stoppedAt: n.id, path };
          }
          i = n.unknown;
        } else i = v ? n.yes : n.no;
        continue;
      }
      const rs: RuleResult[] = new Array<RuleResult>(n.rules.length);
      for (let k = 0; k < n.rules.length; k++) {
        rs[k] = explainRule(n.rules[k]!);
        if (rs[k]!.status === 'fired') seqAdd(n.rules[k]!);
      }
      path.push({ node: n.id, kind: n.kindName, rules: rs });
      if (n.kind === END) return { chart: c.id, outcome: n.outcome, stoppedAt: null, path };
      i = n.next;
    }
    throw new Error(`flowchart ${c.id}: walk did not end (cycle?)`);
  };

  /** After a stop on an unknown, visit what could follow to name every fact still needed; fires nothing. */
  const lookAhead = (nodes: readonly Node[], yes: number, no: number): void => {
    const seen = new Uint8Array(nodes.length);
    const stack = [yes, no];
    while (stack.length) {
      const i = stack.pop()!;
      if (seen[i]) continue;
      seen[i] = 1;
      const n = nodes[i]!;
      if (n.kind === DECISION) {
        const k = n.conds!;
        const kk = key(k);
        const v = lastValue;
        if (v === null) {
          unknownFacts(k, kk >= 0 ? visitAt(n, kk).conds! : traceOf(k, kk), n.label, n.ids);
          stack.push(n.yes, n.no);
        } else stack.push(v ? n.yes : n.no);
        continue;
      }
      for (let k = 0; k < n.rules.length; k++) explainRule(n.rules[k]!);
      if (n.kind === STEP) stack.push(n.next);
    }
  };

  // Fired rules in the order `run`'s Set holds them (walk order, a guard's rules appended, withdrawn ones removed):
  // a guard lists its proposing lines in that order.
  const seq: number[] = [];
  const inSeq = new Uint8Array(rules.length);
  const seqAdd = (i: number): void => {
    if (inSeq[i]) return;
    inSeq[i] = 1;
    seq.push(i);
  };
  const seqDelete = (i: number): void => {
    if (!inSeq[i]) return;
    inSeq[i] = 0;
    seq.splice(seq.indexOf(i), 1);
  };

  const explainGuard = (g: Guard, provisional: Record<string, Assumption[]>): GuardResult => {
    const proposing: string[] = [];
    const props: number[] = [];
    for (let k = 0; k < seq.length; k++) {
      if (g.proposes[seq[k]!]) {
        props.push(seq[k]!);
        proposing.push(rules[seq[k]!]!.id);
      }
    }
    if (props.length === 0) return g.idle;
    const kk = key(g.conds);
    const value = lastValue;
    const conds = traceOf(g.conds, kk);
    let withdrawn: string[] = [];
    if (value === true) {
      if (g.block) {
        withdrawn = proposing;
        for (let k = 0; k < props.length; k++) seqDelete(props[k]!);
      }
      for (let k = 0; k < g.rules.length; k++) seqAdd(g.rules[k]!);
    } else if (value === null) {
      unknownFacts(g.conds, conds, g.label, g.ids);
      if (g.assumption) for (let k = 0; k < proposing.length; k++) (provisional[proposing[k]!] ??= []).push(g.assumption);
    }
    return { guard: g.id, value, conds, proposing, withdrawn };
  };

  const explain = (d: Decision<C, F>): EngineResult<F> => {
    if (d.reference) return d.reference;
    // The tables are replayed on the decision's own facts, set back to their values before the tables (newest
    // write first, so a fact written twice ends at its derived value) and restored to the decided values after.
    const f = d.facts as Record<string, unknown>;
    const finals = writes.map((fi) => f[factNames[fi]!]);
    for (let w = writes.length - 1; w >= 0; w--) f[factNames[writes[w]!]!] = d.pre[w];
    xf = f;
    nextEpoch();
    try {
      let tableResults: TableResult[];
      try {
        tableResults = tables.map((t, ti) => explainTable(d, t, ti));
      } finally {
        for (let w = 0; w < writes.length; w++) f[factNames[writes[w]!]!] = finals[w];
      }
      const chartResults = charts.map(explainChart);
      const provisional: Record<string, Assumption[]> = {};
      const guardResults = nG === 0 ? [] : guards.map((g) => explainGuard(g, provisional));
      const missing: Missing[] = order.map((fi) => {
        const fact = factNames[fi]!;
        return { fact, ...model.facts[fact as keyof F & string], decides: decidesOf[fi]!, ids: idsOf[fi]! };
      });
      return { facts: d.facts, issues: issues(d), tables: tableResults, charts: chartResults, fired: fired(d), missing, guards: guardResults, provisional };
    } finally {
      xf = {};
      for (const fi of tableMissingSet) tableMissing[fi] = undefined;
      for (const fi of order) decidesOf[fi] = idsOf[fi] = undefined;
      tableMissingSet.length = 0;
      order.length = 0;
      for (let k = 0; k < seq.length; k++) inSeq[seq[k]!] = 0;
      seq.length = 0;
    }
  };

  return {
    compiled, fallback, layout, ruleIds: rules.map((r) => r.id), nodeIds: charts.map((c) => c.nodes.map((n) => n.id)),
    decide, redecide, explain, fired, isFired, isPending, guard: guardOf, firedIds, outcome, stoppedAt, terminal, path, tableRow, tableRowId, tableOutput, issues, issueIndices,
  };
}
