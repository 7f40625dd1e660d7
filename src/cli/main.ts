import type { Lang } from '../engine/types.js';
import { caseJsonSchema } from '../guideline/case-schema.js';
import { evaluate, isCalendarDate } from '../guideline/evaluate.js';
import { MODEL } from '../guideline/model.js';
import { messageIn, parseCase } from '../guideline/parse.js';
import { REQUIREMENTS } from '../guideline/requirements.js';
import { ui } from '../i18n/ui.js';
import { matrixGaps, matrixToMarkdown, traceability, type VignetteRef } from '../render/matrix.js';
import { flowchartToMermaid } from '../render/mermaid.js';
import { localize, renderReport } from '../render/report.js';
import { flowchartToSvg } from '../render/svg.js';
import { InputTooLargeError, JsonInputError, parseJsonText } from '../input/json.js';
import { parseArgs, UsageError } from './args.js';
import { COMMITTEE_USAGE } from './committee.js';

/** Everything the CLI touches outside itself. */
export interface Io {
  /** Reads a file as UTF-8; throws InputTooLargeError over limit bytes without reading it in full. */
  readFile(path: string, limit: number): string;
  readStdin(limit: number): string;
  /** The size limit for case files (BODY_LIMIT_BYTES, as for HTTP bodies). */
  inputLimit(): number;
  out(s: string): void;
  err(s: string): void;
  today(): string;
  vignettes(): VignetteRef[];
  examples(): { name: string; json: string }[];
}

const LANGS = ['nl', 'en'] as const;
export const USAGE = `leptoguide evaluate <case.json|-> [--lang nl|en] [--format text|json|markdown] [--as-of YYYY-MM-DD]
leptoguide flowchart diagnostic|treatment [--format mermaid|svg] [--case <case.json>] [--lang nl|en]
leptoguide requirements [--format markdown|json] [--lang nl|en]
leptoguide schema
leptoguide demo [--lang nl|en]
${COMMITTEE_USAGE}`;

class InputError extends Error {}

export function langOf(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i === -1 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return v === 'en' ? 'en' : 'nl';
}

/** Runs one command; returns the exit code (0 ok, 2 bad input, 1 internal error). */
export function main(argv: readonly string[], io: Io): number {
  const lang = langOf(argv);
  try {
    return dispatch(argv, io, lang);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${ui(lang, e.key)}: ${e.detail}\n${ui(lang, 'error.usage')}:\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof InputError) {
      io.err(`${e.message}\n`);
      return 2;
    }
    io.err(`${ui(lang, 'error.internal')}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

function dispatch(argv: readonly string[], io: Io, lang: Lang): number {
  const [command, ...rest] = argv;
  switch (command) {
    case 'evaluate': return cmdEvaluate(rest, io, lang);
    case 'flowchart': return cmdFlowchart(rest, io, lang);
    case 'requirements': return cmdRequirements(rest, io, lang);
    case 'schema':
      parseArgs(rest, {});
      io.out(JSON.stringify(caseJsonSchema(), null, 2) + '\n');
      return 0;
    case 'demo': return cmdDemo(rest, io, lang);
    case 'help': case '--help': case '-h': case undefined:
      io.out(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError('error.usage', command);
  }
}

function readJson(path: string, io: Io, lang: Lang): unknown {
  let text: string;
  const limit = io.inputLimit();
  try {
    text = path === '-' ? io.readStdin(limit) : io.readFile(path, limit);
  } catch (e) {
    if (e instanceof InputTooLargeError) throw new InputError(`${ui(lang, 'error.tooLarge')}: ${path} (> ${e.limit})`);
    throw new InputError(`${ui(lang, 'error.fileNotFound')}: ${path}`);
  }
  try {
    return parseJsonText(text, { rejectDuplicateKeys: true });
  } catch (e) {
    if (e instanceof JsonInputError && e.problem !== 'syntax') throw new InputError(`${ui(lang, 'error.invalidCase')}: ${path}: ${e.text[lang]}`);
    throw new InputError(`${ui(lang, 'error.notJson')}: ${path} (${e instanceof JsonInputError ? e.text.en.replace(/^Not valid JSON \((.*)\)$/, '$1') : ''})`);
  }
}

function loadCase(path: string, io: Io, lang: Lang, json: boolean): ReturnType<typeof parseCase> {
  const parsed = parseCase(readJson(path, io, lang));
  if (!parsed.ok) {
    io.err(`${ui(lang, 'error.invalidCase')}:\n${parsed.errors.map((e) => `  ${messageIn(e, lang)}`).join('\n')}\n`);
    if (json) io.out(JSON.stringify({ errors: localize(parsed.errors, lang) }, null, 2) + '\n');
  }
  return parsed;
}

function cmdEvaluate(argv: readonly string[], io: Io, lang: Lang): number {
  const { positionals, options } = parseArgs(argv, { lang: LANGS, format: ['text', 'json', 'markdown'], 'as-of': 'any' });
  if (positionals.length !== 1) throw new UsageError('error.usage', 'evaluate <case.json|->');
  const asOf = options['as-of'] ?? io.today();
  if (!isCalendarDate(asOf)) throw new UsageError('error.badValue', `--as-of ${asOf} (YYYY-MM-DD)`);
  const format = (options.format ?? 'text') as 'text' | 'json' | 'markdown';
  const parsed = loadCase(positionals[0]!, io, lang, format === 'json');
  if (!parsed.ok) return 2;
  const result = evaluate(parsed.case, { asOf });
  io.out(format === 'json' ? JSON.stringify(localize(result, lang), null, 2) + '\n' : renderReport(result, lang, format));
  if (result.errors.length) {
    io.err(`${ui(lang, 'error.contradiction')}:\n${result.errors.map((e) => `  ${e.fields.join(' + ')}: ${e.message[lang]}`).join('\n')}\n`);
    return 2;
  }
  return 0;
}

function cmdFlowchart(argv: readonly string[], io: Io, lang: Lang): number {
  const { positionals, options } = parseArgs(argv, { lang: LANGS, format: ['mermaid', 'svg'], case: 'any', 'as-of': 'any' });
  const chart = MODEL.flowcharts.find((c) => c.id === positionals[0]);
  if (!chart || positionals.length !== 1) throw new UsageError('error.usage', 'flowchart diagnostic|treatment');
  let path;
  if (options.case !== undefined) {
    const parsed = loadCase(options.case, io, lang, false);
    if (!parsed.ok) return 2;
    const asOf = options['as-of'] ?? io.today();
    if (!isCalendarDate(asOf)) throw new UsageError('error.badValue', `--as-of ${asOf} (YYYY-MM-DD)`);
    path = evaluate(parsed.case, { asOf }).trace.flowcharts.find((c) => c.chart === chart.id);
  }
  io.out((options.format === 'svg' ? flowchartToSvg(chart, lang, path) : flowchartToMermaid(chart, lang, path)) + '\n');
  return 0;
}

function cmdRequirements(argv: readonly string[], io: Io, lang: Lang): number {
  const { options } = parseArgs(argv, { lang: LANGS, format: ['markdown', 'json'] });
  const rows = traceability(MODEL, REQUIREMENTS, io.vignettes());
  if (options.format === 'json') io.out(JSON.stringify({ rows, gaps: matrixGaps(rows) }, null, 2) + '\n');
  else {
    io.out(matrixToMarkdown(rows, {
      id: ui(lang, 'matrix.id'), section: ui(lang, 'matrix.section'), rules: ui(lang, 'matrix.rules'),
      tests: ui(lang, 'matrix.tests'), gap: ui(lang, 'matrix.gap'),
    }));
  }
  return matrixGaps(rows).length ? 2 : 0;
}

function cmdDemo(argv: readonly string[], io: Io, lang: Lang): number {
  parseArgs(argv, { lang: LANGS });
  for (const ex of io.examples()) {
    const parsed = parseCase(JSON.parse(ex.json) as unknown);
    if (!parsed.ok) throw new Error(`example ${ex.name} is invalid`);
    io.out(`\n===== ${ex.name} =====\n`);
    io.out(renderReport(evaluate(parsed.case, { asOf: io.today() }), lang, 'text'));
  }
  io.out(`\n${USAGE}\n`);
  return 0;
}
