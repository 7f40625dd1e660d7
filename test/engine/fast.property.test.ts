import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differs, fromFast, fromRun, idsByRule } from '../../bench/fast-compare.js';
import { compileFast } from '../../src/engine/fast.js';
import { run } from '../../src/engine/evaluate.js';
import type { Facts } from '../../src/engine/types.js';
import { evaluate, evaluateWith, FAST } from '../../src/guideline/evaluate.js';
import { COMPILED } from '../../src/guideline/model.js';
import { caseArb } from '../support/arbitraries.js';

// The compiled core against the interpreted reference on random cases. 20,000 here (seconds);
// `npm run verify:fast` runs the same property on 100,000 (bench/verify-fast.ts).
const DECISIONS = Number(process.env.FAST_CASES ?? 20_000);
const FULL = 1_000;
const asOf = fc.constantFrom('2026-11-26', '2027-06-01', '2020-01-01');
const INTERPRETED = compileFast(COMPILED, { interpret: true });
const IDS = idsByRule(FAST as never);

describe('compiled decision core = interpreted run', () => {
  it(`decides identically on ${DECISIONS.toLocaleString('en-US')} random cases (facts, fired, tables, paths, issues, missing, IDs)`, () => {
    fc.assert(fc.property(caseArb, asOf, (c, date) => {
      const input = { case: c, asOf: date };
      const problem = differs(fromRun(run(COMPILED, input), IDS), fromFast(FAST, input));
      if (problem) expect.fail(problem);
    }), { numRuns: DECISIONS });
  });

  it(`explains identically (the whole EngineResult) on ${FULL.toLocaleString('en-US')} random cases`, () => {
    fc.assert(fc.property(caseArb, asOf, (c, date) => {
      const input = { case: c, asOf: date };
      expect(FAST.explain(FAST.decide(input))).toEqual(run(COMPILED, input));
    }), { numRuns: FULL });
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

  it('falls back to the interpreter for model parts it does not know', () => {
    // The safety guards of catalogue revision 2 are such a part (until fast.ts has a guard phase).
    const fast = compileFast(COMPILED.model);
    expect(fast.fallback).toBe(true);
    const input = { case: { primaryTumour: 'nsclc' as const }, asOf: '2026-11-26' };
    expect(fast.explain(fast.decide(input))).toEqual(run(COMPILED, input));
    expect(fast.fired(fast.decide(input))).toEqual(FAST.fired(FAST.decide(input)));
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
