// The committee's pure modules: knowledge files, knowledge diff, impact on cases, and their renderers.
export {
  KNOWLEDGE_FORMAT, KnowledgeError, bindKnowledge, exportKnowledge, functionsOf, isFnRef, sourcesOf, verifyKnowledge,
  type AnyModel, type CodeDigest, type Declarations, type Declared, type FnRef, type GuidelineMeta, type KnowledgeFile, type KnowledgeProblem,
} from './knowledge.js';
export { CODE_DIRS, CODE_EXTRA, DECLARATION_ONLY, GENERATED, codeDiffers, codeDigest, isCodeModule } from './code.js';
export { PARTS, diffKnowledge, sideOf, withCodeLines, type Change, type FieldChange, type KnowledgeDiff, type Part, type Side } from './diff.js';
export { lineDiff, wordDiff, type LineRun, type WordRun } from './words.js';
export {
  HEADLINES, compareCase, createImpact, emptyState, impactOf, report,
  type CaseImpact, type CaseItem, type Evaluator, type Outcome, type Headline, type ImpactAccumulator, type ImpactDocument, type ImpactGroup, type ImpactReport,
  type ImpactState, type ImpactSummary, type Rec, type ResultLike,
} from './impact.js';
export { renderDiff, renderImpact, type Format } from './render.js';
export { bundledKnowledge, caseEvaluator, evaluateOptions, evaluatorOfFile, type RunDefaults } from './bundled.js';
