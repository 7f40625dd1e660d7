// The bundled zod-free entries (scripts/bundle-core.js, run by `npm run build`): dist/core.js and dist/fhir-core.js
// (minified ESM), and the Node entries dist/*.node.js (the same code as a classic script, with V8's code cache) give
// what the tsc modules give, contain no zod and import nothing.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadVignettes } from '../support/vignettes.js';
import { AS_OF, bundleNames, loadBundle } from '../fhir/support.js';

const ROOT = join(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');
type Core = typeof import('../../src/core.js');
type FhirCore = typeof import('../../src/fhir-core.js');
const load = async <T>(file: string): Promise<T> => (await import(/* @vite-ignore */ pathToFileURL(join(DIST, file)).href)) as T;
const text = (file: string): string => readFileSync(join(DIST, file), 'utf8');
const cacheOf = (name: string): string => readdirSync(DIST).find((f) => f.startsWith(`${name}.`) && f.endsWith('.cache'))!;

// Zod's own identifiers survive minification (property and class names): its internals sit under `_zod`.
const ZOD = /_zod\b|\$Zod|ZodError|ZodType/;
// Any static or dynamic import, export-from or require (the ESM bundle ends with a plain `export{…}`).
const IMPORTS = /\bimport\s*[\s{*"'`(]|\bfrom\s*["'`]|\brequire\s*\(/;

const vignettes = loadVignettes();

describe('bundled leptoguide/core and leptoguide/fhir-core', () => {
  const files = ['core.js', 'core.script.js', 'core.node.js', 'fhir-core.js', 'fhir-core.script.js', 'fhir-core.node.js'];

  it('contain no zod and import no module (the Node entries only take node:fs and node:vm from the process)', () => {
    // the pattern does find zod's code
    expect(readFileSync(join(ROOT, 'node_modules/zod/v4/classic/schemas.js'), 'utf8')).toMatch(ZOD);
    for (const f of files) {
      const src = text(f);
      expect(src, f).not.toMatch(ZOD);
      expect(src, f).not.toMatch(IMPORTS);
    }
    for (const f of ['core.node.js', 'fhir-core.node.js']) {
      expect([...text(f).matchAll(/getBuiltinModule\('([^']+)'\)/g)].map((m) => m[1]), f).toEqual(['node:fs', 'node:vm']);
    }
    // the bundles are really the code, not a re-export of dist/src
    expect(text('core.js').length).toBeGreaterThan(50_000);
  });

  it('package.json points leptoguide/core and leptoguide/fhir-core at the bundles, types at the tsc declarations', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
    expect(pkg.exports['./core']).toEqual({ types: './dist/src/core.d.ts', node: './dist/core.node.js', default: './dist/core.js' });
    expect(pkg.exports['./fhir-core']).toEqual({ types: './dist/src/fhir-core.d.ts', node: './dist/fhir-core.node.js', default: './dist/fhir-core.js' });
  });

  it('evaluate() gives the JSON of dist/src/index.js for every vignette (ESM bundle and Node entry, both entries)', async () => {
    const index = await load<typeof import('../../src/index.js')>('src/index.js');
    const entries = await Promise.all(['core.js', 'core.node.js', 'fhir-core.js', 'fhir-core.node.js'].map((f) => load<Core>(f)));
    expect(vignettes.length).toBeGreaterThanOrEqual(60);
    for (const v of vignettes) {
      const parsed = index.parseCase(v.case);
      expect(parsed.ok, v.id).toBe(true);
      if (!parsed.ok) continue;
      for (const options of [{ asOf: v.asOf ?? AS_OF }, { asOf: v.asOf ?? AS_OF, needed: false }]) {
        const want = JSON.stringify(index.evaluate(parsed.case, options));
        entries.forEach((e, i) => expect(JSON.stringify(e.evaluate(parsed.case, options)), `${v.id} via entry ${i}`).toBe(want));
      }
    }
    for (const e of entries) expect(e.CONTENT_HASH).toBe(index.CONTENT_HASH);
  });

  it('mapFhirCore gives what dist/src/fhir-core.js gives for the FHIR test bundles', async () => {
    const tsc = await load<FhirCore>('src/fhir-core.js');
    const bundled = await Promise.all(['fhir-core.js', 'fhir-core.node.js'].map((f) => load<FhirCore>(f)));
    for (const name of bundleNames()) {
      const want = JSON.stringify(tsc.mapFhirCore(loadBundle(name), { asOf: AS_OF }));
      for (const b of bundled) expect(JSON.stringify(b.mapFhirCore(loadBundle(name), { asOf: AS_OF })), name).toBe(want);
    }
  });

  it('in a fresh node process, leptoguide/core resolves to the Node entry, V8 accepts its code cache (rejects it under a V8 flag), and the result is the same', async () => {
    const probe = `
      const { Script } = process.getBuiltinModule('node:vm');
      const { readFileSync } = process.getBuiltinModule('node:fs');
      const url = import.meta.resolve('leptoguide/core');
      const dist = ${JSON.stringify(DIST)};
      const s = new Script(readFileSync(dist + '/core.script.js', 'utf8'),
        { filename: dist + '/core.script.js', cachedData: readFileSync(dist + '/' + ${JSON.stringify(cacheOf('core'))}) });
      const { evaluate } = await import('leptoguide/core');
      const c = JSON.parse(process.argv[1]);
      process.stdout.write(JSON.stringify({ url, rejected: s.cachedDataRejected, result: evaluate(c, { asOf: '${AS_OF}' }) }));`;
    const index = await load<typeof import('../../src/index.js')>('src/index.js');
    const parsed = index.parseCase(vignettes.find((x) => x.expect.category === 1)!.case);
    if (!parsed.ok) throw new Error('vignette does not parse');
    const want = JSON.parse(JSON.stringify(index.evaluate(parsed.case, { asOf: AS_OF }))) as unknown;
    // Without V8 flags the cache is taken; with one (here a heap limit) V8 rejects it and the script compiles as usual.
    for (const [flags, rejected] of [[[], false], [['--max-old-space-size=512'], true]] as const) {
      const p = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', probe, JSON.stringify(parsed.case)], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
      expect(p.stderr).toBe('');
      const out = JSON.parse(p.stdout) as { url: string; rejected: boolean; result: unknown };
      expect(out.url).toBe(pathToFileURL(join(DIST, 'core.node.js')).href);
      expect(out.rejected, flags.join(' ')).toBe(rejected);
      expect(out.result).toEqual(want);
    }
  });
});
