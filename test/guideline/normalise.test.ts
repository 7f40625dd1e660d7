// The fixed-shape case (src/guideline/normalise.ts): every schema field carried, nothing changed, the same advice.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { caseSchema } from '../../src/guideline/case-schema.js';
import { evaluate, FAST } from '../../src/guideline/evaluate.js';
import { isNormalised, normaliseCase } from '../../src/guideline/normalise.js';
import { caseArb } from '../support/arbitraries.js';
import { loadVignettes } from '../support/vignettes.js';

type Schema = z.ZodType & { unwrap?: () => Schema; element?: Schema; shape?: Record<string, Schema> };
const bare = (s: Schema): Schema => (typeof s.unwrap === 'function' ? bare(s.unwrap()) : s);

/** A case with every field of the schema present (a sentinel per leaf), lists with one element. */
function full(s: Schema, path: string): unknown {
  const b = bare(s);
  if (b.shape) return Object.fromEntries(Object.entries(b.shape).map(([k, v]) => [k, full(v, path ? `${path}.${k}` : k)]));
  if (b.element) return [full(b.element, `${path}[]`)];
  return `<${path}>`;
}
/** Every object's keys, in order, by path. */
function keysOf(v: unknown, path: string, out: Record<string, string[]> = {}): Record<string, string[]> {
  if (Array.isArray(v)) v.forEach((x) => keysOf(x, `${path}[]`, out));
  else if (v && typeof v === 'object') {
    out[path] = Object.keys(v);
    for (const [k, x] of Object.entries(v)) keysOf(x, path ? `${path}.${k}` : k, out);
  }
  return out;
}

describe('normaliseCase', () => {
  it('carries every field of the case schema, at every level, in schema order', () => {
    const all = full(caseSchema as unknown as Schema, '') as Parameters<typeof normaliseCase>[0];
    const n = normaliseCase(all);
    expect(n).toStrictEqual(all);
    expect(keysOf(n, '')).toStrictEqual(keysOf(all, ''));
    expect(n.lumbarPunctures).toBe(all.lumbarPunctures); // kept as entered (passed on into the result)
    // An empty record gets every key too (undefined): one shape whatever was entered.
    expect(Object.keys(normaliseCase({}))).toStrictEqual(Object.keys(all));
    expect(Object.keys(normaliseCase({ mri: {} }).mri!)).toStrictEqual(Object.keys((all as { mri: object }).mri));
  });

  it('changes no value: the JSON is the same but for key order, lists are shared; idempotent', () => {
    const sorted = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));
    fc.assert(fc.property(caseArb, (c) => {
      const n = normaliseCase(c);
      expect(sorted(n)).toBe(sorted(c));
      expect(isNormalised(n)).toBe(true);
      expect(normaliseCase(n)).toBe(n);
      if (c.symptoms) expect(n.symptoms).toBe(c.symptoms);
    }), { numRuns: 2000 });
  });

  it('gives the same decision and the same whole result (value of information included) as the case as entered', () => {
    const same = (c: Parameters<typeof evaluate>[0], asOf: string): void => {
      expect(JSON.stringify(FAST.explain(FAST.decide({ case: normaliseCase(c), asOf }))))
        .toBe(JSON.stringify(FAST.explain(FAST.decide({ case: c, asOf }))));
      expect(JSON.stringify(evaluate(normaliseCase(c), { asOf }))).toBe(JSON.stringify(evaluate(c, { asOf })));
    };
    for (const v of loadVignettes()) same(v.case as Parameters<typeof evaluate>[0], v.asOf ?? '2026-11-26');
    fc.assert(fc.property(caseArb, (c) => same(c, '2026-11-26')), { numRuns: 1500 });
  });
});
