import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffKnowledge } from '../src/committee/diff.js';
import { createImpact, type Evaluator } from '../src/committee/impact.js';
import { evaluatorOf, importBuilt, loadSide } from '../src/cli/revision.js';
import { AS_OF, makeCohort, SEED } from './cohort.js';
import { makeFixtureRepo } from './committee-fixture.js';

// npm run bench:impact → node dist/bench/impact.js [--million]
// The committee's impact run on the generated cohort: the test revision (KPS gate 60, one new rule) against this
// tree, each side built from a real git commit as `leptoguide impact` builds it. Measures each model's evaluation
// rate, the impact in one thread, the CLI over NDJSON with 1 and 2 workers, and (with --million) 1,000,000 cases
// streamed with the peak RSS. Writes docs/benchmarks-impact.md.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/leptoguide.js');
const N = 100_000;
const MILLION = process.argv.includes('--million');
const log = (s: string): void => void process.stderr.write(`${s}\n`);
const rate = (n: number, ms: number): string => Math.round(n / (ms / 1000)).toLocaleString('en-US');

const tmp = mkdtempSync(join(tmpdir(), 'leptoguide-bench-impact-'));
const repo = join(tmp, 'repo');
mkdirSync(repo);
const commits = makeFixtureRepo(repo, ROOT);
const load = async (rev: string, needed: boolean): Promise<Evaluator> => {
  const side = await loadSide(rev, { repo });
  return evaluatorOf(await importBuilt(side.built!, { nl: rev, en: rev }), { asOf: AS_OF, needed });
};
const [base, head] = [await load(commits.base, false), await load(commits.fixture, false)];
const [baseVoi, headVoi] = [await load(commits.base, true), await load(commits.fixture, true)];
const VOI_SAMPLE = 5_000;
const changes = diffKnowledge((await loadSide(commits.base, { repo })).file, (await loadSide(commits.fixture, { repo })).file).changes;

log(`cohort of ${N} …`);
const cohort = makeCohort(N);
const items = cohort.map((c, i) => ({ name: `case ${i + 1}`, case: c }));

function time(f: () => void): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}
// Warm-up, then one pass per model and the impact (both models and the comparison) in this thread: missing facts as
// the look-ahead names them (--needed no) over the cohort, and with value of information (the default) on a sample.
for (const c of items.slice(0, 2_000)) { base(c.case); head(c.case); baseVoi(c.case); headVoi(c.case); }
const sample = items.slice(0, VOI_SAMPLE);
const baseMs = time(() => { for (const c of items) base(c.case); });
const headMs = time(() => { for (const c of items) head(c.case); });
const baseVoiMs = time(() => { for (const c of sample) baseVoi(c.case); });
const headVoiMs = time(() => { for (const c of sample) headVoi(c.case); });
log(`base ${rate(N, baseMs)}/s, head ${rate(N, headMs)}/s; with needed: base ${rate(VOI_SAMPLE, baseVoiMs)}/s, head ${rate(VOI_SAMPLE, headVoiMs)}/s`);
let changed = 0;
const impactMs = time(() => {
  const acc = createImpact(base, head, changes);
  for (const c of items) acc.add(c);
  changed = acc.finish().summary.changedCases;
});
let changedVoi = 0;
const impactVoiMs = time(() => {
  const acc = createImpact(baseVoi, headVoi, changes);
  for (const c of sample) acc.add(c);
  changedVoi = acc.finish().summary.changedCases;
});
log(`impact ${rate(N, impactMs)}/s (${changed} changed); with needed ${rate(VOI_SAMPLE, impactVoiMs)}/s`);

/** Writes n cohort cases as NDJSON in chunks (the cohort is never held whole). */
function writeNdjson(path: string, n: number): number {
  const fd = openSync(path, 'w');
  const chunk = 50_000;
  for (let i = 0; i < n; i += chunk) {
    const part = makeCohort(Math.min(chunk, n - i), SEED + i);
    writeSync(fd, part.map((c) => JSON.stringify(c)).join('\n') + '\n');
  }
  closeSync(fd);
  return statSync(path).size;
}

/** The CLI in a child process: wall time and its peak RSS (getrusage of the process, workers included). */
function cli(file: string, workers: number): { ms: number; rssMb: number; cases: number; changedCases: number } {
  const rss = 'data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss="+process.resourceUsage().maxRSS+"\\n"))';
  const t = performance.now();
  const r = spawnSync('node', ['--import', rss, BIN, 'impact', commits.base, commits.fixture, '--cases', file, '--format', 'json',
    '--max-cases', '0', '--workers', String(workers), '--as-of', AS_OF, '--needed', 'no'], { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`impact failed: ${r.stderr}`);
  const kb = Number(/maxrss=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  const doc = JSON.parse(r.stdout) as { summary: { cases: number; changedCases: number } };
  return { ms, rssMb: kb / 1024, cases: doc.summary.cases, changedCases: doc.summary.changedCases };
}

const file100k = join(tmp, 'cohort-100k.ndjson');
const size100k = writeNdjson(file100k, N);
const one = cli(file100k, 1);
const two = cli(file100k, 2);
log(`CLI 100k: 1 worker ${Math.round(one.ms)} ms, 2 workers ${Math.round(two.ms)} ms`);
let million: ReturnType<typeof cli> | null = null;
let sizeM = 0;
if (MILLION) {
  const fileM = join(tmp, 'cohort-1m.ndjson');
  sizeM = writeNdjson(fileM, 1_000_000);
  log(`1M NDJSON written (${Math.round(sizeM / 1e6)} MB); streaming …`);
  million = cli(fileM, 1);
  log(`CLI 1M: ${Math.round(million.ms)} ms, peak RSS ${Math.round(million.rssMb)} MB`);
}
rmSync(tmp, { recursive: true, force: true });
for (const c of Object.values(commits)) rmSync(join(tmpdir(), `leptoguide-revision-${c}`), { recursive: true, force: true });

const load1 = os.loadavg()[0]!.toFixed(2);
const md = `# Benchmarks: committee impact

Generated by \`npm run bench:impact\` (\`bench/impact.ts\`${MILLION ? ', with `--million`' : ''}) on ${new Date().toISOString().slice(0, 10)}; overwritten on every run.

## Machine

- CPU: ${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} logical cores
- Node ${process.version}; load average (1 min) at the end: ${load1} (other sessions share the cores: rates vary up to 2×)

## Method

- **Revision.** A throwaway git repository with this tree's \`src/\` as the base commit and the committee's test
  revision (\`bench/committee-fixture.ts\`: the performance gate at KPS 60 instead of 70, and one new statement at the
  signs step) as the head commit; each side is built from its commit as \`leptoguide impact\` builds it (transpiled,
  imported, its own \`parseCase\` and \`evaluate\`).
- **Missing facts.** \`--needed no\`: as the look-ahead names them (every fact a flowchart still asks for), the mode for
  cohorts; the default (\`--needed yes\`) weighs each by value of information as the clinician's result does, which
  re-evaluates the case once per value of each candidate fact: measured on the first ${VOI_SAMPLE.toLocaleString('en-US')} cases.
- **Cohort.** ${N.toLocaleString('en-US')} cases from \`bench/cohort.ts\` (seed ${SEED}), evaluated on ${AS_OF}.
- **Per model.** One pass over the cohort per side after 2,000 warm-up cases: parse + evaluation.
- **Impact, one thread.** \`createImpact\` over the cohort: both models, the comparison and the attribution.
- **CLI.** \`leptoguide impact <base> <head> --cases cohort.ndjson --format json --max-cases 0 --needed no\` in a child process (wall
  time including start-up and both builds from the cache; peak RSS from \`process.resourceUsage().maxRSS\`, worker threads
  included).

## Results

| Measure | Cases | Result |
|---|---|---|
| Base model (KPS 70), parse + evaluate | ${N.toLocaleString('en-US')} | ${rate(N, baseMs)} cases/s |
| Head model (KPS 60 + new rule), parse + evaluate | ${N.toLocaleString('en-US')} | ${rate(N, headMs)} cases/s |
| Base model, with value of information | ${VOI_SAMPLE.toLocaleString('en-US')} | ${rate(VOI_SAMPLE, baseVoiMs)} cases/s |
| Head model, with value of information | ${VOI_SAMPLE.toLocaleString('en-US')} | ${rate(VOI_SAMPLE, headVoiMs)} cases/s |
| Impact in one thread (both models + comparison) | ${N.toLocaleString('en-US')} | ${(impactMs / 1000).toFixed(1)} s, ${rate(N, impactMs)} cases/s; ${changed.toLocaleString('en-US')} changed |
| Impact in one thread, with value of information | ${VOI_SAMPLE.toLocaleString('en-US')} | ${rate(VOI_SAMPLE, impactVoiMs)} cases/s; ${changedVoi.toLocaleString('en-US')} changed |
| CLI, NDJSON (${Math.round(size100k / 1e6)} MB), 1 worker | ${one.cases.toLocaleString('en-US')} | ${(one.ms / 1000).toFixed(1)} s, peak RSS ${Math.round(one.rssMb)} MB |
| CLI, NDJSON, 2 workers | ${two.cases.toLocaleString('en-US')} | ${(two.ms / 1000).toFixed(1)} s, peak RSS ${Math.round(two.rssMb)} MB |
${million ? `| CLI, NDJSON streamed (${Math.round(sizeM / 1e6)} MB), 1 worker | ${million.cases.toLocaleString('en-US')} | ${(million.ms / 1000).toFixed(1)} s, peak RSS ${Math.round(million.rssMb)} MB; ${million.changedCases.toLocaleString('en-US')} changed |\n` : ''}
The 1-worker and 2-worker runs give the same report (tested in \`test/committee/cli.test.ts\`). The default worker count is one
per core but one (the main thread reads and parses the input), so on this 2-core machine the default is the single thread.
${MILLION ? '' : '\nRun `npm run build && node dist/bench/impact.js --million` for the 1,000,000-case streaming figure.\n'}`;
writeFileSync(join(ROOT, 'docs/benchmarks-impact.md'), md);
log('wrote docs/benchmarks-impact.md');
