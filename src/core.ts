// Minimal entry: the evaluator and the model, without the zod schema, renderers or UI texts.
// For callers that validate elsewhere (or pass typed cases) and want the smallest start-up.
export { evaluate, CONTENT_HASH, CERTAINTY_TEXT, InvalidAsOfError, isCalendarDate } from './guideline/evaluate.js';
export { decide, evaluateWith, evaluatorFor, FAST } from './guideline/evaluate.js';
export { normaliseCase } from './guideline/normalise.js';
export type { EvaluateOptions, Knowledge } from './guideline/evaluate.js';
export type { Decision, FastModel } from './engine/fast.js';
export type { Result, Item, Certainty, Prognosis } from './guideline/evaluate.js';
export type { Case } from './guideline/case-schema.js';
export { GUIDELINE, MODEL } from './guideline/model.js';
