import { compile, condName, type Compiled } from '../engine/compile.js';
import { compileFast, type Decision, type FastModel } from '../engine/fast.js';
import type { Assumption, ChartResult, GuardResult, IssueResult, Missing, Model, Note, RuleKind, TableResult, Text } from '../engine/types.js';
import type { Case } from './case-schema.js';
import type { Input, LmFacts, Option } from './facts.js';
import { CODE_DIGEST, CONTENT_HASH } from './content-hash.js';
import { COMPILED, GUIDELINE, MODEL } from './model.js';
import { asOption, type PredicateName } from './predicates.js';
import { decidesPhrase, voiOf, weight } from './voi.js';
import type { Voi } from '../engine/voi.js';

export type Certainty = 'confirmed' | 'probable' | 'possible' | 'lacking-evidence';
export type Prognosis = 'not-unfavourable' | 'unfavourable' | 'very-unfavourable';

/** One line of advice, with its provenance. */
export interface Item {
  readonly rule: string;
  readonly kind: RuleKind;
  readonly group: string;
  readonly ids: readonly string[];
  readonly section: string;
  readonly refs: readonly number[];
  readonly text: Text;
  readonly rationale: Text;
  readonly note?: Note;
  /** Interventions (codes of src/guideline/interventions.ts) the line proposes (do/consider), advises against (avoid) or mentions. */
  readonly interventions: readonly string[];
  /** The line holds on these assumptions, still to be checked (a missing fact decides them). */
  readonly assumptions?: readonly Text[];
  /** An emergency, shown first. */
  readonly urgent?: boolean;
  /** Case fields still unknown whose value could take this line away: the line depends on them. Absent: it holds. */
  readonly dependsOn?: readonly string[];
  /** Facts the rule's conditions read, with their values. */
  readonly facts: Readonly<Record<string, unknown>>;
}

export interface Result {
  readonly guideline: {
    readonly id: string; readonly title: Text; readonly version: string; readonly plannedRevision: string; readonly contentHash: string;
  };
  readonly asOf: string | null;
  readonly scope: 'in-scope' | 'out-of-scope' | 'unknown';
  readonly diagnosis: {
    /** Where the diagnostic flowchart ended (null: stopped on a missing fact). */
    readonly position: string | null;
    readonly certainty: Certainty | null;
    readonly eanoType: string | null;
    readonly mriPattern: string | null;
  };
  readonly category: 1 | 2 | 3 | null;
  readonly prognosis: Prognosis | null;
  readonly modifiers: readonly string[];
  readonly treatment: { readonly position: string | null };
  /** Everything advised, warned or stated, most important first. */
  readonly recommendations: readonly Item[];
  readonly missing: readonly Missing[];
  readonly errors: readonly IssueResult[];
  readonly warnings: readonly IssueResult[];
  readonly trace: { readonly flowcharts: readonly ChartResult[]; readonly tables: readonly TableResult[]; readonly guards: readonly GuardResult[] };
  /** Every requirement ID the output implements, sorted. */
  readonly ids: readonly string[];
}

export { CODE_DIGEST, CONTENT_HASH };

const PROGNOSIS: Record<1 | 2 | 3, Prognosis> = { 1: 'not-unfavourable', 2: 'unfavourable', 3: 'very-unfavourable' };
export const CERTAINTY_TEXT: Record<Certainty, Text> = {
  confirmed: { nl: 'bevestigd', en: 'confirmed' },
  probable: { nl: 'waarschijnlijk', en: 'probable' },
  possible: { nl: 'mogelijk', en: 'possible' },
  'lacking-evidence': { nl: 'onvoldoende bewijs', en: 'lacking evidence' },
};

/** EANO–ESMO type: I/II from cytology or biopsy, letter from the MRI pattern. */
function eano(k: Knowledge, f: LmFacts): { type: string | null; pattern: string | null } {
  const positive = k.model.predicates.cytologyOrBiopsyPositive.test(f) === true;
  const pattern = f.mriPattern;
  const letter = pattern === null ? null : pattern.charAt(0);
  if (!positive && (f.certainty === 'none' || letter === null)) return { type: null, pattern };
  return { type: (positive ? 'I' : 'II') + (letter ?? ''), pattern };
}

type Value = Text | string | number | null | undefined;

/** A text's placeholders, split once: literal, key, literal, …, literal (the split of /\{(\w+)\}/). */
const TEMPLATES = new WeakMap<Text, { readonly nl: readonly string[]; readonly en: readonly string[] } | null>();
function templateOf(text: Text): { readonly nl: readonly string[]; readonly en: readonly string[] } | null {
  let t = TEMPLATES.get(text);
  if (t === undefined) {
    t = text.nl.includes('{') || text.en.includes('{') ? { nl: text.nl.split(/\{(\w+)\}/), en: text.en.split(/\{(\w+)\}/) } : null;
    TEMPLATES.set(text, t);
  }
  return t;
}

function fill(text: Text, value: (key: string) => Value): Text {
  const t = templateOf(text);
  if (t === null) return text;
  const one = (parts: readonly string[], lang: 'nl' | 'en'): string => {
    let out = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const v = value(parts[i]!);
      out += (v === undefined || v === null ? '?' : typeof v === 'object' ? v[lang] : String(v)) + parts[i + 1]!;
    }
    return out;
  };
  return { nl: one(t.nl, 'nl'), en: one(t.en, 'en') };
}

function scopeOf(f: LmFacts): Result['scope'] {
  if (f.primary === null) return 'unknown';
  return f.primary === 'primary-brain' || f.primary === 'haematological' ? 'out-of-scope' : 'in-scope';
}

/** options.asOf is not a calendar date YYYY-MM-DD (e.g. 2026-02-30 or 'garbage'). */
export class InvalidAsOfError extends Error {
  override readonly name = 'InvalidAsOfError';
  constructor(readonly asOf: unknown) {
    super(`asOf must be a calendar date, YYYY-MM-DD (got ${JSON.stringify(String(asOf).slice(0, 40))})`);
  }
}

/** A real calendar date in YYYY-MM-DD: 2028-02-29 yes, 2026-02-30 no. */
export function isCalendarDate(s: unknown): s is string {
  const m = typeof s === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) : null;
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Pure and synchronous: the case and the evaluation date in, the advice out.
 * The case's assessmentDate wins over options.asOf; without either, no revision check is possible.
 */
export interface EvaluateOptions {
  readonly asOf?: string;
  /**
   * Value of information (default true): `missing` lists only the facts whose values change the advice, and lines
   * carry `dependsOn`. False gives the look-ahead's candidates instead (cheaper; for bulk checks of the advice itself).
   */
  readonly needed?: boolean;
}

/**
 * The model compiled to index arrays (src/engine/fast.ts), safety guards included; `run(COMPILED, …)` stays the
 * reference (test/engine/fast.property.test.ts, `npm run verify:fast`).
 */
export const FAST = compileFast(COMPILED);

/** The decision only (facts, fired rules, table rows, chart ends, issues), with no trace: read it through FAST. */
export function decide(c: Case, options: { asOf?: string } = {}): Decision<Input, LmFacts> {
  return FAST.decide({ case: c, asOf: c.assessmentDate ?? options.asOf ?? null });
}

export function evaluate(c: Case, options: EvaluateOptions = {}): Result {
  return evaluateWith(FAST, c, options);
}

/** A model to evaluate with: the bundled one, or another version of the knowledge (the committee's revisions). */
export interface Knowledge {
  readonly model: Model<Input, LmFacts, PredicateName>;
  readonly compiled: Compiled<Input, LmFacts, PredicateName>;
  readonly contentHash: string;
}
const BUNDLED: Knowledge = { model: MODEL, compiled: COMPILED, contentHash: CONTENT_HASH };

/** evaluate() for another model of this guideline (compiled once here); throws ModelError on an authoring mistake. */
export function evaluatorFor(model: Model<Input, LmFacts, PredicateName>, contentHash: string): (c: Case, options?: EvaluateOptions) => Result {
  const compiled = compile(model);
  const k: Knowledge = { model, compiled, contentHash };
  const core = compileFast(compiled);
  return (c, options = {}) => evaluateIn(k, core, c, options);
}

/** evaluate() over a given core: FAST, or compileFast(COMPILED, { interpret: true }) for the interpreted reference. */
/** The last options.asOf found to be a calendar date (a string: validated once, not per case of a batch). */
let lastValidAsOf: string | undefined;

export function evaluateWith(core: FastModel<Input, LmFacts, PredicateName>, c: Case, options: EvaluateOptions = {}): Result {
  return evaluateIn(BUNDLED, core, c, options);
}

function evaluateIn(k: Knowledge, core: FastModel<Input, LmFacts, PredicateName>, c: Case, options: EvaluateOptions): Result {
  const { model: MODEL, compiled: COMPILED } = k;
  if (options.asOf !== undefined && options.asOf !== lastValidAsOf) {
    if (!isCalendarDate(options.asOf)) throw new InvalidAsOfError(options.asOf);
    lastValidAsOf = options.asOf;
  }
  const asOf = c.assessmentDate ?? options.asOf ?? null;
  const input = { case: c, asOf };
  const r = core.explain(core.decide(input));
  const f = r.facts;
  const scope = scopeOf(f);
  const out = scope === 'out-of-scope';
  const certainty = out || f.certainty === null || f.certainty === 'none' ? null : f.certainty;
  const { type: eanoType, pattern } = eano(k, f);
  const type = out ? null : eanoType;
  const category = !out && typeof f.category === 'number' ? f.category : null;
  // The texts' placeholder values, computed when a text asks for one.
  const values = (key: string): Value => {
    switch (key) {
      case 'eanoType': return type ?? '—';
      case 'certainty': return certainty ? CERTAINTY_TEXT[certainty] : null;
      case 'kps': return f.kps;
      case 'kpsText': return f.kpsText;
      case 'optionDrug': return asOption(f.option)?.drug ?? null;
      case 'firstChoiceDrug': return firstChoiceDrug(f);
      case 'pdl1': return f.pdl1Tps;
      case 'driverPhrase': return driverPhrase(f);
      default: return undefined;
    }
  };
  const voi = out || options.needed === false ? null : voiOf(core, input, r);
  const missing = out ? [] : voi ? neededFacts(k, r.missing, voi, certainty !== 'confirmed' && certainty !== 'probable') : r.missing;
  const fieldsOf = (facts: readonly string[]): string[] => [...new Set(facts.flatMap((x) => MODEL.facts[x as keyof LmFacts]?.fields ?? []))];
  const recommendations = r.fired.map((id) => {
    const rule = COMPILED.rules.get(id)!;
    const depends = voi?.dependsOn.get(`${id}:${rule.kind}`);
    return item(k, id, f, values, r.provisional[id], depends ? fieldsOf(depends) : undefined);
  });
  const ids = [...new Set(recommendations.flatMap((i) => i.ids))].sort();
  const inputWarnings: IssueResult[] = recommendations.filter((i) => i.group === 'input').map((i) => ({
    check: i.rule, severity: 'warning', fields: COMPILED.rules.get(i.rule)!.fields ?? [], ids: i.ids, message: i.text,
  }));
  return {
    guideline: { id: GUIDELINE.id, title: GUIDELINE.title, version: GUIDELINE.version, plannedRevision: GUIDELINE.plannedRevision, contentHash: k.contentHash },
    asOf,
    scope,
    diagnosis: { position: r.charts[0]?.outcome ?? null, certainty, eanoType: type, mriPattern: out ? null : pattern },
    category,
    prognosis: category === null ? null : PROGNOSIS[category],
    modifiers: category !== null && f.mriFindings?.includes('brain-metastases') ? ['brain-metastases'] : [],
    treatment: { position: r.charts[1]?.outcome ?? null },
    recommendations,
    missing,
    errors: r.issues.filter((i) => i.severity === 'error'),
    warnings: [...r.issues.filter((i) => i.severity === 'warning'), ...inputWarnings],
    trace: { flowcharts: r.charts, tables: r.tables, guards: r.guards },
    ids,
  };
}

/** The look-ahead's missing facts, kept where a value changes the advice, with what they decide; most decisive first. */
function neededFacts({ model: MODEL, compiled: COMPILED }: Knowledge, all: readonly Missing[], voi: Voi, diagnosisOpen: boolean): Missing[] {
  const byFact = new Map(all.map((m) => [m.fact, m]));
  const fact = (name: string): Missing => byFact.get(name)
    ?? { fact: name, label: MODEL.facts[name as keyof LmFacts].label, fields: MODEL.facts[name as keyof LmFacts].fields, decides: [], ids: [] };
  const needed = [...voi.needed].sort((a, b) => weight(b, diagnosisOpen) - weight(a, diagnosisOpen)).map((n) => {
    const m = fact(n.fact);
    return { ...m, decides: decidesPhrase(n, COMPILED), decidesItems: [...Object.keys(n.headline), ...n.items] };
  });
  // A fact without a declared domain cannot be weighed: it stays asked for, with what the flowchart asks it for.
  const next = { nl: 'volgende stap', en: 'next step' };
  return [...needed, ...voi.undetermined.map((name) => ({ ...fact(name), decides: [next] }))];
}

/** Per rule: the facts its conditions read, in first-read order (the order of an item's facts record); once per model. */
const FACTS_READ = new WeakMap<Model<Input, LmFacts, PredicateName>, Map<string, readonly (keyof LmFacts)[]>>();
function factsRead(model: Model<Input, LmFacts, PredicateName>): Map<string, readonly (keyof LmFacts)[]> {
  let m = FACTS_READ.get(model);
  if (!m) {
    m = new Map(model.rules.map((r) => [r.id, [...new Set(r.when.flatMap((c) => model.predicates[condName(c)].uses))]]));
    FACTS_READ.set(model, m);
  }
  return m;
}

function item({ model: MODEL, compiled: COMPILED }: Knowledge, id: string, f: LmFacts, values: (key: string) => Value,
  assumed: readonly Assumption[] | undefined, dependsOn: readonly string[] | undefined): Item {
  const rule = COMPILED.rules.get(id)!;
  const facts: Record<string, unknown> = {};
  for (const k of factsRead(MODEL).get(id)!) facts[k] = f[k];
  const ids = assumed ? [...new Set([...rule.ids, ...assumed.flatMap((a) => a.ids)])] : rule.ids;
  // Built key by key in the order of the Item type (the JSON order): optional keys only when present.
  const out: Record<string, unknown> = {
    rule: rule.id, kind: rule.kind, group: rule.group, ids, section: rule.section, refs: rule.refs ?? [],
    text: fill(rule.text, values), rationale: rule.rationale,
  };
  if (rule.note) out.note = rule.note;
  out.interventions = rule.interventions ?? [];
  if (assumed) out.assumptions = assumed.map((a) => a.text);
  if (rule.urgent) out.urgent = true;
  if (dependsOn) out.dependsOn = dependsOn;
  out.facts = facts;
  return out as unknown as Item;
}

/** The first choice that is used up, or every possible one when markers leave it open. */
function firstChoiceDrug(f: LmFacts): Text | null {
  const drugs = f.firstChoiceCandidates.map(asOption).filter((o): o is Option => o !== null && o.classes.length > 0).map((o) => o.drug);
  if (drugs.length === 0) return null;
  return { nl: drugs.map((d) => d.nl).join(' / '), en: drugs.map((d) => d.en).join(' / ') };
}

/** TX-NSCLC-NO-TARGET: say what is known of the drivers, no more. */
function driverPhrase(f: LmFacts): Text {
  if (f.noDriverFound === true) return { nl: 'zonder targetable driver (breed panel)', en: 'without a targetable driver (broad panel)' };
  if (f.krasG12c === 'mutant') return { nl: 'met KRAS G12C (geen eerstelijns doelwit)', en: 'with KRAS G12C (not a first-line target)' };
  return { nl: 'zonder EGFR-mutatie of ALK-translocatie (andere drivers niet vastgelegd)', en: 'without EGFR mutation or ALK translocation (other drivers not recorded)' };
}
