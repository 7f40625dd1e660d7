import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareWithRun, idsByRule } from '../../bench/fast-compare.js';
import { compileFast, GUARD_FALSE, GUARD_IDLE, GUARD_TRUE, GUARD_UNKNOWN } from '../../src/engine/fast.js';
import { run } from '../../src/engine/evaluate.js';
import type { Facts } from '../../src/engine/types.js';
import { evaluate, evaluateWith, FAST } from '../../src/guideline/evaluate.js';
import { COMPILED } from '../../src/guideline/model.js';
import { caseArb } from '../support/arbitraries.js';

// The compiled core against the interpreted reference on random cases of the real model (safety guards included).
// 20,000 here (seconds); `npm run verify:fast` runs the same property on 100,000 (bench/verify-fast.ts).
const DECISIONS = Number(process.env.FAST_CASES ?? 20_000);
const FULL = 1_000;
const asOf = fc.constantFrom('2026-11-26', '2027-06-01', '2020-01-01');
const INTERPRETED = compileFast(COMPILED, { interpret: true });
const IDS = idsByRule(FAST as never);

describe('compiled decision core = interpreted run (the real model, safety guards included)', () => {
  it('compiles the real model (no fallback to the interpreter)', () => {
    expect(FAST.fallback).toBe(false);
    expect(COMPILED.model.guards?.length).toBeGreaterThan(0);
  });

  it(`decides identically on ${DECISIONS.toLocaleString('en-US')} random cases (facts, fired, tables, paths, issues, guards, provisional, missing, IDs; the whole EngineResult as JSON)`, () => {
    // Every guard must be seen idle, false, unknown and holding, or the property says nothing about that branch.
    const seen = COMPILED.model.guards!.map(() => new Set<number>());
    fc.assert(fc.property(caseArb, asOf, (c, date) => {
      const input = { case: c, asOf: date };
      const problem = compareWithRun(FAST, input, IDS);
      if (problem) expect.fail(problem);
      const d = FAST.decide(input);
      seen.forEach((s, g) => s.add(FAST.guard(d, g)));
    }), { numRuns: DECISIONS });
    // (guard.therapy-history never holds on random cases: the option table already skips a used option.)
    for (const s of seen) expect([...s]).toEqual(expect.arrayContaining([GUARD_IDLE, GUARD_FALSE, GUARD_UNKNOWN]));
    expect(seen.some((s) => s.has(GUARD_TRUE))).toBe(true);
  });

  it(`explains identically (the whole EngineResult, guards and provisional lines included) on ${FULL.toLocaleString('en-US')} random cases`, () => {
    let provisional = 0;
    fc.assert(fc.property(caseArb, asOf, (c, date) => {
      const input = { case: c, asOf: date };
      const fast = FAST.explain(FAST.decide(input));
      const ref = run(COMPILED, input);
      expect(fast).toEqual(ref);
      expect(JSON.stringify(fast)).toBe(JSON.stringify(ref));
      if (Object.keys(ref.provisional).length) provisional++;
    }), { numRuns: FULL });
    expect(provisional).toBeGreaterThan(0);
  });

  it('gives the same public Result, as JSON and key by key, as the interpreted path', () => {
    fc.assert(fc.property(caseArb, asOf, (c, date) => {
      const lazy = evaluate(c, { asOf: date });
      const reference = evaluateWith(INTERPRETED, c, { asOf: date });
      expect(JSON.stringify(lazy)).toBe(JSON.stringify(reference));
      expect(Object.keys(lazy)).toEqual(Object.keys(reference));
      expect({ ...lazy }).toEqual({ ...reference });
    }), { numRuns: FULL });
  });

  it('blocks, warns and keeps lines provisional as the interpreter does', () => {
    const asOf = '2026-11-26';
    const obstructed = {
      primaryTumour: 'other-solid', symptoms: [], symptomsExplainedByBrainMetastases: true, leptomeningealBiopsy: 'negative',
      mri: { done: true, findings: ['nodular', 'hydrocephalus'], regions: ['brain'], hydrocephalusType: 'obstructive', brainMetastasesMassEffect: false },
      severeEncephalopathy: true, severeNeurologicalDeficit: true, systemicDisease: { status: 'absent', threatening: false }, raisedIcpSigns: true,
    };
    const cases = [obstructed, { ...obstructed, mri: { ...obstructed.mri, hydrocephalusType: undefined } }];
    const results = cases.map((c) => {
      const input = { case: c as never, asOf };
      const r = FAST.explain(FAST.decide(input));
      expect(r).toEqual(run(COMPILED, input));
      return r;
    });
    const lp = (r: (typeof results)[number]): { value: unknown; withdrawn: readonly string[] } => r.guards.find((g) => g.guard === 'guard.lp-obstruction')!;
    expect(lp(results[0]!).value).toBe(true);
    expect(lp(results[0]!).withdrawn.length).toBeGreaterThan(0);
    expect(results[0]!.fired).toContain('safe.lp-contraindicated');
    expect(lp(results[1]!).value).toBe(null);
    expect(Object.keys(results[1]!.provisional).length).toBeGreaterThan(0);
    expect(results[1]!.missing.map((m) => m.fact)).toContain('hydrocephalusType');
    const warn = results.map((r) => r.guards.find((g) => g.guard === 'guard.lp-caution')!);
    // Blocked: no puncture left to warn about. Unknown: the provisional puncture gets the caution.
    expect(warn.map((g) => [g.proposing.length > 0, g.value])).toEqual([[false, null], [true, true]]);
    expect(results.map((r) => r.fired.includes('safe.lp-caution'))).toEqual([false, true]);
  });
});

describe('compiled core on its own', () => {
  it('builds the lazy parts once and keeps them', () => {
    const r = evaluate({ primaryTumour: 'breast', lumbarPunctures: [{ cytology: 'positive' }] }, { asOf: '2026-11-26' });
    expect(r.trace).toBe(r.trace);
    expect(r.recommendations).toBe(r.recommendations);
    expect(r.ids).toBe(r.ids);
    expect(structuredClone(r)).toEqual(JSON.parse(JSON.stringify(r)));
  });

  it('redecide with no change gives the same decision; with a change, the decision of that fact (model without guards)', () => {
    const FAST = compileFast({ ...COMPILED.model, guards: [], interventions: undefined });
    expect(FAST.fallback).toBe(false);
    const d = FAST.decide({ case: { primaryTumour: 'breast', lumbarPunctures: [{ cytology: 'positive' }] }, asOf: '2026-11-26' });
    expect(FAST.explain(FAST.redecide(d, {}))).toEqual(FAST.explain(d));
    const known = FAST.decide({ case: { primaryTumour: 'breast', lumbarPunctures: [{ cytology: 'positive' }], performance: { kps: 90 } }, asOf: '2026-11-26' });
    const what = FAST.redecide(d, { perf70: true, perfSource: 'kps', kps: 90, kpsText: known.facts.kpsText });
    expect(FAST.fired(what)).toEqual(FAST.fired(known));
    expect(FAST.outcome(what, 1)).toBe(FAST.outcome(known, 1));
  });

  it('redecide on the real model (guards included) gives the same decision with no change', () => {
    fc.assert(fc.property(caseArb, (c) => {
      const d = FAST.decide({ case: c, asOf: '2026-11-26' });
      expect(FAST.explain(FAST.redecide(d, {}))).toEqual(FAST.explain(d));
    }), { numRuns: 300 });
  });

  it('decides a guard-free model as the interpreter does', () => {
    const free = compileFast({ ...COMPILED.model, guards: [], interventions: undefined });
    fc.assert(fc.property(caseArb, (c) => {
      const input = { case: c, asOf: '2026-11-26' };
      expect(free.explain(free.decide(input))).toEqual(run(free.compiled, input));
    }), { numRuns: 300 });
  });

  it('falls back to the interpreter for model parts it does not know, and on request', () => {
    const fast = compileFast({ ...COMPILED.model, somethingNew: [1] } as typeof COMPILED.model);
    expect(fast.fallback).toBe(true);
    expect(INTERPRETED.fallback).toBe(true);
    const input = { case: { primaryTumour: 'nsclc' as const }, asOf: '2026-11-26' };
    expect(fast.explain(fast.decide(input))).toEqual(run(COMPILED, input));
    expect(fast.fired(fast.decide(input))).toEqual(FAST.fired(FAST.decide(input)));
    expect(FAST.guard(FAST.decide(input), 0)).toBe(fast.guard(fast.decide(input), 0));
  });

  it('keeps the decision of a model whose tables write one fact twice', () => {
    const m = COMPILED.model;
    const twice = compileFast({ ...m, tables: [...m.tables, { ...m.tables[0]!, id: 'again' }] });
    fc.assert(fc.property(caseArb, (c) => {
      const input = { case: c, asOf: '2026-11-26' };
      expect(twice.explain(twice.decide(input))).toEqual(run(twice.compiled, input));
    }), { numRuns: 300 });
  });
});

export type { Facts };
