// Child of the benchmark: a fresh process imports the library and evaluates one case.
// No static imports, so nothing loads before the first clock reading;
// performance.now() counts from process start, so `boot` is Node's own start-up.
// Argument `core`: import `leptoguide/core` as package.json exports it to Node (the bundled core: dist/core.node.js,
// the bundle run with V8's code cache; scripts/bundle-core.js); `core-esm`: the bundle as plain ESM (dist/core.js,
// the "default" condition, and what Node runs when V8 rejects the cache); `core-modules`: the tsc modules
// (dist/src/core.js, model first, timed apart); `schema`: import only the case schema (zod), and evaluate nothing.
const boot = performance.now();
let modelMs = 0;
let evaluate: typeof import('../src/index.js').evaluate;
const variant = process.argv[2];
// Specifiers in variables: tsc does not resolve them (the bundles exist only after the build).
const bundled: Record<string, string> = { core: 'leptoguide/core', 'core-esm': '../core.js' };
if (variant === 'schema') {
  await import('../src/guideline/case-schema.js');
  const ms = performance.now() - boot;
  process.stdout.write(JSON.stringify({ boot, modelMs, importMs: ms, firstMs: 0, sinceStartMs: ms, totalMs: boot + ms }));
  process.exit(0);
} else if (variant !== undefined && variant in bundled) {
  ({ evaluate } = await import(bundled[variant]!) as typeof import('../src/core.js'));
} else if (variant === 'core-modules') {
  await import('../src/guideline/model.js');
  modelMs = performance.now() - boot;
  ({ evaluate } = await import('../src/core.js'));
} else {
  ({ evaluate } = await import('../src/index.js'));
}
const imported = performance.now();
const result = evaluate({
  primaryTumour: 'breast',
  markers: { her2: 'negative' },
  symptoms: ['headache'],
  mri: { done: true, findings: ['linear-sulcal'] },
  lumbarPunctures: [{ cytology: 'positive' }],
  performance: { kps: 80 },
  severeEncephalopathy: false,
  severeNeurologicalDeficit: false,
  systemicDisease: { status: 'controlled' },
  resistanceToTherapy: false,
}, { asOf: '2026-11-26' });
const done = performance.now();
if (result.category !== 1) throw new Error(`cold start: expected category 1, got ${result.category}`);
process.stdout.write(JSON.stringify({
  boot, modelMs, importMs: imported - boot, firstMs: done - imported, sinceStartMs: done - boot, totalMs: done,
}));
