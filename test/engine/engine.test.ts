import { describe, expect, it } from 'vitest';
import { compile, ModelError } from '../../src/engine/compile.js';
import { run } from '../../src/engine/evaluate.js';
import { lint } from '../../src/engine/lint.js';
import { enumeratePaths, pathOfResult } from '../../src/engine/paths.js';
import { and, not, or } from '../../src/engine/tri.js';
import type { Model, Text } from '../../src/engine/types.js';

// The generic kernel on a tiny synthetic model (no clinical content).
const t = (s: string): Text => ({ nl: s, en: s });
type F = { a: boolean | null; b: boolean | null; out: string | null };
type P = 'a' | 'b';

function model(over: Partial<Model<{ a?: boolean; b?: boolean }, F, P>> = {}): Model<{ a?: boolean; b?: boolean }, F, P> {
  return {
    id: 'toy',
    facts: { a: { label: t('a'), fields: ['a'] }, b: { label: t('b'), fields: ['b'] }, out: { label: t('out'), fields: [] } },
    derive: (c) => ({ a: c.a ?? null, b: c.b ?? null, out: null }),
    predicates: { a: { label: t('A'), uses: ['a'], test: (f) => f.a }, b: { label: t('B'), uses: ['b'], test: (f) => f.b } },
    tables: [{
      id: 'tab', label: t('tab'), hitPolicy: 'first', fact: 'out', ids: ['R-1'], section: 's',
      rows: [{ id: 'r1', when: ['a'], output: 'x', ids: ['R-1'], section: 's', label: t('r1') },
        { id: 'r2', when: [{ not: 'a' }, 'b'], output: 'y', ids: ['R-1'], section: 's', label: t('r2') }],
      otherwise: { output: 'z', label: t('z') },
    }],
    flowcharts: [{
      id: 'c', label: t('c'), start: 'd', ids: ['R-1'], section: 's',
      nodes: [
        { kind: 'decision', id: 'd', label: t('a?'), test: 'a', yes: 's1', no: 'e2', ids: ['R-1'], section: 's' },
        { kind: 'step', id: 's1', label: t('s1'), rules: ['rule1', 'rule2'], next: 'e1', ids: ['R-1'], section: 's' },
        { kind: 'end', id: 'e1', label: t('e1'), outcome: 'one', ids: ['R-1'], section: 's' },
        { kind: 'end', id: 'e2', label: t('e2'), outcome: 'two', ids: ['R-1'], section: 's' },
      ],
    }],
    rules: [
      { id: 'rule1', kind: 'do', group: 'g', priority: 2, when: ['b'], ids: ['R-1'], section: 's', text: t('r1'), rationale: t('r') },
      { id: 'rule2', kind: 'do', group: 'g', priority: 1, when: [], ids: ['R-2'], section: 's', text: t('r2'), rationale: t('r') },
    ],
    checks: [],
    ...over,
  };
}

describe('three-valued logic', () => {
  it('follows Kleene', () => {
    expect(and(true, null)).toBe(null);
    expect(and(false, null)).toBe(false);
    expect(or(true, null)).toBe(true);
    expect(or(false, null)).toBe(null);
    expect(not(null)).toBe(null);
  });
});

describe('evaluator', () => {
  const c = compile(model());
  it('walks yes and fires rules in priority order', () => {
    const r = run(c, { a: true, b: true });
    expect(r.charts[0]!.outcome).toBe('one');
    expect(r.fired).toEqual(['rule2', 'rule1']);
    expect(pathOfResult(r.charts[0]!)).toEqual(['d:yes', 's1', 'e1']);
  });
  it('stops on unknown, names the missing fact with what it decides, and looks ahead for facts needed next', () => {
    const r = run(c, {});
    expect(r.charts[0]!.outcome).toBe(null);
    expect(r.charts[0]!.stoppedAt).toBe('d');
    expect(r.fired).toEqual([]);
    expect(r.missing.map((m) => m.fact)).toEqual(['a', 'b']);
    expect(r.missing[0]!.decides).toEqual([t('a?')]);
    expect(r.missing[1]!.decides).toEqual([t('r1')]);
  });
  it('keeps a pending rule out of the fired list and reports its fact', () => {
    const r = run(c, { a: true });
    expect(r.fired).toEqual(['rule2']);
    expect(r.missing.map((m) => m.fact)).toEqual(['b']);
  });
  it('decides a first-hit table only when one output remains', () => {
    expect(run(c, { a: true }).facts.out).toBe('x');
    expect(run(c, { a: false, b: false }).facts.out).toBe('z');
    const undecided = run(c, { b: true });
    expect(undecided.facts.out).toBe(null);
    // Conditions are treated as independent, so the fall-through stays a candidate: conservative, never wrongly decided.
    expect(undecided.tables[0]!.candidates).toEqual(['r1', 'r2', 'otherwise']);
  });
  it('does not mutate its input', () => {
    const input = Object.freeze({ a: true, b: false });
    expect(() => run(c, input)).not.toThrow();
  });
});

describe('authoring errors fail at construction, naming the id', () => {
  it('unknown predicate', () => {
    const bad = model({ rules: [{ id: 'x', kind: 'do', group: 'g', priority: 1, when: ['nope' as P], ids: [], section: 's', text: t('x'), rationale: t('x') }] });
    expect(() => compile(bad)).toThrow(/rule x: unknown predicate "nope"/);
  });
  it('edge to a missing node', () => {
    const m = model();
    const chart = { ...m.flowcharts[0]!, nodes: m.flowcharts[0]!.nodes.map((n) => (n.id === 's1' ? { ...n, next: 'ghost' } : n)) };
    expect(() => compile({ ...m, flowcharts: [chart] })).toThrow(ModelError);
  });
});

describe('lint and paths', () => {
  it('reports unused requirement IDs, missing texts and unreachable nodes', () => {
    const m = model();
    const chart = { ...m.flowcharts[0]!, nodes: [...m.flowcharts[0]!.nodes, { kind: 'end' as const, id: 'orphan', label: { nl: 'x', en: '' }, outcome: 'o', ids: [], section: 's' }] };
    const problems = lint({ ...m, flowcharts: [chart] }, new Set(['R-1', 'R-2', 'R-3']));
    expect(problems).toContain('requirement R-3: implemented by nothing');
    expect(problems).toContain('flowchart c: node orphan unreachable');
    expect(problems.some((p) => p.includes('text missing'))).toBe(true);
  });
  it('a clean model lints clean', () => {
    expect(lint(model(), new Set(['R-1', 'R-2']))).toEqual([]);
  });
  it('enumerates every path', () => {
    expect(enumeratePaths(model().flowcharts[0]!)).toEqual([['d:yes', 's1', 'e1'], ['d:no', 'e2']]);
  });
});
