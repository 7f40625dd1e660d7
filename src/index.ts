// Public API of the LeptoGuide core.
export { evaluate, CONTENT_HASH, CERTAINTY_TEXT } from './guideline/evaluate.js';
export type { Result, Item, Certainty, Prognosis } from './guideline/evaluate.js';
export { caseSchema, caseJsonSchema } from './guideline/case-schema.js';
export type { Case } from './guideline/case-schema.js';
export { parseCase } from './guideline/parse.js';
export type { ParseResult, FieldError } from './guideline/parse.js';
export { GUIDELINE, MODEL, COMPILED } from './guideline/model.js';
export { REQUIREMENTS } from './guideline/requirements.js';
export { REFERENCES } from './guideline/references.js';
export { KPS_SCALE } from './guideline/kps.js';
export type { Lang, Text, Missing, IssueResult } from './engine/types.js';
