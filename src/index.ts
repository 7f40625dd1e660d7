// Public API of the LeptoGuide core: the web app, the service and other consumers import only from here.
export { evaluate, CODE_DIGEST, CONTENT_HASH, CERTAINTY_TEXT, InvalidAsOfError, isCalendarDate } from './guideline/evaluate.js';
export { decide, evaluateWith, evaluatorFor, FAST } from './guideline/evaluate.js';
export { normaliseCase } from './guideline/normalise.js';
export type { EvaluateOptions, Knowledge } from './guideline/evaluate.js';
export type { Decision, FastModel } from './engine/fast.js';
export type { Result, Item, Certainty, Prognosis } from './guideline/evaluate.js';
export {
  caseSchema, caseJsonSchema, PRIMARY_TUMOURS, SYMPTOMS, MRI_FINDINGS, THERAPY_CLASSES, SYMPTOMATIC_LOCATIONS, SYSTEMIC_STATUS,
} from './guideline/case-schema.js';
export type { Case, LumbarPuncture, PrimaryTumour, Symptom, MriFinding, TherapyClass } from './guideline/case-schema.js';
export { parseCase, messageIn, pathOf } from './guideline/parse.js';
export type { ParseResult, FieldError } from './guideline/parse.js';
export { GUIDELINE, MODEL, COMPILED } from './guideline/model.js';
export { FACTS } from './guideline/facts.js';
export { REQUIREMENTS } from './guideline/requirements.js';
export { REFERENCES } from './guideline/references.js';
export { KPS_SCALE } from './guideline/kps.js';
export { UI, ui } from './i18n/ui.js';
export type { UiKey } from './i18n/ui.js';
export { renderReport, localize, positionLabel } from './render/report.js';
export { answerOf, decidesOf, issueText, renderAnswer, renderNote } from './render/answer.js';
export type { Answer, PlanPart, Needed } from './render/answer.js';
export { flowchartToSvg, layoutFlowchart } from './render/svg.js';
export { flowchartToMermaid } from './render/mermaid.js';
export { tableToMarkdown } from './render/tables.js';
export { enumeratePaths, pathOfResult } from './engine/paths.js';
export type {
  Lang, Text, Missing, IssueResult, ChartResult, TableResult, FlowchartDef, FlowNode, TableDef, RuleDef, Note,
} from './engine/types.js';
export * from './committee/index.js';
