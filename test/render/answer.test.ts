// The answer summary is derived from the Result alone: its plan is the coded interventions of the do/consider and
// avoid lines, safety first, at most three questions in the order of `missing`, no placeholder, and a note ≤ 1,200 characters.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerOf, evaluate, renderAnswer, renderNote, renderReport, type Case } from '../../src/index.js';
import { loadVignettes } from '../support/vignettes.js';

const AS_OF = '2026-05-01';
const vignettes = loadVignettes();
const example = (name: string): Case => JSON.parse(readFileSync(join(import.meta.dirname, '../../docs/examples', name), 'utf8')) as Case;

describe('answer summary', () => {
  it('for every vignette: plan = coded interventions, safety first, ≤ 3 questions, no placeholder, note ≤ 1,200 characters', () => {
    for (const v of vignettes) {
      const r = evaluate(v.case, { asOf: v.asOf ?? AS_OF });
      const a = answerOf(r);
      const proposed = new Set(r.recommendations.filter((i) => (i.kind === 'do' || i.kind === 'consider') && i.group !== 'input' && i.group !== 'scope')
        .flatMap((i) => i.interventions));
      const against = new Set(r.recommendations.filter((i) => i.kind === 'avoid' && i.group !== 'input' && i.group !== 'scope').flatMap((i) => i.interventions));
      const shown = [...a.plan.do, ...a.plan.consider].map((p) => p.code);
      expect(shown.every((c) => proposed.has(c)), v.id).toBe(true);
      expect([...proposed].filter((c) => !shown.includes(c) && c !== 'systemic-therapy'), v.id).toEqual([]);
      expect(a.plan.avoid.map((p) => p.code).sort(), v.id).toEqual([...against].sort());
      expect(new Set(shown).size, v.id).toBe(shown.length);
      expect(a.planLines.length, v.id).toBeGreaterThan(0);
      expect(a.planLines.length, v.id).toBeLessThanOrEqual(2);
      expect(a.safety.map((s) => s.rule), v.id).toEqual(expect.arrayContaining(r.recommendations.filter((i) => i.group === 'safety').map((i) => i.rule)));
      expect(a.needed.map((n) => n.fact), v.id).toEqual(r.missing.slice(0, 3).map((m) => m.fact));
      for (const lang of ['nl', 'en'] as const) {
        for (const format of ['text', 'markdown'] as const) {
          const text = renderAnswer(a, lang, format);
          expect(text, v.id).not.toMatch(/\{\w+\}/);
          expect(renderReport(r, lang, format), v.id).not.toMatch(/\{\w+\}/);
          expect(renderReport(r, lang, format).indexOf(text.trimEnd().split('\n')[0]!), v.id).toBeGreaterThan(0);
        }
        const note = renderNote(r, lang, AS_OF);
        expect(note.length, v.id).toBeLessThanOrEqual(1200);
        expect(note, v.id).toContain(r.guideline.contentHash);
        expect(note, v.id).toContain(a.diagnosis[lang]);
        if (a.safety.length) expect(note.split('\n')[1], v.id).toMatch(/^⚠/);
      }
      if (r.scope === 'out-of-scope') expect(a.planLines[0]!.en, v.id).toBe('No advice from this guideline');
    }
  });

  it('example 2 (EGFR NSCLC, KPS 50): probable IIA, category 3, osimertinib considered, no intrathecal chemotherapy, hydrocephalus type asked', () => {
    const a = answerOf(evaluate(example('2-nsclc-egfr-poor-performance.json'), { asOf: AS_OF }));
    expect(a.diagnosis.en).toBe('LM probable · EANO–ESMO type IIA');
    expect(a.category.en).toBe('3 — prognosis very unfavourable');
    expect(a.plan.consider.map((p) => p.code)).toEqual(expect.arrayContaining(['best-supportive-care', 'egfr-tki']));
    expect(a.plan.consider.find((p) => p.code === 'lumbar-puncture')?.provisional).toBe(true);
    expect(a.planLines[1]!.en).toBe('Do not: intrathecal chemotherapy, routine CSF follow-up');
    expect(a.safety[0]!.rule).toBe('safe.lp-caution');
    expect(a.needed.map((n) => n.fields)).toEqual([['mri.hydrocephalusType']]);
  });

  it('the empty case is not "no suspicion": nothing is known yet, and the questions say what decides', () => {
    const a = answerOf(evaluate({}, { asOf: AS_OF }));
    expect(a.diagnosis.nl).toBe('Nog geen diagnose — nog niet te beoordelen: gegevens nodig');
    expect(a.needed.length).toBeGreaterThan(0);
    expect(a.needed.every((n) => n.question.nl.endsWith('?'))).toBe(true);
  });

  it('the Markdown is CommonMark a CDS Hooks card can show: no HTML, IDs in bold brackets', () => {
    const md = renderAnswer(answerOf(evaluate(example('1-breast-her2-confirmed.json'), { asOf: AS_OF })), 'nl', 'markdown');
    expect(md).not.toMatch(/<[a-z]/i);
    expect(md).toMatch(/^## In het kort\n/);
    expect(md).toMatch(/\*\*\[[A-Z]+-[A-Z0-9-]+(, [A-Z]+-[A-Z0-9-]+)*\]\*\*/);
  });
});
