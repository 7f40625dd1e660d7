// Bundles the zod-free entries (part of `npm run build`, after tsc), for the cold start (bench/cold-start.ts):
// one file instead of ~30 modules, so no per-module resolution, file reads and module records at start-up.
// Per entry (core: dist/src/core.js, fhir-core: dist/src/fhir-core.js):
//   dist/<name>.js          minified single-file ESM bundle (the "default" export condition: any runtime, bundlers)
//   dist/<name>.script.js   the same code as a classic script, `(function(exports){…})`, from the same sources
//   dist/<name>.<hash>.cache V8 code cache of the script, written after warm-up evaluations (functions compiled then)
//   dist/<name>.node.js     the "node" export condition: runs the script through vm.Script with the code cache, so
//                           Node neither parses nor compiles the code again. V8 rejects a cache made by another V8
//                           version or with other flags; then the script compiles as usual (same code, same results).
// Only node: built-ins may be imported; any other import (a package: zod above all) fails the build.
// Types stay the tsc .d.ts files (package.json exports).
import { build } from 'rolldown';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const ENTRIES = { core: 'dist/src/core.js', 'fhir-core': 'dist/src/fhir-core.js' };
const kB = (file) => `${(statSync(file).size / 1024).toFixed(1)} kB`;

async function bundle(name, input, format, file) {
  const out = await build({
    input: join(root, input),
    platform: 'node',
    // Packages are never bundled silently: a bare import makes the build fail below instead.
    external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
    logLevel: 'warn',
    output: { file, format, minify: true, comments: false },
  });
  const chunk = out.output.find((o) => o.type === 'chunk');
  if (chunk.imports.length || chunk.dynamicImports.length) {
    throw new Error(`bundle-core: ${name} imports ${[...chunk.imports, ...chunk.dynamicImports].join(', ')}; the core entries must import nothing`);
  }
  return chunk;
}

/** Warm-up inputs: the vignette bank (test/vignettes) and the FHIR test bundles, where present; else one case. */
function warmUpCases() {
  const dir = join(root, 'test/vignettes');
  const cases = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).vignettes.map((v) => v.case)) : [];
  return cases.length ? cases : [{ primaryTumour: 'breast', lumbarPunctures: [{ cytology: 'positive' }], performance: { kps: 80 } }];
}
function warmUpBundles() {
  const dir = join(root, 'test/fhir/bundles');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8'))) : [];
}

// Caches of earlier builds (their hash names another source): only ours.
for (const old of readdirSync(dist).filter((f) => /^(core|fhir-core)\.[0-9a-f]{16}\.cache$/.test(f))) rmSync(join(dist, old));

for (const [name, input] of Object.entries(ENTRIES)) {
  const esm = join(dist, `${name}.js`);
  const chunk = await bundle(name, input, 'esm', esm);
  await bundle(name, input, 'cjs', join(dist, `${name}.tmp.cjs`));
  const body = readFileSync(join(dist, `${name}.tmp.cjs`), 'utf8');
  rmSync(join(dist, `${name}.tmp.cjs`));
  if (/\brequire\(/.test(body)) throw new Error(`bundle-core: ${name}: the script calls require()`);
  // Strict like the ES module it comes from; `exports` is the only free name the CommonJS output uses.
  const source = `(function(exports){'use strict';${body}\nreturn exports;})`;
  const scriptFile = join(dist, `${name}.script.js`);
  writeFileSync(scriptFile, source);
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);

  // Compile, run the warm-up, then serialise what V8 compiled (top level and every function the warm-up ran).
  const script = new Script(source, { filename: scriptFile });
  const m = script.runInThisContext()({});
  for (const c of warmUpCases()) {
    try {
      m.evaluate(c, { asOf: '2026-11-26' });
    } catch { /* warm-up only: a case the schema would reject may throw */ }
  }
  if (m.mapFhirCore) {
    for (const b of warmUpBundles()) {
      try {
        m.evaluate(m.mapFhirCore(b, { asOf: '2026-11-26' }).case, { asOf: '2026-11-26' });
      } catch { /* warm-up only */ }
    }
  }
  const cacheFile = join(dist, `${name}.${hash}.cache`);
  writeFileSync(cacheFile, script.createCachedData());

  const names = chunk.exports;
  if (!names.length || names.some((n) => !/^[A-Za-z_$][\w$]*$/.test(n))) throw new Error(`bundle-core: ${name}: unexpected exports ${names.join(', ')}`);
  writeFileSync(join(dist, `${name}.node.js`), `// Generated by scripts/bundle-core.js: leptoguide/${name} under Node. Runs ${name}.script.js (the code of ${name}.js as a
// classic script) with V8's code cache of it; a cache V8 rejects (other Node version or flags) only costs the compilation.
const { readFileSync } = process.getBuiltinModule('node:fs');
const { Script } = process.getBuiltinModule('node:vm');
const file = \`\${import.meta.dirname}/${name}.script.js\`;
let cachedData;
try {
  cachedData = readFileSync(\`\${import.meta.dirname}/${name}.${hash}.cache\`);
} catch {
  cachedData = undefined;
}
const m = new Script(readFileSync(file, 'utf8'), { filename: file, cachedData }).runInThisContext()({});
export const { ${names.join(', ')} } = m;
`);
  console.log(`bundled ${input} → dist/${name}.js (${kB(esm)}), dist/${name}.node.js + ${name}.script.js (${kB(scriptFile)}) + code cache (${kB(cacheFile)})`);
}
