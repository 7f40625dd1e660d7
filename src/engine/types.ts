// The generic model the evaluator walks. Nothing here knows about a disease.

export type Lang = 'nl' | 'en';
export const LANGS: readonly Lang[] = ['nl', 'en'];

/** Text in both languages; Dutch is the language of record. */
export interface Text {
  readonly nl: string;
  readonly en: string;
}

/** Three-valued truth: null means unknown. */
export type Tri = boolean | null;

/** Where a declaration comes from in the source guideline. */
export interface Source {
  /** Requirement IDs of the catalogue this declaration implements. */
  readonly ids: readonly string[];
  /** Heading of the source section. */
  readonly section: string;
  /** Literature numbers of the source's reference list. */
  readonly refs?: readonly number[];
  /** Interpretation or source note shown with the output. */
  readonly note?: Note;
}

export interface Note {
  readonly kind: 'interpretation' | 'source-note';
  readonly text: Text;
}

/** A fact the guideline derives from a case; null value means unknown. */
export interface FactDef {
  readonly label: Text;
  /** Case fields that supply this fact (JSON paths), used to ask for it. */
  readonly fields: readonly string[];
}

export type Facts = Readonly<Record<string, unknown>>;

/** A named pure predicate over facts. */
export interface PredicateDef<F extends Facts> {
  readonly label: Text;
  /** Facts read; when the answer is unknown, the unknown ones are reported missing. */
  readonly uses: readonly (keyof F & string)[];
  readonly test: (f: F) => Tri;
}

/** A condition names a predicate, optionally negated. */
export type Cond<P extends string> = P | { readonly not: P };

export type RuleKind = 'do' | 'consider' | 'avoid' | 'inform';

/** A recommendation, warning or statement emitted when all its conditions hold. */
export interface RuleDef<P extends string> extends Source {
  readonly id: string;
  readonly kind: RuleKind;
  /** Where the output places it (e.g. diagnosis, treatment, follow-up). */
  readonly group: string;
  /** Lower comes first. */
  readonly priority: number;
  readonly when: readonly Cond<P>[];
  readonly text: Text;
  readonly rationale: Text;
  /** Interventions (codes of Model.interventions) this line proposes (do/consider), advises against (avoid) or mentions (inform). */
  readonly interventions?: readonly string[];
  /** Input fields the line is about; a fired rule in group "input" is also reported as an input warning naming them. */
  readonly fields?: readonly string[];
  /** An emergency: shown first and flagged as critical (e.g. in a CDS card). */
  readonly urgent?: boolean;
  /** What the line is about, for "decides" phrases, when it names no intervention. */
  readonly topic?: Text;
}

/** One intervention of the closed vocabulary, with a verified code where one exists. */
export interface InterventionDef {
  readonly label: Text;
  readonly code?: { readonly system: string; readonly code: string; readonly display: string };
}

/**
 * A safety guard over interventions, applied after the walk to every fired line that proposes it.
 * warn: when its conditions hold, its rule is added beside the proposing lines.
 * block: when they hold, the proposing lines are withdrawn and its rule given instead; when unknown,
 * the proposing lines stay, provisional on `assume`, and the unknown facts are reported missing.
 */
export interface GuardDef<P extends string> extends Source {
  readonly id: string;
  readonly label: Text;
  /** Intervention codes it guards (any of). */
  readonly interventions: readonly string[];
  readonly effect: 'warn' | 'block';
  readonly when: readonly Cond<P>[];
  /** Rules given when the guard holds. */
  readonly rules: readonly string[];
  readonly assume?: Text;
}

export interface TableRow<P extends string, O> extends Source {
  readonly id: string;
  readonly when: readonly Cond<P>[];
  readonly output: O;
  readonly label: Text;
}

/**
 * first: rows in order, the first that holds wins; an unknown row keeps its output
 * as a candidate and evaluation goes on. The answer is decided when one output remains.
 */
export interface TableDef<P extends string, O> extends Source {
  readonly id: string;
  readonly label: Text;
  readonly hitPolicy: 'first';
  /** Fact the decided output is written to (null when undecided). */
  readonly fact: string;
  /** Optional fact receiving every candidate output, for predicates that reason over all of them. */
  readonly candidatesFact?: string;
  readonly rows: readonly TableRow<P, O>[];
  /** Output when no row holds; required when the last row is not unconditional. */
  readonly otherwise?: { readonly output: O; readonly label: Text };
}

export interface DecisionNode<P extends string> extends Source {
  readonly kind: 'decision';
  readonly id: string;
  readonly label: Text;
  readonly test: Cond<P>;
  readonly yes: string;
  readonly no: string;
  /** Where to go on unknown; without it the walk stops and the facts are reported missing. */
  readonly unknown?: string;
}

export interface StepNode extends Source {
  readonly kind: 'step';
  readonly id: string;
  readonly label: Text;
  /** Rule ids evaluated here (collect). */
  readonly rules: readonly string[];
  readonly next: string;
}

export interface EndNode extends Source {
  readonly kind: 'end';
  readonly id: string;
  readonly label: Text;
  /** Machine-readable outcome of the flowchart. */
  readonly outcome: string;
  readonly rules?: readonly string[];
}

export type FlowNode<P extends string> = DecisionNode<P> | StepNode | EndNode;

export interface FlowchartDef<P extends string> extends Source {
  readonly id: string;
  readonly label: Text;
  readonly start: string;
  readonly nodes: readonly FlowNode<P>[];
}

/** Input issues found by the guideline's own checks (contradictions). */
export interface CheckDef<C> {
  readonly id: string;
  readonly severity: 'error' | 'warning';
  readonly fields: readonly string[];
  readonly ids: readonly string[];
  readonly message: Text;
  readonly test: (c: C) => boolean;
}

/** Everything the evaluator needs: declared once, read by every consumer. */
export interface Model<C, F extends Facts, P extends string> {
  readonly id: string;
  readonly facts: Readonly<Record<keyof F & string, FactDef>>;
  readonly derive: (c: C) => F;
  readonly predicates: Readonly<Record<P, PredicateDef<F>>>;
  readonly tables: readonly TableDef<P, unknown>[];
  readonly flowcharts: readonly FlowchartDef<P>[];
  readonly rules: readonly RuleDef<P>[];
  readonly checks: readonly CheckDef<C>[];
  readonly guards?: readonly GuardDef<P>[];
  readonly interventions?: Readonly<Record<string, InterventionDef>>;
}

// ---- results ----

export interface Missing {
  readonly fact: string;
  readonly label: Text;
  readonly fields: readonly string[];
  /** Short phrases of what this fact decides (the advice that would change). */
  readonly decides: readonly Text[];
  /** The same, coded: headline keys (category, certainty, next, …) and "rule:kind" items that change. */
  readonly decidesItems?: readonly string[];
  readonly ids: readonly string[];
}

export interface CondTrace {
  readonly predicate: string;
  readonly negated: boolean;
  readonly value: Tri;
}

export interface RuleResult {
  readonly rule: string;
  readonly status: 'fired' | 'not-fired' | 'pending';
  readonly conds: readonly CondTrace[];
}

export interface TableResult {
  readonly table: string;
  readonly decided: boolean;
  readonly output: unknown;
  readonly row: string | null;
  readonly candidates: readonly string[];
  readonly candidateOutputs: readonly unknown[];
  readonly rows: readonly RuleResult[];
}

export interface NodeVisit {
  readonly node: string;
  readonly kind: FlowNode<string>['kind'];
  readonly answer?: Tri;
  readonly conds?: readonly CondTrace[];
  readonly rules?: readonly RuleResult[];
}

export interface ChartResult {
  readonly chart: string;
  /** End node reached, or null when the walk stopped on an unknown. */
  readonly outcome: string | null;
  readonly stoppedAt: string | null;
  readonly path: readonly NodeVisit[];
}

export interface IssueResult {
  readonly check: string;
  readonly severity: 'error' | 'warning';
  readonly fields: readonly string[];
  readonly ids: readonly string[];
  readonly message: Text;
}

export interface EngineResult<F extends Facts> {
  readonly facts: F;
  readonly issues: readonly IssueResult[];
  readonly tables: readonly TableResult[];
  readonly charts: readonly ChartResult[];
  /** Fired rules in priority order. */
  readonly fired: readonly string[];
  readonly missing: readonly Missing[];
  /** Guards evaluated against proposing lines, with what they did. */
  readonly guards: readonly GuardResult[];
  /** Fired rules that hold only on a stated assumption (rule id → the guards' assumptions). */
  readonly provisional: Readonly<Record<string, readonly Assumption[]>>;
}

export interface Assumption {
  readonly guard: string;
  readonly text: Text;
  /** Requirement IDs of the guard: the line now also implements them. */
  readonly ids: readonly string[];
}

export interface GuardResult {
  readonly guard: string;
  readonly value: Tri;
  readonly conds: readonly CondTrace[];
  /** Lines that proposed the guarded intervention. */
  readonly proposing: readonly string[];
  /** Lines withdrawn by a block. */
  readonly withdrawn: readonly string[];
}
