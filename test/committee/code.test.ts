import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeFilesIn } from '../../src/cli/revision.js';
import {
  CODE_DIRS, CODE_EXTRA, DECLARATION_ONLY, GENERATED, bindKnowledge, bundledKnowledge, codeDigest, diffKnowledge, evaluatorOfFile, isCodeModule,
  renderDiff, verifyKnowledge, withCodeLines, type AnyModel, type KnowledgeFile,
} from '../../src/committee/index.js';
import { lineDiff } from '../../src/committee/words.js';
import { contentHash } from '../../src/engine/hash.js';
import { CODE_DIGEST } from '../../src/guideline/content-hash.js';
import { MODEL } from '../../src/guideline/model.js';
import { CODE_EDIT } from '../../bench/committee-fixture.js';

// The code modules: which source files a knowledge file's digest covers, and binding refused when one differs.
const ROOT = join(import.meta.dirname, '../..');
const read = (p: string): string => readFileSync(join(ROOT, p), 'utf8');

/** Repository paths a module imports at run time (`import type` and `export type` left out). */
function runtimeImports(path: string): string[] {
  const src = read(path);
  const specs = [...src.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'(\.[^']+)'/gms)].map((m) => m[1]!);
  return specs.map((s) => normalize(join(dirname(path), s)).replace(/\.js$/, '.ts'));
}
function closure(entries: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...entries];
  while (todo.length) {
    const p = todo.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    todo.push(...runtimeImports(p));
  }
  return seen;
}
/** A copy of the bundled file with one code module's digest as if its text were `text`, hash recomputed. */
function withCode(path: string, text: string): KnowledgeFile {
  const k = JSON.parse(JSON.stringify(bundledKnowledge())) as { declarations: { code: Record<string, string> }; contentHash: string };
  k.declarations.code = { ...k.declarations.code, ...codeDigest([[path, text]]) };
  k.contentHash = contentHash(k.declarations);
  return verifyKnowledge(k);
}

describe('code modules', () => {
  it('are every run-time import of the model’s function modules, and of evaluate, parse and the model', () => {
    // derive (facts.ts), predicates and checks: everything they run must be digested, declaration-only modules too.
    const fnClosure = closure(['src/guideline/facts.ts', 'src/guideline/predicates.ts', 'src/guideline/checks.ts']);
    expect([...fnClosure].filter((p) => !isCodeModule(p))).toEqual([]);
    expect(fnClosure).toContain('src/guideline/kps.ts');
    expect(fnClosure).toContain('src/engine/tri.ts');
    // The rest of a run: only code modules, modules whose content is in the declarations, and the generated hash.
    const run = closure(['src/guideline/evaluate.ts', 'src/guideline/parse.ts', 'src/guideline/model.ts']);
    expect([...run].filter((p) => !isCodeModule(p) && !DECLARATION_ONLY.includes(p) && !GENERATED.includes(p))).toEqual([]);
    // requirements.ts and references.ts are not run at all (lint and documentation read them).
    expect(DECLARATION_ONLY.filter((p) => !run.has(p)).sort()).toEqual(['src/guideline/references.ts', 'src/guideline/requirements.ts']);
  });
  it('list the files of the code folders and the extras, nothing else', () => {
    const onDisk = [...CODE_DIRS.flatMap((d) => readdirSync(join(ROOT, d)).map((f) => `${d}/${f}`)), ...CODE_EXTRA]
      .filter((p) => p.endsWith('.ts') && !DECLARATION_ONLY.includes(p) && !GENERATED.includes(p)).sort();
    expect(codeFilesIn(ROOT).map(([p]) => p)).toEqual(onDisk);
    expect(isCodeModule('src/guideline/rules-treatment.ts')).toBe(false);
    expect(isCodeModule('src/guideline/content-hash.ts')).toBe(false);
    expect(isCodeModule('src/render/docs.ts')).toBe(false);
  });
  it('are digested with line ends normalised, sorted, non-code paths left out', () => {
    const d = codeDigest([['src/guideline/kps.ts', 'a\r\nb'], ['src/engine/tri.ts', 'x'], ['src/guideline/tables.ts', 't']]);
    expect(Object.keys(d)).toEqual(['src/engine/tri.ts', 'src/guideline/kps.ts']);
    expect(d['src/guideline/kps.ts']).toBe(codeDigest([['src/guideline/kps.ts', 'a\nb']])['src/guideline/kps.ts']);
    expect(d['src/guideline/kps.ts']).not.toBe(codeDigest([['src/guideline/kps.ts', 'a\nc']])['src/guideline/kps.ts']);
  });
  it('of this working tree are the bundle’s CODE_DIGEST (run npm run docs after changing one)', () => {
    expect(CODE_DIGEST).toEqual(codeDigest(codeFilesIn(ROOT)));
    expect(bundledKnowledge().declarations.code).toEqual(CODE_DIGEST);
  });
});

describe('binding refused when the code differs', () => {
  const facts = read(CODE_EDIT.file);
  const edited = (): KnowledgeFile => withCode(CODE_EDIT.file, facts.replace(CODE_EDIT.from, CODE_EDIT.to));
  it('binds every function of a file with this build’s code; one changed helper leaves every function unbound', () => {
    expect(facts).toContain(CODE_EDIT.from);
    const same = bindKnowledge(bundledKnowledge(), MODEL as unknown as AnyModel, CODE_DIGEST);
    expect(same).toMatchObject({ unbound: [], code: [] });
    const k = edited();
    expect(k.declarations.derive).toEqual(bundledKnowledge().declarations.derive);
    const { unbound, code } = bindKnowledge(k, MODEL as unknown as AnyModel, CODE_DIGEST);
    expect(code).toEqual([`code:${CODE_EDIT.file}`]);
    expect(unbound).toContain('derive');
    expect(unbound.length).toBe(1 + Object.keys(MODEL.predicates).length + MODEL.checks.length);
    expect(evaluatorOfFile(k)).toMatchObject({ evaluate: null, code: [`code:${CODE_EDIT.file}`] });
  });
  it('leaves a file of the older format (no digests) unbound', () => {
    const k = JSON.parse(JSON.stringify(bundledKnowledge())) as { declarations: Record<string, unknown>; contentHash: string };
    delete k.declarations.code;
    k.contentHash = contentHash(k.declarations);
    const { unbound, code } = bindKnowledge(verifyKnowledge(k), MODEL as unknown as AnyModel, CODE_DIGEST);
    expect(code).toEqual(['code']);
    expect(unbound).toContain('derive');
  });
  it('refuses a digest that is not a string map', () => {
    const k = JSON.parse(JSON.stringify(bundledKnowledge())) as { declarations: Record<string, unknown>; contentHash: string };
    k.declarations.code = { 'src/guideline/facts.ts': 1 };
    k.contentHash = contentHash(k.declarations);
    expect(() => verifyKnowledge(k)).toThrow(/part "code"/);
  });
  it('the diff names the code module, plainly, in both languages, with its lines when both texts are known', () => {
    const d = diffKnowledge(bundledKnowledge(), edited());
    expect(d.changes).toEqual([{ change: 'changed', part: 'code', id: CODE_EDIT.file, section: '', ids: [] }]);
    expect(d.base.contentHash).not.toBe(d.head.contentHash);
    expect(renderDiff(d, 'text', 'en')).toContain(`code changed: ${CODE_EDIT.file} — its effect shows only in the impact`);
    expect(renderDiff(d, 'text', 'nl')).toContain(`code gewijzigd: ${CODE_EDIT.file} — het effect blijkt alleen uit de gevolgen voor casussen`);
    const lines = withCodeLines(d, new Map([[CODE_EDIT.file, facts]]), new Map([[CODE_EDIT.file, facts.replace(CODE_EDIT.from, CODE_EDIT.to)]]));
    const md = renderDiff(lines, 'markdown', 'en');
    const at = facts.split('\n').findIndex((l) => l.includes(CODE_EDIT.from)) + 1;
    expect(md).toContain(`\`-${at}: if (p.kps !== undefined) ${CODE_EDIT.from}\``);
    expect(md).toContain(`\`+${at}: if (p.kps !== undefined) ${CODE_EDIT.to}\``);
  });
});

describe('line diff', () => {
  it('lists the removed and added lines with their numbers, capped', () => {
    expect(lineDiff('a\nb\nc\nd', 'a\nx\nc\nd\ne')).toEqual({
      lines: [{ op: 'removed', line: 2, text: 'b' }, { op: 'added', line: 2, text: 'x' }, { op: 'added', line: 5, text: 'e' }], more: 0,
    });
    expect(lineDiff('a\r\nb', 'a\nb')).toEqual({ lines: [], more: 0 });
    const many = lineDiff('', Array.from({ length: 50 }, (_, i) => `l${i}`).join('\n'), 10);
    expect(many.lines.length).toBe(10);
    expect(many.more).toBe(41);
  });
});
