// localize (src/render/report.ts): every {nl, en} text in a result replaced by one language, nothing else changed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, localize } from '../../src/index.js';
import { loadVignettes } from '../support/vignettes.js';

// The definition it must keep: an object whose only keys are nl and en is a text.
function reference(value: unknown, lang: 'nl' | 'en'): unknown {
  if (Array.isArray(value)) return value.map((v) => reference(v, lang));
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 2 && 'nl' in value && 'en' in value) return (value as { nl: unknown; en: unknown })[lang];
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reference(v, lang)]));
  }
  return value;
}

const text = fc.record({ nl: fc.string(), en: fc.string() });
const tree = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 2 }), text, fc.record({ nl: fc.string(), en: fc.string(), other: fc.integer() }),
    fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.constantFrom('nl', 'en', 'text', 'ids', 'a'), tie('node'), { maxKeys: 4 })),
})).node;

describe('localize', () => {
  it('equals the reference definition on random trees of texts, near-texts and JSON', () => {
    fc.assert(fc.property(tree, fc.constantFrom('nl' as const, 'en' as const), (v, lang) => {
      expect(localize(v, lang)).toStrictEqual(reference(v, lang));
    }), { numRuns: 3000 });
  });

  it('equals the reference on every vignette result, and leaves no text object behind', () => {
    for (const v of loadVignettes()) {
      const r = evaluate(v.case as Parameters<typeof evaluate>[0], { asOf: v.asOf ?? '2026-11-26' });
      for (const lang of ['nl', 'en'] as const) {
        const out = localize(r, lang);
        expect(JSON.stringify(out)).toBe(JSON.stringify(reference(r, lang)));
        expect(JSON.stringify(out)).not.toMatch(/"nl":/);
      }
    }
  });
});
