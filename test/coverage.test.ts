import { describe, expect, it } from 'vitest';
import { enumeratePaths, pathOfResult } from '../src/engine/paths.js';
import { evaluate, type Result } from '../src/guideline/evaluate.js';
import { MODEL } from '../src/guideline/model.js';
import { REQUIREMENTS } from '../src/guideline/requirements.js';
import { matrixGaps, traceability } from '../src/render/matrix.js';
import { loadVignettes } from './support/vignettes.js';

// Coverage comes from the model: every requirement, flowchart path, table row and rule has a vignette.
const vignettes = loadVignettes();
const results: Result[] = vignettes.map((v) => evaluate(v.case, { asOf: v.asOf ?? '2026-11-26' }));

describe('coverage of the model by the clinical vignettes', () => {
  it('every requirement ID has a rule and a vignette that expects it (traceability matrix)', () => {
    expect(matrixGaps(traceability(MODEL, REQUIREMENTS, vignettes.map((v) => ({ id: v.id, file: v.file, include: v.expect.include }))))).toEqual([]);
  });
  for (const chart of MODEL.flowcharts) {
    it(`every path of the ${chart.id} flowchart is taken by a vignette`, () => {
      const taken = new Set(results.map((r) => pathOfResult(r.trace.flowcharts.find((c) => c.chart === chart.id)!).join(' > ')));
      expect(enumeratePaths(chart).map((p) => p.join(' > ')).filter((p) => !taken.has(p))).toEqual([]);
    });
  }
  it('every row of every decision table decides some vignette', () => {
    const hit = new Set(results.flatMap((r) => r.trace.tables.filter((t) => t.decided).map((t) => `${t.table}/${t.row}`)));
    const rows = MODEL.tables.flatMap((t) => [...t.rows.map((row) => `${t.id}/${row.id}`), ...(t.otherwise ? [`${t.id}/otherwise`] : [])]);
    expect(rows.filter((r) => !hit.has(r))).toEqual([]);
  });
  it('every rule fires in some vignette', () => {
    const fired = new Set(results.flatMap((r) => r.recommendations.map((i) => i.rule)));
    expect(MODEL.rules.map((r) => r.id).filter((id) => !fired.has(id))).toEqual([]);
  });
});
