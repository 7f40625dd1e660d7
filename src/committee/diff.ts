import { isFnRef, type KnowledgeFile } from './knowledge.js';
import { codeDiffers } from './code.js';
import { lineDiff, wordDiff, type LineRun, type WordRun } from './words.js';

// What one knowledge version changes against another, declaration by declaration. Pure.

export type Part = 'rule' | 'table' | 'table-row' | 'flowchart' | 'node' | 'edge' | 'predicate' | 'fact' | 'guard' | 'check'
  | 'intervention' | 'derive' | 'code';
export const PARTS: readonly Part[] = ['rule', 'table', 'table-row', 'flowchart', 'node', 'edge', 'predicate', 'fact', 'guard', 'check',
  'intervention', 'derive', 'code'];

export interface FieldChange {
  /** Dotted path in the declaration: text.nl, when, uses, test, position, … */
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
  /** Texts and function sources: the word diff. */
  readonly words?: readonly WordRun[];
  /** Lists of names (IDs, conditions, facts): what came and went. */
  readonly items?: { readonly added: readonly string[]; readonly removed: readonly string[] };
}

export interface Change {
  readonly change: 'added' | 'removed' | 'changed';
  readonly part: Part;
  /** Rule, predicate, fact … id; table rows `table/row`, nodes `chart/node`, edges `chart/from:label`. */
  readonly id: string;
  readonly section: string;
  /** Requirement IDs of the declaration (both sides' for a change). */
  readonly ids: readonly string[];
  readonly fields?: readonly FieldChange[];
  /** A code module of two revisions: its changed lines (capped; `more` counts the rest). */
  readonly lines?: { readonly runs: readonly LineRun[]; readonly more: number };
}

export interface Side {
  readonly contentHash: string;
  readonly version: string;
  readonly revision: string | null;
}

export interface KnowledgeDiff {
  readonly base: Side;
  readonly head: Side;
  readonly changes: readonly Change[];
}

type Decl = Readonly<Record<string, unknown>>;
const isObject = (v: unknown): v is Decl => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
/** A condition as written: `name` or `not name`. */
const condText = (c: unknown): string => (typeof c === 'string' ? c : isObject(c) && typeof c.not === 'string' ? `not ${c.not}` : JSON.stringify(c));

/** Leaf fields of a declaration: plain objects are entered (text.nl, note.text.en), arrays and functions are leaves. */
function leaves(v: unknown, prefix: string, out: Map<string, unknown>): void {
  if (isObject(v) && !isFnRef(v) && Object.keys(v).length > 0) {
    for (const [k, x] of Object.entries(v)) leaves(x, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, v);
}

function fieldChanges(before: unknown, after: unknown, skip: readonly string[]): FieldChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  leaves(before, '', a);
  leaves(after, '', b);
  const out: FieldChange[] = [];
  for (const field of [...new Set([...a.keys(), ...b.keys()])]) {
    if (skip.some((s) => field === s || field.startsWith(`${s}.`))) continue;
    const x = a.get(field);
    const y = b.get(field);
    if (same(x, y)) continue;
    const fx = isFnRef(x) ? x.$fn : x;
    const fy = isFnRef(y) ? y.$fn : y;
    const change: FieldChange = { field, before: x ?? null, after: y ?? null };
    if (typeof fx === 'string' && typeof fy === 'string') out.push({ ...change, words: wordDiff(fx, fy) });
    else if ((x === undefined || Array.isArray(x)) && (y === undefined || Array.isArray(y))) {
      const xs = ((x ?? []) as unknown[]).map(condText);
      const ys = ((y ?? []) as unknown[]).map(condText);
      out.push({ ...change, items: { added: ys.filter((s) => !xs.includes(s)), removed: xs.filter((s) => !ys.includes(s)) } });
    } else out.push(change);
  }
  return out;
}

interface Entry { readonly decl: Decl; readonly section: string; readonly ids: readonly string[] }
const entry = (decl: Decl, inherited: string): Entry => ({
  decl, section: typeof decl.section === 'string' ? decl.section : inherited, ids: strings(decl.ids) ? decl.ids : [],
});

/** Compares two keyed sets of declarations. */
function compare(part: Part, a: ReadonlyMap<string, Entry>, b: ReadonlyMap<string, Entry>, skip: readonly string[], out: Change[]): void {
  for (const [id, x] of a) {
    const y = b.get(id);
    if (!y) { out.push({ change: 'removed', part, id, section: x.section, ids: x.ids }); continue; }
    const fields = fieldChanges(x.decl, y.decl, skip);
    if (fields.length) {
      out.push({ change: 'changed', part, id, section: y.section, ids: [...new Set([...x.ids, ...y.ids])], fields });
    }
  }
  for (const [id, y] of b) if (!a.has(id)) out.push({ change: 'added', part, id, section: y.section, ids: y.ids });
}

const list = (v: unknown): Decl[] => (Array.isArray(v) ? v.filter(isObject) : []);
const record = (v: unknown): [string, Decl][] => (isObject(v) ? Object.entries(v).filter((e): e is [string, Decl] => isObject(e[1])) : []);
const byId = (xs: readonly Decl[], section = ''): Map<string, Entry> => new Map(xs.map((x) => [String(x.id), entry(x, section)]));
const byKey = (xs: readonly [string, Decl][]): Map<string, Entry> => new Map(xs.map(([k, x]) => [k, entry(x, '')]));

/** Rows keep their position (first hit: order matters); the table's section is theirs when they have none. */
function rows(tables: readonly Decl[]): Map<string, Entry> {
  return new Map(tables.flatMap((t) => list(t.rows).map((r, i): [string, Entry] =>
    [`${String(t.id)}/${String(r.id)}`, entry({ ...r, position: i + 1 }, typeof t.section === 'string' ? t.section : '')])));
}

const EDGE_LABELS = ['yes', 'no', 'unknown', 'next'] as const;
function nodes(charts: readonly Decl[]): Map<string, Entry> {
  return new Map(charts.flatMap((c) => list(c.nodes).map((n): [string, Entry] =>
    [`${String(c.id)}/${String(n.id)}`, entry(n, typeof c.section === 'string' ? c.section : '')])));
}
function edges(charts: readonly Decl[]): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const c of charts) {
    for (const n of list(c.nodes)) {
      for (const label of EDGE_LABELS) {
        const to = n[label];
        if (typeof to === 'string') out.set(`${String(c.id)}/${String(n.id)}:${label}`, entry({ from: n.id, label, to }, typeof n.section === 'string' ? n.section : ''));
      }
    }
  }
  return out;
}

export const sideOf = (k: KnowledgeFile): Side => ({ contentHash: k.contentHash, version: k.version, revision: k.revision ?? null });

export function diffKnowledge(base: KnowledgeFile, head: KnowledgeFile): KnowledgeDiff {
  const a = base.declarations as unknown as Decl;
  const b = head.declarations as unknown as Decl;
  const changes: Change[] = [];
  compare('rule', byId(list(a.rules)), byId(list(b.rules)), ['id'], changes);
  compare('table', byId(list(a.tables)), byId(list(b.tables)), ['id', 'rows'], changes);
  compare('table-row', rows(list(a.tables)), rows(list(b.tables)), ['id'], changes);
  compare('flowchart', byId(list(a.flowcharts)), byId(list(b.flowcharts)), ['id', 'nodes'], changes);
  compare('node', nodes(list(a.flowcharts)), nodes(list(b.flowcharts)), ['id', ...EDGE_LABELS], changes);
  compare('edge', edges(list(a.flowcharts)), edges(list(b.flowcharts)), ['from', 'label'], changes);
  compare('predicate', byKey(record(a.predicates)), byKey(record(b.predicates)), [], changes);
  compare('fact', byKey(record(a.facts)), byKey(record(b.facts)), [], changes);
  compare('guard', byId(list(a.guards)), byId(list(b.guards)), ['id'], changes);
  compare('check', byId(list(a.checks)), byId(list(b.checks)), ['id'], changes);
  compare('intervention', byKey(record(a.interventions)), byKey(record(b.interventions)), [], changes);
  const derive = (d: Decl): Map<string, Entry> => new Map([['derive', entry({ source: d.derive }, '')]]);
  compare('derive', derive(a), derive(b), [], changes);
  changes.push(...codeChanges(a.code, b.code));
  return { base: sideOf(base), head: sideOf(head), changes };
}

const digestOf = (v: unknown): Readonly<Record<string, string>> =>
  (isObject(v) ? Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string')) : {});

/** Code modules changed, added or removed (their effect shows only in the impact). A side without digests: none. */
function codeChanges(a: unknown, b: unknown): Change[] {
  if (a === undefined || b === undefined) return [];
  const x = digestOf(a);
  const y = digestOf(b);
  return codeDiffers(x, y).map((id): Change => ({ change: !(id in x) ? 'added' : !(id in y) ? 'removed' : 'changed', part: 'code', id, section: '', ids: [] }));
}

/** Adds the changed lines to each code change, from the two sides' module texts (git revisions, working tree). */
export function withCodeLines(d: KnowledgeDiff, base: ReadonlyMap<string, string>, head: ReadonlyMap<string, string>, cap = 40): KnowledgeDiff {
  return {
    ...d,
    changes: d.changes.map((c) => {
      if (c.part !== 'code') return c;
      const { lines, more } = lineDiff(base.get(c.id) ?? '', head.get(c.id) ?? '', cap);
      return { ...c, lines: { runs: lines, more } };
    }),
  };
}
