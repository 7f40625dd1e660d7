import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/guideline/evaluate.js';
import { parseCase } from '../src/guideline/parse.js';
import { check, loadVignettes, observe } from './support/vignettes.js';

// The clinical specification, run through the library.
const vignettes = loadVignettes();

describe('vignettes through the library', () => {
  it('there are at least 60 vignettes with unique ids', () => {
    expect(vignettes.length).toBeGreaterThanOrEqual(60);
    expect(new Set(vignettes.map((v) => v.id)).size).toBe(vignettes.length);
  });
  for (const v of vignettes) {
    it(`${v.file} › ${v.id}: ${v.title}`, () => {
      const parsed = parseCase(v.case);
      expect(parsed.ok ? [] : parsed.errors).toEqual([]);
      if (!parsed.ok) return;
      expect(check(v, observe(evaluate(parsed.case, { asOf: v.asOf ?? '2026-11-26' })))).toEqual([]);
    });
  }
});
