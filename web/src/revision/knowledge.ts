// A knowledge file chosen by the user: verified (format and content hash, else refused), its flowcharts for drawing,
// and — when every function it declares is one this app carries — an evaluator under that version. No source text
// from a file is ever run: functions are taken from this build by name when their source is identical.
import functionSources from 'virtual:leptoguide/function-sources';
import {
  CODE_DIGEST, CONTENT_HASH, GUIDELINE, KnowledgeError, MODEL, bindKnowledge, exportKnowledge, evaluate as evaluateBundled, evaluatorFor, verifyKnowledge,
  type AnyModel, type Case, type Evaluator, type FlowchartDef, type KnowledgeFile, type Text,
} from '../../../src/index.js';

export interface Loaded {
  readonly name: string;
  readonly file: KnowledgeFile;
  readonly flowcharts: readonly FlowchartDef<string>[];
  /** Functions whose source differs from this build's: nothing is evaluated under this version then. */
  readonly unbound: readonly string[];
  /** Why every function is unbound: `code:<path>` per code module differing from this app's, `code` when the file has no digests. */
  readonly code: readonly string[];
  /** Set when the bound model does not compile (an authoring error in the file). */
  readonly notRunnable: string | null;
  /** Evaluates a (parsed) case on a date under this version; null when unbound or not runnable. */
  readonly evaluate: Evaluator | null;
}

export type KnowledgeLoad =
  | { readonly ok: true; readonly k: Loaded }
  | { readonly ok: false; readonly file: string; readonly json: string }
  | { readonly ok: false; readonly file: string; readonly refused: Text };

type Fn = (...a: never[]) => unknown;

/**
 * The bundled model with each function reporting the source text tsc emitted for it (read from dist/src at build time,
 * see web/vite.config.ts): the bundle is minified, the exported files carry the compiled, unminified source.
 */
function canonicalModel(): AnyModel {
  const wrap = <F extends Fn>(name: string, f: F): F => {
    const src = functionSources[name];
    if (src === undefined) return f;
    const g = ((...a: never[]) => f(...a)) as F;
    Object.defineProperty(g, 'toString', { value: () => src });
    return g;
  };
  const m = MODEL as unknown as AnyModel;
  return {
    ...m,
    derive: wrap('derive', m.derive),
    predicates: Object.fromEntries(Object.entries(m.predicates).map(([k, p]) => [k, { ...p, test: wrap(`predicate:${k}`, p.test) }])),
    checks: m.checks.map((c) => ({ ...c, test: wrap(`check:${c.id}`, c.test) })),
  };
}

let bundled: AnyModel | null = null;

/** Compiles once (throws ModelError on an authoring mistake in the file). */
function evaluatorOf(model: AnyModel, contentHash: string): Evaluator {
  const evaluate = evaluatorFor(model as unknown as Parameters<typeof evaluatorFor>[0], contentHash);
  return (c, asOf) => evaluate(c as Case, asOf === undefined ? {} : { asOf });
}

export function readKnowledge(name: string, text: string): KnowledgeLoad {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, file: name, json: (e as Error).message };
  }
  let file: KnowledgeFile;
  try {
    file = verifyKnowledge(json);
  } catch (e) {
    if (e instanceof KnowledgeError) return { ok: false, file: name, refused: e.text };
    throw e;
  }
  const flowcharts = (file.declarations.flowcharts ?? []) as unknown as readonly FlowchartDef<string>[];
  // This build's own knowledge (its hash covers every function's source): run as it is, as the CLI does.
  if (file.contentHash === CONTENT_HASH) {
    const evaluate: Evaluator = (c, asOf) => evaluateBundled(c as Case, asOf === undefined ? {} : { asOf });
    return { ok: true, k: { name, file, flowcharts, unbound: [], code: [], notRunnable: null, evaluate } };
  }
  bundled ??= canonicalModel();
  // Bound only when the file's code modules are this app's (a helper or constant of another revision would not run here).
  const { model, unbound, code } = bindKnowledge(file, bundled, CODE_DIGEST);
  let evaluate: Evaluator | null = null;
  let notRunnable: string | null = null;
  if (unbound.length === 0) {
    try {
      evaluate = evaluatorOf(model, file.contentHash);
    } catch (e) {
      notRunnable = (e as Error).message;
    }
  }
  return { ok: true, k: { name, file, flowcharts, unbound, code, notRunnable, evaluate } };
}

/** This app's own knowledge as a file (what `leptoguide export-knowledge` writes for this build). */
export function bundledKnowledgeText(): string {
  bundled ??= canonicalModel();
  return JSON.stringify(exportKnowledge(bundled, { guideline: GUIDELINE, code: CODE_DIGEST }));
}
