import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import { codeFilesIn } from '../../src/cli/revision.js';
import { codeDigest } from '../../src/committee/code.js';
import { CODE_DIGEST, CONTENT_HASH } from '../../src/guideline/evaluate.js';
import { KPS_SCALE } from '../../src/guideline/kps.js';
import { MODEL } from '../../src/guideline/model.js';
import { REFERENCES } from '../../src/guideline/references.js';
import { REQUIREMENT_IDS, REQUIREMENTS } from '../../src/guideline/requirements.js';

// Static checks of the knowledge base.
const CATALOGUE = join(import.meta.dirname, '../../../shared/guideline/requirements.md');

describe('knowledge base', () => {
  it('lints clean: unique ids, reachable nodes, complete tables, both languages, every requirement used', () => {
    expect(lint(MODEL, REQUIREMENT_IDS)).toEqual([]);
  });
  const catalogue = existsSync(CATALOGUE);
  // vitest has no skip reason: the title says why when the catalogue (shared/ beside the repository) is absent.
  it.runIf(catalogue)(`lists exactly the IDs of the catalogue${catalogue ? '' : ' (skipped: ../shared/guideline/requirements.md not found beside the repository)'}`, () => {
    const md = readFileSync(CATALOGUE, 'utf8');
    const ids = [...md.matchAll(/^\| ([A-Z]+-[A-Z0-9-]+) \|/gm)].map((m) => m[1]);
    expect([...REQUIREMENT_IDS].sort()).toEqual([...new Set(ids)].sort());
  });
  it('has a unique requirement list', () => {
    expect(REQUIREMENT_IDS.size).toBe(REQUIREMENTS.length);
  });
  it('cites only references that exist', () => {
    const refs = [...MODEL.rules.flatMap((r) => r.refs ?? []), ...MODEL.tables.flatMap((t) => t.rows.flatMap((r) => r.refs ?? []))];
    expect(refs.filter((n) => !(n in REFERENCES))).toEqual([]);
  });
  it('has the ten Karnofsky steps, 100 down to 10', () => {
    expect(KPS_SCALE.map((s) => s.score)).toEqual([100, 90, 80, 70, 60, 50, 40, 30, 20, 10]);
  });
  it('has a current content hash: declarations and code modules (run npm run docs after changing either)', () => {
    expect(CONTENT_HASH).toMatch(/^[0-9a-f]{16}$/);
    // The code modules as they are on disk now (a changed helper such as performance() in facts.ts changes them).
    const code = codeDigest(codeFilesIn(join(import.meta.dirname, '../..')));
    expect(CODE_DIGEST, 'CODE_DIGEST is stale: run npm run docs').toEqual(code);
    // Function sources are hashed as the build (tsc) emits them: compute in plain node from dist/, outside vitest's transform.
    const dist = (f: string): string => pathToFileURL(join(import.meta.dirname, '../../dist/src', f)).href;
    const script = `const m = await import('${dist('guideline/model.js')}'); const h = await import('${dist('engine/hash.js')}');`
      + ` process.stdout.write(h.contentHash({ ...m.MODEL, code: ${JSON.stringify(code)} }));`;
    expect(CONTENT_HASH).toBe(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
  });
  it('declares every source note and interpretation in both languages', () => {
    const notes = [...MODEL.rules, ...MODEL.tables].flatMap((x) => (x.note ? [x.note] : []));
    expect(notes.length).toBeGreaterThan(5);
    notes.forEach((n) => { expect(n.text.nl.length).toBeGreaterThan(0); expect(n.text.en.length).toBeGreaterThan(0); });
    expect(MODEL.rules.some((r) => r.note?.kind === 'source-note' && r.ids.includes('TX-MELANOMA-IO'))).toBe(true);
  });
});
