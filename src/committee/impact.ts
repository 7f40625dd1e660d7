import type { Change, Side } from './diff.js';
import { differing, statuses, type ResultLike } from './trace.js';

// What a knowledge revision does to cases: each case under both versions, what changed, and which declarations
// caused it. Pure: the evaluators are given; the accumulator is plain data, so workers can merge theirs.

export type { ResultLike } from './trace.js';
/** Evaluates one raw case (validating it; throws on an invalid one) on an evaluation date. */
export type Evaluator = (c: unknown, asOf?: string) => ResultLike;

/** One case of the input: a name to report it by, the raw case, and its evaluation date when it has one. */
export interface CaseItem {
  readonly name: string;
  readonly case: unknown;
  readonly asOf?: string;
}

export type Headline = 'category' | 'certainty' | 'eanoType' | 'position' | 'treatment' | 'invalid';
export const HEADLINES: readonly Headline[] = ['category', 'certainty', 'eanoType', 'position', 'treatment', 'invalid'];

export interface Rec { readonly rule: string; readonly kind: string }

export interface CaseImpact {
  /** Order of the case in the input (results are sorted by it). */
  readonly seq: number;
  readonly name: string;
  readonly headline: readonly { readonly field: Headline; readonly before: unknown; readonly after: unknown }[];
  readonly recommendations: {
    readonly added: readonly Rec[];
    readonly removed: readonly Rec[];
    readonly changedKind: readonly { readonly rule: string; readonly before: string; readonly after: string }[];
  };
  readonly missing: { readonly added: readonly string[]; readonly removed: readonly string[] };
  /** Trace keys whose status differs (rule:, table-row:, node:, predicate:, guard:, check:, table:). */
  readonly causes: readonly string[];
  /** The knowledge changes (`part:id` of the diff) these causes point to; empty: none of the declared changes. */
  readonly changes: readonly string[];
}

export interface ImpactGroup {
  /** `part:id` of a knowledge change, or "" for changes no declaration of the diff explains. */
  readonly change: string;
  readonly cases: number;
  readonly names: readonly string[];
}

export interface ImpactSummary {
  readonly cases: number;
  readonly changedCases: number;
  readonly invalidCases: number;
  readonly byHeadline: Readonly<Record<Headline, number>>;
  readonly recommendationsChanged: number;
  readonly missingChanged: number;
  readonly groups: readonly ImpactGroup[];
  /** How many changed cases `cases` lists (all unless a limit was set). */
  readonly listedCases: number;
}

export interface ImpactReport {
  readonly summary: ImpactSummary;
  /** Changed cases, in input order (the first `keep` when a limit was set). */
  readonly cases: readonly CaseImpact[];
}

const NAMES = 20;
/** The accumulator's state: plain data (structured-clone safe), mergeable; counts are exact whatever `keep` is. */
export interface ImpactState {
  cases: number;
  invalidCases: number;
  changedCases: number;
  recommendationsChanged: number;
  missingChanged: number;
  byHeadline: Record<Headline, number>;
  /** Per change key: its case count and the first cases (by seq). */
  groups: Record<string, { cases: number; first: { seq: number; name: string }[] }>;
  /** The first `keep` changed cases by seq (more may be held until the next trim). */
  changed: CaseImpact[];
  keep: number;
}

export function emptyState(keep = Infinity): ImpactState {
  return {
    cases: 0, invalidCases: 0, changedCases: 0, recommendationsChanged: 0, missingChanged: 0,
    byHeadline: Object.fromEntries(HEADLINES.map((h) => [h, 0])) as Record<Headline, number>, groups: {}, changed: [], keep,
  };
}

const bySeq = (a: { seq: number }, b: { seq: number }): number => a.seq - b.seq;
function trim(s: ImpactState): void {
  if (s.changed.length > 2 * s.keep + 1024) s.changed = s.changed.sort(bySeq).slice(0, s.keep);
}

function count(s: ImpactState, c: CaseImpact): void {
  s.changedCases++;
  for (const h of c.headline) s.byHeadline[h.field]++;
  const r = c.recommendations;
  if (r.added.length || r.removed.length || r.changedKind.length) s.recommendationsChanged++;
  if (c.missing.added.length || c.missing.removed.length) s.missingChanged++;
  for (const key of c.changes.length ? c.changes : ['']) {
    const g = (s.groups[key] ??= { cases: 0, first: [] });
    g.cases++;
    g.first.push({ seq: c.seq, name: c.name });
    if (g.first.length > 4 * NAMES) g.first = g.first.sort(bySeq).slice(0, NAMES);
  }
  if (s.keep > 0) { s.changed.push(c); trim(s); }
}

export type Outcome = { ok: true; r: ResultLike } | { ok: false; error: string };
function run(f: Evaluator, c: CaseItem): Outcome {
  try {
    return { ok: true, r: f(c.case, c.asOf) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

function recs(r: ResultLike): Map<string, string> {
  return new Map(r.recommendations.map((x) => [x.rule, x.kind]));
}

/** Compares one case's two results; null when nothing a reader sees changed. */
export function compareCase(seq: number, name: string, a: Outcome, b: Outcome, changes: readonly Change[] | undefined): CaseImpact | null {
  if (!a.ok || !b.ok) {
    const before = a.ok ? 'valid' : a.error;
    const after = b.ok ? 'valid' : b.error;
    if (!a.ok && !b.ok) return null;
    return { seq, name, headline: [{ field: 'invalid', before, after }], recommendations: { added: [], removed: [], changedKind: [] },
      missing: { added: [], removed: [] }, causes: [], changes: [] };
  }
  const x = a.r;
  const y = b.r;
  const headline: CaseImpact['headline'][number][] = [];
  const head = (field: Headline, before: unknown, after: unknown): void => {
    if (before !== after) headline.push({ field, before, after });
  };
  head('category', x.category, y.category);
  head('certainty', x.diagnosis.certainty, y.diagnosis.certainty);
  head('eanoType', x.diagnosis.eanoType, y.diagnosis.eanoType);
  head('position', x.diagnosis.position, y.diagnosis.position);
  head('treatment', x.treatment?.position ?? null, y.treatment?.position ?? null);
  const ra = recs(x);
  const rb = recs(y);
  const added = [...rb].filter(([k]) => !ra.has(k)).map(([rule, kind]) => ({ rule, kind }));
  const removed = [...ra].filter(([k]) => !rb.has(k)).map(([rule, kind]) => ({ rule, kind }));
  const changedKind = [...ra].filter(([k, v]) => rb.has(k) && rb.get(k) !== v).map(([rule, kind]) => ({ rule, before: kind, after: rb.get(rule)! }));
  const ma = x.missing.map((m) => m.fact);
  const mb = y.missing.map((m) => m.fact);
  const missing = { added: mb.filter((f) => !ma.includes(f)), removed: ma.filter((f) => !mb.includes(f)) };
  if (!headline.length && !added.length && !removed.length && !changedKind.length && !missing.added.length && !missing.removed.length) return null;
  const sx = statuses(x);
  const sy = statuses(y);
  const causes = differing(sx, sy);
  const missingChanged = missing.added.length > 0 || missing.removed.length > 0;
  const unknown = (p: string): boolean => sx.get(`predicate:${p}`) === 'null' || sy.get(`predicate:${p}`) === 'null';
  return {
    seq, name, headline, recommendations: { added, removed, changedKind }, missing, causes,
    changes: changes ? attribute(causes, changes, x, y, missingChanged ? unknown : () => false) : [],
  };
}

/**
 * Which declared changes the differing statuses point to, else the changed code modules. A changed predicate also
 * counts when it was unknown on a side and the missing facts changed (its `uses` decide what is asked for).
 */
function attribute(causes: readonly string[], changes: readonly Change[], a: ResultLike, b: ResultLike, askedVia: (p: string) => boolean): string[] {
  const set = new Set(causes);
  const predicatesChanged = new Set(changes.filter((c) => c.part === 'predicate').map((c) => c.id));
  const facts = new Set([...a.missing, ...b.missing].map((m) => m.fact));
  const out: string[] = [];
  for (const c of changes) {
    const key = `${c.part}:${c.id}`;
    let hit: boolean;
    switch (c.part) {
      case 'rule': case 'table-row': case 'node': case 'guard': case 'check': case 'table':
        hit = set.has(key) || (c.part === 'table' && causes.some((k) => k.startsWith(`table-row:${c.id}/`)));
        break;
      case 'predicate': hit = set.has(key) || askedVia(c.id); break;
      case 'edge': {
        const from = c.id.slice(0, c.id.lastIndexOf(':'));
        const chart = from.slice(0, from.indexOf('/'));
        hit = causes.some((k) => k.startsWith(`node:${chart}/`));
        break;
      }
      case 'flowchart': hit = causes.some((k) => k.startsWith(`node:${c.id}/`)); break;
      case 'fact': hit = facts.has(c.id); break;
      case 'derive':
        hit = causes.some((k) => k.startsWith('predicate:') && !predicatesChanged.has(k.slice('predicate:'.length)));
        break;
      case 'intervention': case 'code': hit = false; break;
    }
    if (hit) out.push(key);
  }
  // A code module leaves no trace of its own: a difference no declaration explains is put to the changed code.
  return out.length ? out : changes.filter((c) => c.part === 'code').map((c) => `code:${c.id}`);
}

export interface ImpactAccumulator {
  /** Evaluates one case under both versions; seq is its place in the whole input (default: the count so far). */
  add(c: CaseItem, seq?: number): void;
  /** Adds another accumulator's state (a worker's; its seqs are places in the whole input). */
  merge(state: ImpactState): void;
  state(): ImpactState;
  finish(): ImpactReport;
}

/** keep: how many changed cases to list (the counts and groups stay exact); default all. */
export function createImpact(base: Evaluator, head: Evaluator, changes?: readonly Change[], keep = Infinity): ImpactAccumulator {
  const s = emptyState(keep);
  return {
    add(c, seq = s.cases) {
      s.cases++;
      const a = run(base, c);
      const b = run(head, c);
      if (!a.ok || !b.ok) s.invalidCases++;
      const d = compareCase(seq, c.name, a, b, changes);
      if (d) count(s, d);
    },
    merge(o) {
      s.cases += o.cases;
      s.invalidCases += o.invalidCases;
      s.changedCases += o.changedCases;
      s.recommendationsChanged += o.recommendationsChanged;
      s.missingChanged += o.missingChanged;
      for (const h of HEADLINES) s.byHeadline[h] += o.byHeadline[h];
      for (const [key, g] of Object.entries(o.groups)) {
        const mine = (s.groups[key] ??= { cases: 0, first: [] });
        mine.cases += g.cases;
        mine.first = [...mine.first, ...g.first].sort(bySeq).slice(0, NAMES);
      }
      s.changed.push(...o.changed);
      trim(s);
    },
    state: () => s,
    finish: () => report(s),
  };
}

/** The report from a state; groups count each case once per change it is attributed to, largest first. */
export function report(s: ImpactState): ImpactReport {
  const cases = [...s.changed].sort(bySeq).slice(0, s.keep);
  const groups = Object.entries(s.groups).map(([change, g]) => ({ change, cases: g.cases, names: [...g.first].sort(bySeq).slice(0, NAMES).map((x) => x.name) }))
    .sort((a, b) => b.cases - a.cases || a.change.localeCompare(b.change));
  return {
    summary: {
      cases: s.cases, changedCases: s.changedCases, invalidCases: s.invalidCases, byHeadline: { ...s.byHeadline },
      recommendationsChanged: s.recommendationsChanged, missingChanged: s.missingChanged, groups, listedCases: cases.length,
    },
    cases,
  };
}

/** Every case under both versions, in one pass. */
export function impactOf(base: Evaluator, head: Evaluator, cases: Iterable<CaseItem>, changes?: readonly Change[]): ImpactReport {
  const acc = createImpact(base, head, changes);
  for (const c of cases) acc.add(c);
  return acc.finish();
}

/** The report with the two knowledge versions it compares: what `leptoguide impact --format json` prints. */
export interface ImpactDocument extends ImpactReport {
  readonly base: Side;
  readonly head: Side;
}
