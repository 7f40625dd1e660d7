import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bindKnowledge, bundledKnowledge, caseEvaluator, createImpact, diffKnowledge, evaluatorOfFile, exportKnowledge, impactOf, KnowledgeError, renderDiff, renderImpact,
  verifyKnowledge, wordDiff, type AnyModel, type KnowledgeFile,
} from '../../src/committee/index.js';
import { contentHash } from '../../src/engine/hash.js';
import { CODE_DIGEST, CONTENT_HASH } from '../../src/guideline/content-hash.js';
import { evaluate, evaluatorFor } from '../../src/guideline/evaluate.js';
import { GUIDELINE, MODEL } from '../../src/guideline/model.js';
import { caseArb } from '../support/arbitraries.js';
import { loadVignettes } from '../support/vignettes.js';
import { expectedChanged, expectedIds, fixtureModel, NEW_RULE } from './fixture.js';

const AS_OF = '2026-11-26';
const bundled = (): KnowledgeFile => JSON.parse(JSON.stringify(bundledKnowledge())) as KnowledgeFile;
const fixture = fixtureModel();
const fixtureFile = (): KnowledgeFile => JSON.parse(JSON.stringify(exportKnowledge(fixture as unknown as AnyModel, { guideline: GUIDELINE, code: CODE_DIGEST }))) as KnowledgeFile;
const base = caseEvaluator(evaluate, { asOf: AS_OF });
const head = caseEvaluator(evaluatorFor(fixture, 'fixture'), { asOf: AS_OF });
const vignettes = loadVignettes();
const items = vignettes.map((v) => ({ name: v.id, case: v.case, ...(v.asOf ? { asOf: v.asOf } : {}) }));

describe('knowledge file', () => {
  it('has the model content hash, recomputed from the JSON alone', () => {
    // Function sources here are vitest's transform of src/; CONTENT_HASH is of the tsc build (checked in cli.test.ts).
    const k = bundled();
    expect(contentHash(k.declarations)).toBe(k.contentHash);
    expect(contentHash({ ...MODEL, code: CODE_DIGEST })).toBe(k.contentHash);
    expect(verifyKnowledge(k).contentHash).toBe(k.contentHash);
    expect(CONTENT_HASH).toMatch(/^[0-9a-f]{16}$/);
  });
  it('refuses a tampered text, a wrong format and a missing part, naming what is wrong', () => {
    const tampered = bundled() as unknown as { declarations: { rules: { text: { nl: string } }[] } };
    tampered.declarations.rules[0]!.text.nl += ' (aangepast)';
    expect(() => verifyKnowledge(tampered)).toThrow(KnowledgeError);
    expect(() => verifyKnowledge(tampered)).toThrow(/content hash .* does not match/);
    expect(() => verifyKnowledge({ ...bundled(), format: 'other/1' })).toThrow(/format "other\/1"/);
    const { rules: _gone, ...rest } = bundled().declarations;
    expect(() => verifyKnowledge({ ...bundled(), declarations: rest })).toThrow(/part "rules" is missing/);
    expect(() => verifyKnowledge([])).toThrow(/not a JSON object/);
  });
  it('binds every function of the bundle by source; a changed source stays unbound and is never run', () => {
    expect(bindKnowledge(bundled(), MODEL as unknown as AnyModel, CODE_DIGEST).unbound).toEqual([]);
    const { model, unbound } = bindKnowledge(fixtureFile(), MODEL as unknown as AnyModel, CODE_DIGEST);
    expect(unbound).toEqual(['predicate:perf70']);
    expect(() => model.predicates.perf70!.test({})).toThrow(KnowledgeError);
    expect(evaluatorOfFile(fixtureFile()).evaluate).toBeNull();
  });
  it('evaluates a file whose functions are the bundle’s (a text change) with that file’s texts', () => {
    const k = bundled() as unknown as { declarations: { rules: { id: string; text: { nl: string } }[] }; contentHash: string };
    const r = k.declarations.rules.find((x) => x.id === 'dx.suspect')!;
    r.text.nl = 'Herziene tekst.';
    k.contentHash = contentHash(k.declarations);
    const run = evaluatorOfFile(verifyKnowledge(k)).evaluate!;
    const v = vignettes.find((x) => evaluate(x.case, { asOf: AS_OF }).recommendations.some((i) => i.rule === 'dx.suspect'))!;
    const result = run(v.case, { asOf: AS_OF });
    expect(result.recommendations.find((i) => i.rule === 'dx.suspect')!.text.nl).toBe('Herziene tekst.');
    expect(result.guideline.contentHash).toBe(k.contentHash);
  });
});

describe('word diff', () => {
  it('keeps the common words and marks the rest', () => {
    expect(wordDiff('KPS ≥ 70 of zelfstandig', 'KPS ≥ 60 of volledig zelfstandig')).toEqual([
      { op: 'same', text: 'KPS ≥' }, { op: 'removed', text: '70' }, { op: 'added', text: '60' }, { op: 'same', text: 'of' },
      { op: 'added', text: 'volledig' }, { op: 'same', text: 'zelfstandig' },
    ]);
    fc.assert(fc.property(fc.array(fc.constantFrom('a', 'b', 'c')), fc.array(fc.constantFrom('a', 'b', 'c')), (a, b) => {
      const runs = wordDiff(a.join(' '), b.join(' '));
      const side = (keep: string): string => runs.filter((r) => r.op !== keep).map((r) => r.text).join(' ');
      expect(side('added')).toBe(a.join(' '));
      expect(side('removed')).toBe(b.join(' '));
    }));
  });
});

describe('knowledge diff', () => {
  it('reports nothing for identical knowledge', () => {
    const d = diffKnowledge(bundled(), bundled());
    expect(d.changes).toEqual([]);
    expect(renderDiff(d, 'text', 'nl')).toContain('Geen wijzigingen');
    expect(renderDiff(d, 'markdown', 'en')).toContain('No changes');
  });
  it('names exactly the declarations the fixture revision changes', () => {
    const d = diffKnowledge(bundled(), fixtureFile());
    expect(d.changes.map((c) => `${c.change} ${c.part}:${c.id}`).sort()).toEqual([
      `added rule:${NEW_RULE}`, 'changed node:diagnostic/dx.signs', 'changed predicate:perf70',
    ]);
    const p = d.changes.find((c) => c.part === 'predicate')!;
    expect(p.fields!.map((f) => f.field).sort()).toEqual(['label.en', 'label.nl', 'test', 'uses']);
    expect(p.fields!.find((f) => f.field === 'label.nl')!.words).toContainEqual({ op: 'added', text: '60' });
    expect(p.fields!.find((f) => f.field === 'uses')!.items).toEqual({ added: ['kps'], removed: [] });
    const md = renderDiff(d, 'markdown', 'nl');
    expect(md).toContain('**gewijzigd** · predicaat `perf70`');
    expect(md).toContain('~~70~~ **60**');
    expect(renderDiff(d, 'text', 'en')).toContain('[-70-] {+60+}');
  });
});

describe('impact on cases', () => {
  it('identical knowledge changes no case', () => {
    const r = impactOf(base, base, items, []);
    expect(r.summary).toMatchObject({ cases: vignettes.length, changedCases: 0 });
    expect(r.cases).toEqual([]);
  });
  it('the fixture revision changes exactly the vignettes its cut-off and new rule reach, attributed to them', () => {
    const changes = diffKnowledge(bundled(), fixtureFile()).changes;
    const r = impactOf(base, head, items, changes);
    const expected = expectedIds(vignettes, expectedChanged, AS_OF);
    expect(expected.length).toBeGreaterThan(3);
    expect(r.cases.map((c) => c.name)).toEqual(expected);
    for (const c of r.cases) {
      const v = vignettes.find((x) => x.id === c.name)!;
      if (v.case.raisedIcpSigns === true) expect(c.changes).toContain(`rule:${NEW_RULE}`);
      if (v.case.performance?.kps === 60 && c.changes.includes('predicate:perf70')) expect(c.causes).toContain('predicate:perf70');
    }
    expect(r.summary.groups.map((g) => g.change).sort()).toEqual(['predicate:perf70', `rule:${NEW_RULE}`]);
    const doc = { ...r, base: diffKnowledge(bundled(), fixtureFile()).base, head: diffKnowledge(bundled(), fixtureFile()).head };
    expect(renderImpact(doc, 'markdown', 'nl')).toContain('predicaat `perf70`');
    expect(renderImpact(doc, 'text', 'en')).toContain('BY KNOWLEDGE CHANGE');
  });
  it('a bounded list keeps exact counts, and accumulators merged in any order give the one-pass report', () => {
    const changes = diffKnowledge(bundled(), fixtureFile()).changes;
    const all = impactOf(base, head, items, changes);
    const few = createImpact(base, head, changes, 3);
    items.forEach((c) => few.add(c));
    const r = few.finish();
    expect(r.cases).toEqual(all.cases.slice(0, 3));
    expect({ ...r.summary, listedCases: 0 }).toEqual({ ...all.summary, listedCases: 0 });
    const parts = [createImpact(base, head, changes), createImpact(base, head, changes), createImpact(base, head, changes)];
    items.forEach((c, i) => parts[i % 3]!.add(c, i));
    const merged = createImpact(base, head, changes);
    for (const p of [parts[2]!, parts[0]!, parts[1]!]) merged.merge(structuredClone(p.state()));
    expect(merged.finish()).toEqual(all);
  });
  it('equals evaluating each case separately under each model (random cases)', () => {
    const seen = (x: ReturnType<typeof evaluate>): unknown => [x.category, x.diagnosis.certainty, x.diagnosis.eanoType, x.diagnosis.position,
      x.treatment.position, x.recommendations.map((i) => `${i.rule}:${i.kind}`).sort(), x.missing.map((m) => m.fact).sort()];
    const run = evaluatorFor(fixture, 'fixture');
    fc.assert(fc.property(fc.array(caseArb, { minLength: 1, maxLength: 8 }), (cases) => {
      const r = impactOf(base, head, cases.map((c, i) => ({ name: `c${i}`, case: c })));
      const changed = cases.flatMap((c, i) =>
        JSON.stringify(seen(evaluate(c, { asOf: AS_OF }))) === JSON.stringify(seen(run(c, { asOf: AS_OF }))) ? [] : [`c${i}`]);
      expect(r.cases.map((c) => c.name)).toEqual(changed);
      expect(r.summary.changedCases).toBe(changed.length);
    }), { numRuns: 60 });
  });
});
