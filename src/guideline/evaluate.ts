import { condName } from '../engine/compile.js';
import { compileFast, type Decision, type FastModel } from '../engine/fast.js';
import type { ChartResult, EngineResult, IssueResult, Missing, Note, RuleKind, TableResult, Text } from '../engine/types.js';
import type { Case } from './case-schema.js';
import type { Input, LmFacts } from './facts.js';
import { CONTENT_HASH } from './content-hash.js';
import { COMPILED, GUIDELINE, MODEL } from './model.js';
import { predicates, type PredicateName } from './predicates.js';

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
  readonly trace: { readonly flowcharts: readonly ChartResult[]; readonly tables: readonly TableResult[] };
  /** Every requirement ID the output implements, sorted. */
  readonly ids: readonly string[];
}

export { CONTENT_HASH };

const PROGNOSIS: Record<1 | 2 | 3, Prognosis> = { 1: 'not-unfavourable', 2: 'unfavourable', 3: 'very-unfavourable' };
export const CERTAINTY_TEXT: Record<Certainty, Text> = {
  confirmed: { nl: 'bevestigd', en: 'confirmed' },
  probable: { nl: 'waarschijnlijk', en: 'probable' },
  possible: { nl: 'mogelijk', en: 'possible' },
  'lacking-evidence': { nl: 'onvoldoende bewijs', en: 'lacking evidence' },
};

/** EANO–ESMO type: I/II from cytology or biopsy, letter from the MRI pattern. */
function eano(f: LmFacts): { type: string | null; pattern: string | null } {
  const positive = predicates.cytologyOrBiopsyPositive.test(f) === true;
  const pattern = f.mriPattern;
  const letter = pattern === null ? null : pattern.charAt(0);
  if (!positive && (f.certainty === 'none' || letter === null)) return { type: null, pattern };
  return { type: (positive ? 'I' : 'II') + (letter ?? ''), pattern };
}

/** Filled texts by template and placeholder values: the values come from small domains, so most fills are look-ups. */
const FILLED = new Map<Text, Map<string, Text>>();

function fill(text: Text, values: Readonly<Record<string, Text | string | number | null>>): Text {
  if (!text.nl.includes('{') && !text.en.includes('{')) return text;
  let key = '';
  for (const k in values) {
    const v = values[k];
    key += v === undefined || v === null ? '\u0001' : typeof v === 'object' ? `${v.nl}\u0002${v.en}\u0001` : `${String(v)}\u0001`;
  }
  let byValues = FILLED.get(text);
  if (!byValues) FILLED.set(text, (byValues = new Map()));
  const hit = byValues.get(key);
  if (hit) return hit;
  const one = (s: string, lang: 'nl' | 'en'): string =>
    s.replace(/\{(\w+)\}/g, (m, k: string) => {
      const v = values[k];
      if (v === undefined || v === null) return '?';
      return typeof v === 'object' ? v[lang] : String(v);
    });
  const filled = Object.freeze({ nl: one(text.nl, 'nl'), en: one(text.en, 'en') });
  if (byValues.size < 512) byValues.set(key, filled);
  return filled;
}

function scopeOf(f: LmFacts): Result['scope'] {
  if (f.primary === null) return 'unknown';
  return f.primary === 'primary-brain' || f.primary === 'haematological' ? 'out-of-scope' : 'in-scope';
}

/** The model compiled to index arrays (src/engine/fast.ts); `run(COMPILED, …)` stays the reference. */
export const FAST = compileFast(COMPILED);

/** The decision only (facts, fired rules, table rows, chart ends, issues), with no trace: read it through FAST. */
export function decide(c: Case, options: { asOf?: string } = {}): Decision<Input, LmFacts> {
  return FAST.decide({ case: c, asOf: c.assessmentDate ?? options.asOf ?? null });
}

/**
 * Pure and synchronous: the case and the evaluation date in, the advice out.
 * The case's assessmentDate wins over options.asOf; without either, no revision check is possible.
 * Decided by the compiled core; recommendations, missing facts, trace and IDs are built when first read
 * (enumerable getters, so JSON, spread and deep equality see the same object as before).
 */
export function evaluate(c: Case, options: { asOf?: string } = {}): Result {
  return evaluateWith(FAST, c, options);
}

/** evaluate() over a given core: FAST, or compileFast(COMPILED, { interpret: true }) for the interpreted reference. */
export function evaluateWith(core: FastModel<Input, LmFacts, PredicateName>, c: Case, options: { asOf?: string } = {}): Result {
  const FAST = core;
  const asOf = c.assessmentDate ?? options.asOf ?? null;
  const d = FAST.decide({ case: c, asOf });
  let explained: EngineResult<LmFacts> | undefined;
  const r = { explain: (): EngineResult<LmFacts> => (explained ??= FAST.explain(d)), issues: FAST.issues(d) };
  const f = d.facts;
  const scope = scopeOf(f);
  const out = scope === 'out-of-scope';
  const certainty = out || f.certainty === null || f.certainty === 'none' ? null : f.certainty;
  const { type: eanoType, pattern } = eano(f);
  const type = out ? null : eanoType;
  const category = !out && typeof f.category === 'number' ? f.category : null;
  const values = {
    eanoType: type ?? '—', certainty: certainty ? CERTAINTY_TEXT[certainty] : null, kps: f.kps, kpsText: f.kpsText,
  };
  let recommendations: Item[] | undefined;
  let ids: string[] | undefined;
  let trace: Result['trace'] | undefined;
  return {
    guideline: { id: GUIDELINE.id, title: GUIDELINE.title, version: GUIDELINE.version, plannedRevision: GUIDELINE.plannedRevision, contentHash: CONTENT_HASH },
    asOf,
    scope,
    diagnosis: { position: FAST.outcome(d, 0), certainty, eanoType: type, mriPattern: out ? null : pattern },
    category,
    prognosis: category === null ? null : PROGNOSIS[category],
    modifiers: category !== null && f.mriFindings?.includes('brain-metastases') ? ['brain-metastases'] : [],
    treatment: { position: FAST.outcome(d, 1) },
    get recommendations() { return (recommendations ??= FAST.fired(d).map((id) => item(id, f, values))); },
    get missing() { return out ? [] : r.explain().missing; },
    errors: r.issues.filter((i) => i.severity === 'error'),
    warnings: r.issues.filter((i) => i.severity === 'warning'),
    get trace() { return (trace ??= { flowcharts: r.explain().charts, tables: r.explain().tables }); },
    get ids() { return (ids ??= FAST.firedIds(d)); },
  };
}

/** The facts each rule's conditions read, in first-read order; computed once. */
const READS = new Map(MODEL.rules.map((r) => [r.id, [...new Set(r.when.flatMap((c) => MODEL.predicates[condName(c)].uses))]]));
/** Per rule, a record with those keys in that order, copied per item so every item of a rule has one shape. */
const SHAPES = new Map([...READS].map(([id, keys]) => [id, Object.fromEntries(keys.map((k) => [k, undefined])) as Record<string, unknown>]));

const NO_REFS: readonly number[] = Object.freeze([]);

function item(id: string, f: LmFacts, values: Parameters<typeof fill>[1]): Item {
  const rule = COMPILED.rules.get(id)!;
  const facts: Record<string, unknown> = { ...SHAPES.get(id)! };
  for (const k of READS.get(id)!) facts[k] = f[k];
  const refs = rule.refs ?? NO_REFS;
  const text = fill(rule.text, values);
  return rule.note
    ? { rule: rule.id, kind: rule.kind, group: rule.group, ids: rule.ids, section: rule.section, refs, text, rationale: rule.rationale, note: rule.note, facts }
    : { rule: rule.id, kind: rule.kind, group: rule.group, ids: rule.ids, section: rule.section, refs, text, rationale: rule.rationale, facts };
}
