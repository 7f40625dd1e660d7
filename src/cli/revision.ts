import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { contentHash } from '../engine/hash.js';
import type { Text } from '../engine/types.js';
import { caseEvaluator, evaluateOptions, evaluatorOfFile, type RunDefaults } from '../committee/bundled.js';
import { CODE_DIRS, CODE_EXTRA, codeDigest, isCodeModule } from '../committee/code.js';
import { exportKnowledge, verifyKnowledge, type AnyModel, type CodeDigest, type GuidelineMeta, type KnowledgeFile } from '../committee/knowledge.js';
import type { Evaluator } from '../committee/impact.js';
import { parseJsonText } from '../input/json.js';

// One side of a diff or impact: an exported knowledge file, the working tree, or a git revision. A working tree or
// revision is built from its own src/ (TypeScript's transpileModule) into a directory under the OS temp dir, cached
// by commit, and imported; its evaluator runs that revision's code. Node only.

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** A side that cannot be loaded, with what is wrong, in both languages. */
export class SideError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

export interface LoadedSide {
  readonly spec: string;
  readonly file: KnowledgeFile;
  /** null: a knowledge file whose functions this build cannot run (listed). */
  readonly evaluate: Evaluator | null;
  readonly unbound: readonly string[];
  /** A directory with the side's built src/ (workers import it again); null for a knowledge file. */
  readonly built: string | null;
  /** The code modules' texts by repository path (a revision or the working tree); null for a knowledge file. */
  readonly code: ReadonlyMap<string, string> | null;
  /** Why a knowledge file's functions are unbound: `code:<path>` per code module differing from this build's. */
  readonly codeDiffers: readonly string[];
}

const err = (nl: string, en: string): SideError => new SideError({ nl, en });

function git(args: readonly string[], cwd: string, input?: Buffer): { ok: boolean; out: Buffer; err: string } {
  const r = spawnSync('git', args, { cwd, input, maxBuffer: 256 * 1024 * 1024 });
  return { ok: r.status === 0, out: r.stdout ?? Buffer.alloc(0), err: r.stderr?.toString() ?? '' };
}

/** The repository the command runs in (its top level), or the package's own. */
export function repositoryRoot(cwd = process.cwd()): string {
  const r = git(['rev-parse', '--show-toplevel'], cwd);
  return r.ok ? r.out.toString().trim() : PACKAGE_ROOT;
}

async function typescript(): Promise<typeof import('typescript')> {
  try {
    return (await import('typescript')).default;
  } catch {
    throw err('Voor een git-revisie of de werkmap is TypeScript nodig: draai `npm ci` in de repository (met devDependencies); een geëxporteerd kennisbestand werkt zonder.',
      'A git revision or the working tree needs TypeScript: run `npm ci` in the repository (with devDependencies); an exported knowledge file works without it.');
  }
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The code modules (src/committee/code.ts) under a directory holding src/, by repository path, sorted. */
export function codeFilesIn(dir: string): [string, string][] {
  const rel = [...CODE_DIRS.flatMap((d) => (existsSync(join(dir, d)) ? readdirSync(join(dir, d)).map((f) => `${d}/${f}`) : [])), ...CODE_EXTRA];
  return [...new Set(rel)].filter((p) => isCodeModule(p) && existsSync(join(dir, p))).sort()
    .map((p): [string, string] => [p, readFileSync(join(dir, p), 'utf8')]);
}

/** The code digest of a directory holding src/ (a checkout, an extracted revision). */
export const codeDigestIn = (dir: string): CodeDigest => codeDigest(codeFilesIn(dir));

/** Transpiles every .ts under dir/src next to itself, as ES modules, with the repository's target. */
async function build(dir: string): Promise<void> {
  const ts = await typescript();
  for (const file of tsFiles(join(dir, 'src'))) {
    const out = ts.transpileModule(readFileSync(file, 'utf8'), {
      fileName: file,
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, esModuleInterop: true, sourceMap: false },
    });
    writeFileSync(file.replace(/\.ts$/, '.js'), out.outputText);
  }
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  // Bare imports (zod) resolve from this package's dependencies.
  const modules = join(PACKAGE_ROOT, 'node_modules');
  if (existsSync(modules) && !existsSync(join(dir, 'node_modules'))) symlinkSync(modules, join(dir, 'node_modules'), 'dir');
}

/** The revision's src/ built into the temp dir, once per commit. */
async function buildRevision(rev: string, repo: string): Promise<{ dir: string; commit: string }> {
  const r = git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], repo);
  if (!r.ok) throw err(`Onbekende git-revisie of bestand: ${rev}`, `Unknown git revision or file: ${rev}`);
  const commit = r.out.toString().trim();
  const dir = join(tmpdir(), `leptoguide-revision-${commit}`);
  if (existsSync(join(dir, '.built'))) return { dir, commit };
  const tar = git(['archive', '--format=tar', commit, 'src'], repo);
  if (!tar.ok) throw err(`Revisie ${rev} (${commit.slice(0, 12)}) heeft geen src/`, `Revision ${rev} (${commit.slice(0, 12)}) has no src/`);
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const x = spawnSync('tar', ['-x', '-C', tmp], { input: tar.out });
  if (x.status !== 0) throw new Error(`tar: ${x.stderr?.toString() ?? ''}`);
  await build(tmp);
  writeFileSync(join(tmp, '.built'), `${commit}\n`);
  place(tmp, dir);
  return { dir, commit };
}

/** The working tree's src/, built once per content (a hash of every file under src/). */
async function buildWorktree(repo: string): Promise<string> {
  if (!existsSync(join(repo, 'src/guideline/model.ts'))) throw err(`Geen LeptoGuide-broncode in ${repo}/src`, `No LeptoGuide sources in ${repo}/src`);
  const files = tsFiles(join(repo, 'src')).sort();
  const key = contentHash(files.map((f) => [f.slice(repo.length), readFileSync(f, 'utf8')]));
  const dir = join(tmpdir(), `leptoguide-worktree-${key}`);
  if (existsSync(join(dir, '.built'))) return dir;
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  cpSync(join(repo, 'src'), join(tmp, 'src'), { recursive: true, filter: (p) => !p.endsWith('.js') });
  await build(tmp);
  writeFileSync(join(tmp, '.built'), `${key}\n`);
  place(tmp, dir);
  return dir;
}

/** Moves a finished build into place, unless another process was quicker. */
function place(tmp: string, dir: string): void {
  if (existsSync(join(dir, '.built'))) rmSync(tmp, { recursive: true, force: true });
  else {
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
  }
}

interface Imported {
  MODEL: AnyModel;
  GUIDELINE: GuidelineMeta;
  evaluate: (c: unknown, o?: { asOf?: string; needed?: boolean }) => unknown;
  parseCase: (raw: unknown) => { ok: true; case: unknown } | { ok: false; errors: readonly { path?: unknown; message?: unknown }[] };
}

/** Imports the model, evaluate and parseCase of a built side; names what an older revision lacks. */
export async function importBuilt(dir: string, label: Text): Promise<Imported> {
  const load = async (rel: string): Promise<Record<string, unknown>> => {
    const path = join(dir, 'src', rel);
    if (!existsSync(path)) throw err(`${label.nl}: src/${rel} ontbreekt`, `${label.en}: src/${rel} is missing`);
    try {
      return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    } catch (e) {
      const why = e instanceof Error ? e.message.split('\n')[0]! : String(e);
      throw err(`${label.nl}: src/${rel.replace(/\.js$/, '.ts')} laadt niet (${why})`, `${label.en}: src/${rel.replace(/\.js$/, '.ts')} does not load (${why})`);
    }
  };
  const [model, evaluate, parse] = [await load('guideline/model.js'), await load('guideline/evaluate.js'), await load('guideline/parse.js')];
  const missing = [['guideline/model', 'MODEL', model], ['guideline/model', 'GUIDELINE', model], ['guideline/evaluate', 'evaluate', evaluate],
    ['guideline/parse', 'parseCase', parse]].filter(([, name, m]) => (m as Record<string, unknown>)[name as string] === undefined)
    .map(([file, name]) => `${String(name)} (src/${String(file)}.ts)`);
  if (missing.length) {
    throw err(`${label.nl} mist wat de commissie-opdrachten nodig hebben: ${missing.join(', ')}`, `${label.en} lacks what the committee commands need: ${missing.join(', ')}`);
  }
  return { MODEL: model.MODEL, GUIDELINE: model.GUIDELINE, evaluate: evaluate.evaluate, parseCase: parse.parseCase } as Imported;
}

const pathText = (p: unknown): string => (Array.isArray(p) ? p.join('.') : typeof p === 'string' ? p : '');

/** A committee evaluator over a revision's own parseCase and evaluate. */
export function evaluatorOf(m: Imported, defaults: RunDefaults): Evaluator {
  return (raw, asOf) => {
    const parsed = m.parseCase(raw);
    if (!parsed.ok) throw new Error(`invalid case: ${parsed.errors.map((e) => `${pathText(e.path)} ${String(e.message ?? '')}`.trim()).join('; ')}`);
    return m.evaluate(parsed.case, evaluateOptions(asOf, defaults)) as ReturnType<Evaluator>;
  };
}

const looksLikeFile = (spec: string): boolean => spec.endsWith('.json') || spec.includes('/') && existsSync(spec) && statSync(spec).isFile();

/** Reads and verifies an exported knowledge file (throws KnowledgeError when it is refused). */
export function readKnowledgeFile(path: string): KnowledgeFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw err(`Bestand niet gevonden: ${path}`, `File not found: ${path}`);
  }
  return verifyKnowledge(parseJsonText(text, { rejectDuplicateKeys: true }));
}

export const labelOf = (spec: string): Text => (spec === 'worktree' || spec === '.' ? { nl: 'werkmap', en: 'working tree' }
  : { nl: `revisie ${spec}`, en: `revision ${spec}` });

/** `worktree` or `.`, a knowledge JSON file, or a git revision. */
export async function loadSide(spec: string, options: RunDefaults & { repo?: string } = {}): Promise<LoadedSide> {
  if (spec !== '.' && looksLikeFile(spec)) {
    const file = readKnowledgeFile(spec);
    const { evaluate, unbound, code } = evaluatorOfFile(file);
    return { spec, file, unbound, built: null, code: null, codeDiffers: code, evaluate: evaluate ? caseEvaluator(evaluate, options) : null };
  }
  const repo = options.repo ?? repositoryRoot();
  const worktree = spec === 'worktree' || spec === '.';
  const built = worktree ? { dir: await buildWorktree(repo), commit: null } : await buildRevision(spec, repo);
  const m = await importBuilt(built.dir, labelOf(spec));
  const revision = worktree ? 'worktree' : `${spec === built.commit ? '' : `${spec} `}${built.commit!.slice(0, 12)}`;
  // The digests of the side's own sources (copied or extracted into its build directory before transpiling).
  const files = codeFilesIn(built.dir);
  const file = exportKnowledge(m.MODEL, { guideline: m.GUIDELINE, revision, code: codeDigest(files) });
  return { spec, file, unbound: [], built: built.dir, code: new Map(files), codeDiffers: [], evaluate: evaluatorOf(m, options) };
}
