import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledKnowledge, type RunDefaults } from '../committee/bundled.js';
import { diffKnowledge, sideOf, withCodeLines } from '../committee/diff.js';
import type { ImpactDocument } from '../committee/impact.js';
import { KnowledgeError } from '../committee/knowledge.js';
import { renderDiff, renderImpact } from '../committee/render.js';
import type { Lang, Text } from '../engine/types.js';
import { isCalendarDate } from '../guideline/evaluate.js';
import { ui } from '../i18n/ui.js';
import { InputTooLargeError, JsonInputError } from '../input/json.js';
import { parseArgs, UsageError } from './args.js';
import { casesAt, CasesError } from './cases.js';
import { defaultWorkers, runImpact } from './impact-run.js';
import { loadSide, SideError, type LoadedSide } from './revision.js';

// The guideline committee's commands: export-knowledge, diff, impact (asynchronous: they import other revisions).

export const COMMITTEE_COMMANDS = ['export-knowledge', 'diff', 'impact'] as const;
export const COMMITTEE_USAGE = `leptoguide export-knowledge [<revision>|worktree|<knowledge.json>]
leptoguide diff <base> [<head>] [--format text|markdown|json] [--lang nl|en]
leptoguide impact <base> [<head>] --cases <dir|file.json|file.ndjson> [--format text|markdown|json] [--lang nl|en] [--workers N] [--as-of YYYY-MM-DD] [--max-cases N] [--needed yes|no]
  <base>, <head>: a git revision, worktree (or .), or an exported knowledge file; <head> defaults to worktree`;

export interface CommitteeIo {
  out(s: string): void;
  err(s: string): void;
  today(): string;
}

const LANGS = ['nl', 'en'] as const;
const FORMATS = ['text', 'markdown', 'json'] as const;
const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

class Refused extends Error {
  constructor(readonly text: Text) { super(text.en); }
}

/** The build's own revision, when it runs from a git checkout. */
function buildRevision(): string | undefined {
  const r = spawnSync('git', ['describe', '--always', '--dirty', '--abbrev=12'], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() || undefined : undefined;
}

/** Runs a committee command; exit code 0 ok, 2 refused input or usage, 1 internal error (as the other commands). */
export async function committeeMain(argv: readonly string[], io: CommitteeIo, lang: Lang): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === 'export-knowledge') return await exportCmd(rest, io);
    if (command === 'diff') return await diffCmd(rest, io, lang);
    return await impactCmd(rest, io, lang);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${ui(lang, e.key)}: ${e.detail}\n${ui(lang, 'error.usage')}:\n${COMMITTEE_USAGE}\n`);
      return 2;
    }
    if (e instanceof KnowledgeError || e instanceof SideError || e instanceof Refused) { io.err(`${e.text[lang]}\n`); return 2; }
    if (e instanceof CasesError) { io.err(`${ui(lang, 'error.fileNotFound')}: ${e.message}\n`); return 2; }
    if (e instanceof JsonInputError) { io.err(`${ui(lang, 'error.notJson')}: ${e.text[lang]}\n`); return 2; }
    if (e instanceof InputTooLargeError) { io.err(`${ui(lang, 'error.tooLarge')}\n`); return 2; }
    io.err(`${ui(lang, 'error.internal')}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

const side = (spec: string, defaults: RunDefaults = {}): Promise<LoadedSide> => loadSide(spec, defaults);

async function exportCmd(argv: readonly string[], io: CommitteeIo): Promise<number> {
  const { positionals } = parseArgs(argv, {});
  if (positionals.length > 1) throw new UsageError('error.usage', 'export-knowledge [<revision>|worktree|<knowledge.json>]');
  const file = positionals[0] === undefined ? bundledKnowledge(buildRevision()) : (await side(positionals[0])).file;
  io.out(`${JSON.stringify(file, null, 2)}\n`);
  return 0;
}

function sides(positionals: readonly string[], usage: string): [string, string] {
  if (positionals.length < 1 || positionals.length > 2) throw new UsageError('error.usage', usage);
  return [positionals[0]!, positionals[1] ?? 'worktree'];
}

async function diffCmd(argv: readonly string[], io: CommitteeIo, lang: Lang): Promise<number> {
  const { positionals, options } = parseArgs(argv, { lang: LANGS, format: FORMATS });
  const [a, b] = sides(positionals, 'diff <base> [<head>]');
  const [x, y] = [await side(a), await side(b)];
  const d0 = diffKnowledge(x.file, y.file);
  // Two revisions (or the working tree): the changed lines of each code module as well.
  const d = x.code && y.code ? withCodeLines(d0, x.code, y.code) : d0;
  const format = (options.format ?? 'text') as (typeof FORMATS)[number];
  io.out(format === 'json' ? `${JSON.stringify(d, null, 2)}\n` : renderDiff(d, format, lang));
  return 0;
}

async function impactCmd(argv: readonly string[], io: CommitteeIo, lang: Lang): Promise<number> {
  const { positionals, options } = parseArgs(argv, {
    lang: LANGS, format: FORMATS, cases: 'any', workers: 'any', 'as-of': 'any', 'max-cases': 'any', needed: ['yes', 'no'],
  });
  const [a, b] = sides(positionals, 'impact <base> [<head>] --cases <path>');
  if (options.cases === undefined) throw new UsageError('error.usage', 'impact … --cases <dir|file.json|file.ndjson>');
  const asOf = options['as-of'] ?? io.today();
  if (!isCalendarDate(asOf)) throw new UsageError('error.badValue', `--as-of ${asOf} (YYYY-MM-DD)`);
  const workers = options.workers === undefined ? defaultWorkers() : Number(options.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UsageError('error.badValue', `--workers ${options.workers ?? ''} (1–64)`);
  const format = (options.format ?? 'text') as (typeof FORMATS)[number];
  const maxCases = options['max-cases'] === undefined ? (format === 'json' ? Infinity : 200) : Number(options['max-cases']);
  if (maxCases !== Infinity && (!Number.isInteger(maxCases) || maxCases < 0)) throw new UsageError('error.badValue', `--max-cases ${options['max-cases'] ?? ''}`);
  const defaults: RunDefaults = { asOf, needed: options.needed !== 'no' };
  const base = await side(a, defaults);
  const head = await side(b, defaults);
  for (const s of [base, head]) {
    if (!s.evaluate && s.codeDiffers.length) {
      const what = s.codeDiffers.join(', ');
      throw new Refused({
        nl: `${s.spec}: de code van dit kennisbestand verschilt van die van deze versie van LeptoGuide (${what}); geef de git-revisie waaruit het komt (${s.file.revision ?? '?'}).`,
        en: `${s.spec}: the code of this knowledge file differs from this LeptoGuide build's (${what}); give the git revision it came from (${s.file.revision ?? '?'}).`,
      });
    }
    if (!s.evaluate) {
      throw new Refused({
        nl: `${s.spec}: deze versie van LeptoGuide kan de functies ${s.unbound.join(', ')} van dit kennisbestand niet uitvoeren; geef de git-revisie waaruit het komt (${s.file.revision ?? '?'}).`,
        en: `${s.spec}: this LeptoGuide build cannot run the functions ${s.unbound.join(', ')} of this knowledge file; give the git revision it came from (${s.file.revision ?? '?'}).`,
      });
    }
  }
  const changes = diffKnowledge(base.file, head.file).changes;
  const input = casesAt(options.cases, asOf);
  const report = await runImpact(base, head, input, { workers, defaults, changes, keep: maxCases });
  const doc: ImpactDocument = { base: sideOf(base.file), head: sideOf(head.file), ...report };
  io.out(format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : renderImpact(doc, format, lang));
  return 0;
}
