import type { Model } from '../engine/types.js';
import type { Case } from '../guideline/case-schema.js';
import { evaluate, evaluatorFor, type EvaluateOptions, type Result } from '../guideline/evaluate.js';
import type { Input, LmFacts } from '../guideline/facts.js';
import { CODE_DIGEST, CONTENT_HASH } from '../guideline/content-hash.js';
import { messageIn, parseCase } from '../guideline/parse.js';
import { GUIDELINE, MODEL } from '../guideline/model.js';
import type { PredicateName } from '../guideline/predicates.js';
import { bindKnowledge, exportKnowledge, type AnyModel, type KnowledgeFile } from './knowledge.js';

// The knowledge this build carries, and evaluating another version's file with this build's functions.

export function bundledKnowledge(revision?: string): KnowledgeFile {
  return exportKnowledge(MODEL as unknown as AnyModel, { guideline: GUIDELINE, code: CODE_DIGEST, ...(revision ? { revision } : {}) });
}

/**
 * An evaluator for a knowledge file, or null with the functions this build cannot run (their source or the code
 * modules differ from the bundled ones, named in `code`, or the bundle lacks them): those need the revision itself
 * (`leptoguide impact <revision>`).
 */
export function evaluatorOfFile(file: KnowledgeFile): { evaluate: ((c: Case, o?: EvaluateOptions) => Result) | null; unbound: string[]; code: string[] } {
  if (file.contentHash === CONTENT_HASH) return { evaluate, unbound: [], code: [] };
  const { model, unbound, code } = bindKnowledge(file, MODEL as unknown as AnyModel, CODE_DIGEST);
  if (unbound.length) return { evaluate: null, unbound, code };
  return { evaluate: evaluatorFor(model as unknown as Model<Input, LmFacts, PredicateName>, file.contentHash), unbound, code };
}

/** Evaluation defaults of an impact run: the date for cases without one, and whether to weigh the missing facts. */
export interface RunDefaults {
  readonly asOf?: string;
  /** false: missing facts as the look-ahead names them (several times faster; for large cohorts). Default true. */
  readonly needed?: boolean;
}

export function evaluateOptions(asOf: string | undefined, d: RunDefaults): EvaluateOptions {
  const date = asOf ?? d.asOf;
  return { ...(date === undefined ? {} : { asOf: date }), ...(d.needed === false ? { needed: false } : {}) };
}

/** A committee Evaluator (raw case in; throws naming the fields when invalid) over an evaluate function of this build. */
export function caseEvaluator(run: (c: Case, o?: EvaluateOptions) => Result, defaults: RunDefaults = {}): (c: unknown, asOf?: string) => Result {
  return (raw, asOf) => {
    const parsed = parseCase(raw);
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => messageIn(e, 'en')).join('; '));
    return run(parsed.case, evaluateOptions(asOf, defaults));
  };
}
