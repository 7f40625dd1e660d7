import type { Compiled } from '../engine/compile.js';
import type { Decision, FastModel } from '../engine/fast.js';
import type { CondTrace, EngineResult, Text } from '../engine/types.js';
import { valueOfInformation, type Needed, type Outcome, type Voi } from '../engine/voi.js';
import type { Case, TherapyClass } from './case-schema.js';
import { PRIMARY_TUMOURS, SYSTEMIC_STATUS } from './vocabulary.js';
import type { Input, LmFacts, Option } from './facts.js';
import { INTERVENTIONS } from './interventions.js';
import { predicates, type PredicateName } from './predicates.js';

// "Needed to decide": the domain of every fact the look-ahead may ask for, filled in at the case's own
// fields, and the outcome that counts as advice. A fact is needed when two of its values change it.

type Patch = Readonly<Record<string, unknown>>;
type Domain = (c: Case, f: LmFacts) => readonly Patch[];

const get = (c: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), c);
function set(c: Case, path: string, value: unknown): Case {
  const obj = c as Record<string, unknown>;
  const dot = path.indexOf('.');
  if (dot < 0) return { ...obj, [path]: value } as Case;
  const head = path.slice(0, dot);
  const inner = (obj[head] && typeof obj[head] === 'object' ? obj[head] : {}) as Case;
  return { ...obj, [head]: set(inner, path.slice(dot + 1), value) } as Case;
}

const values = (field: string, vs: readonly unknown[]): Domain => () => vs.map((v) => ({ [field]: v }));
const bool = (field: string): Domain => values(field, [true, false]);
const DRIVER: Domain = (c) => {
  const egfr = c.markers?.egfr;
  const alk = c.markers?.alk;
  if (egfr === undefined && alk === undefined) {
    return [{ 'markers.egfr': 'mutant' }, { 'markers.egfr': 'wild-type', 'markers.alk': 'positive' }, { 'markers.egfr': 'wild-type', 'markers.alk': 'negative' }];
  }
  if (egfr === undefined) return [{ 'markers.egfr': 'mutant' }, { 'markers.egfr': 'wild-type' }];
  return [{ 'markers.alk': 'positive' }, { 'markers.alk': 'negative' }];
};
/** Therapy history: none, or, for each option this tumour could get, one drug class that rules it out. */
const history = (field: string): Domain => (_c, f) => {
  const classes = new Set<TherapyClass>();
  for (const o of [...f.firstChoiceCandidates, ...f.optionCandidates]) {
    const first = o && typeof o === 'object' ? (o as Option).excludedBy[0] : undefined;
    if (first) classes.add(first);
  }
  return [{ [field]: [] }, ...[...classes].map((x) => ({ [field]: [x] }))];
};
const KPS = values('performance.kps', [60, 70, 80]);

/** The finite domain of each fact the look-ahead can name; numbers by the thresholds the predicates use. */
export const DOMAINS: Partial<Record<keyof LmFacts, Domain>> = {
  primary: values('primaryTumour', PRIMARY_TUMOURS),
  knownCancer: bool('knownCancer'),
  her2: values('markers.her2', ['positive', 'negative']),
  brafV600: values('markers.brafV600', ['mutant', 'wild-type']),
  nsclcDriver: DRIVER,
  krasG12c: values('markers.krasG12c', ['mutant', 'wild-type']),
  pdl1Tps: values('markers.pdl1Tps', [20, 80]),
  noDriverFound: bool('markers.noDriverFound'),
  symptoms: values('symptoms', [[], ['headache'], ['radicular-pain'], ['headache', 'radicular-pain']]),
  explained: bool('symptomsExplainedByBrainMetastases'),
  highSuspicion: bool('highClinicalSuspicion'),
  // Before the MRI its findings are what the next step waits for (filling them in means the MRI was done).
  mriFindings: values('mri.findings', [[], ['linear-sulcal'], ['nodular'], ['spinal-roots'], ['hydrocephalus']]),
  mriRegions: values('mri.regions', [['brain'], ['spine'], ['brain', 'spine']]),
  hydrocephalusType: values('mri.hydrocephalusType', ['communicating', 'obstructive']),
  massEffect: bool('mri.brainMetastasesMassEffect'),
  perf70: KPS,
  kps: KPS,
  encephalopathy: bool('severeEncephalopathy'),
  deficit: bool('severeNeurologicalDeficit'),
  systemic: values('systemicDisease.status', SYSTEMIC_STATUS),
  threatening: bool('systemicDisease.threatening'),
  resistance: bool('resistanceToTherapy'),
  currentTherapies: history('therapies.current'),
  progressedOn: history('therapies.progressedOn'),
  symptomaticLocations: values('symptomaticLocations', [[], ['cranial-nerve'], ['radicular']]),
  raisedIcp: bool('raisedIcpSigns'),
};

/**
 * Variants of the input with the fact filled in; a patch that would overwrite an entered value is skipped. Each
 * variant is registered in `assigned` with the field assignments that lead to it from the case (sorted), a key
 * for its content: patches only fill empty fields, so the same assignments give the same case.
 */
function variants(baseFacts: LmFacts, fact: string, from: Input, assigned: WeakMap<Input, readonly string[]>): Input[] {
  const domain = DOMAINS[fact as keyof LmFacts];
  if (!domain) return [];
  const before = assigned.get(from);
  return domain(from.case, baseFacts)
    .filter((p) => Object.keys(p).every((k) => get(from.case, k) === undefined))
    .map((p) => {
      const input = { ...from, case: Object.entries(p).reduce((c, [k, v]) => set(c, k, v), from.case) };
      if (before) assigned.set(input, [...before, ...Object.entries(p).map(([k, v]) => `${k}=${JSON.stringify(v)}`)].sort());
      return input;
    });
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
function headlineOf(f: LmFacts, next: string | null, treatment: string | null): Record<string, string> {
  return {
    scope: f.primary === null ? '' : predicates.solidPrimary.test(f) ? 'in' : 'out',
    certainty: text(f.certainty), pattern: text(f.mriPattern), category: text(f.category), next: next ?? '', treatment: treatment ?? '',
  };
}
const itemKey = (id: string, kind: string): string | null => (kind === 'inform' ? null : `${id}:${kind}`);

/** What counts as advice: certainty, type, category, where each flowchart ends, and every non-informative line by kind. */
export function outcomeOf(compiled: Compiled<Input, LmFacts, PredicateName>, r: EngineResult<LmFacts>): Outcome {
  const key = (id: string): string | null => {
    const rule = compiled.rules.get(id);
    return rule ? itemKey(id, rule.kind) : null;
  };
  const items = new Set(r.fired.map(key).filter((k): k is string => k !== null));
  const pending = new Set(r.charts.flatMap((c) => c.path.flatMap((v) => (v.rules ?? []).filter((x) => x.status === 'pending')))
    .map((x) => key(x.rule)).filter((k): k is string => k !== null));
  return {
    valid: !r.issues.some((i) => i.severity === 'error'),
    headline: headlineOf(r.facts, r.charts[0]?.outcome ?? null, r.charts[1]?.outcome ?? null),
    items,
    pending,
    partial: r.charts.some((c) => c.outcome === null),
  };
}

/** Per core: rule indices in priority order, and the item key of each rule (null for an informative line). */
const READ = new WeakMap<object, { readonly priority: Int32Array; readonly keys: readonly (string | null)[] }>();
function readerOf(core: FastModel<Input, LmFacts, PredicateName>): { readonly priority: Int32Array; readonly keys: readonly (string | null)[] } {
  let r = READ.get(core);
  if (!r) {
    const { rules } = core.compiled.model;
    const index = new Map(rules.map((x, i) => [x.id, i]));
    r = { priority: Int32Array.from(core.compiled.byPriority, (id) => index.get(id)!), keys: rules.map((x) => itemKey(x.id, x.kind)) };
    READ.set(core, r);
  }
  return r;
}

/** The same outcome read from a decision alone (no trace): what the variant runs of value of information need. */
export function outcomeOfDecision(core: FastModel<Input, LmFacts, PredicateName>, d: Decision<Input, LmFacts>): Outcome {
  const { priority, keys } = readerOf(core);
  const items = new Set<string>();
  for (let k = 0; k < priority.length; k++) {
    const i = priority[k]!;
    if (keys[i] !== null && core.isFired(d, i)) items.add(keys[i]!);
  }
  const pending = new Set<string>();
  for (let i = 0; i < keys.length; i++) if (keys[i] !== null && core.isPending(d, i)) pending.add(keys[i]!);
  const charts = core.compiled.model.flowcharts.length;
  let partial = false;
  for (let c = 0; c < charts; c++) partial ||= core.outcome(d, c) === null;
  return {
    valid: !core.issues(d).some((i) => i.severity === 'error'),
    headline: headlineOf(d.facts, core.outcome(d, 0), core.outcome(d, 1)),
    items,
    pending,
    partial,
  };
}

/** Per model: the facts its tables write. */
const TABLE_FACTS = new WeakMap<object, ReadonlySet<string>>();
/** The base facts read together by each condition list still undecided for this input (not through table facts). */
function groupsOf(compiled: Compiled<Input, LmFacts, PredicateName>, base: EngineResult<LmFacts>): string[][] {
  const { model } = compiled;
  let tableFacts = TABLE_FACTS.get(model);
  if (!tableFacts) {
    tableFacts = new Set(model.tables.flatMap((t) => [t.fact, ...(t.candidatesFact ? [t.candidatesFact] : [])]));
    TABLE_FACTS.set(model, tableFacts);
  }
  const uses = (conds: readonly CondTrace[]): string[] => [...new Set(conds.filter((c) => c.value === null)
    .flatMap((c) => [...model.predicates[c.predicate as PredicateName].uses]).filter((f) => !tableFacts.has(f)))];
  const lists: (readonly CondTrace[])[] = [
    ...base.tables.flatMap((t) => t.rows.filter((r) => r.status === 'pending').map((r) => r.conds)),
    ...base.charts.flatMap((c) => c.path.flatMap((v) => [...(v.answer === null && v.conds ? [v.conds] : []),
      ...(v.rules ?? []).filter((r) => r.status === 'pending').map((r) => r.conds)])),
    ...base.guards.filter((g) => g.value === null).map((g) => g.conds),
  ];
  return lists.map(uses).filter((g) => g.length > 1);
}

const HISTORY = ['currentTherapies', 'progressedOn'] as const;

/**
 * Value of information for one input: the look-ahead's missing facts, kept only where a value changes the advice.
 * The variants are decided by `core` (the compiled decision, no trace; `run` behind the interpreted core).
 */
export function voiOf(core: FastModel<Input, LmFacts, PredicateName>, input: Input, base: EngineResult<LmFacts>): Voi {
  const { compiled } = core;
  // Contexts repeat the same completions: cache outcomes by content (the assignments made to the case).
  const assigned = new WeakMap<Input, readonly string[]>([[input, []]]);
  const contentKey = (i: Input): string => {
    const a = assigned.get(i);
    return a ? `A${a.join('\u0000')}` : `J${JSON.stringify(i.case)}`;
  };
  const cache = new Map<string, Outcome>([[contentKey(input), outcomeOf(compiled, base)]]);
  const outcome = (i: Input): Outcome => {
    const k = contentKey(i);
    let o = cache.get(k);
    if (!o) cache.set(k, (o = outcomeOfDecision(core, core.decide(i))));
    return o;
  };
  // The option table reads the therapy history as "known used" only (an unknown history must not hide the option),
  // so the look-ahead never names it: weigh it as well while it is unknown (SAFE-THERAPY-HISTORY).
  const history = HISTORY.filter((f) => base.facts[f] === null && !base.missing.some((m) => m.fact === f));
  return valueOfInformation(input, {
    candidates: [...base.missing.map((m) => m.fact), ...history],
    variants: (fact, from) => variants(base.facts, fact, from, assigned),
    valid: (i) => !compiled.model.checks.some((c) => c.severity === 'error' && c.test(i)),
    outcome,
    hasDomain: (fact) => fact in DOMAINS,
    groups: groupsOf(compiled, base),
  });
}

const HEADLINE: Readonly<Record<string, Text>> = {
  scope: { nl: 'bestek van de richtlijn', en: 'scope of the guideline' },
  certainty: { nl: 'zekerheid van de diagnose', en: 'diagnostic certainty' },
  pattern: { nl: 'EANO–ESMO-type', en: 'EANO–ESMO type' },
  category: { nl: 'categorie', en: 'category' },
  next: { nl: 'volgende diagnostische stap', en: 'next diagnostic step' },
};

/** A short phrase of what a needed fact decides: the headline values and the interventions whose advice changes. */
export function decidesPhrase(n: Needed, compiled: Compiled<Input, LmFacts, PredicateName>): Text[] {
  const out: Text[] = [];
  const cat = n.headline.category?.filter((v) => /^[123]$/.test(v));
  if (cat && cat.length > 1) out.push({ nl: `categorie (${cat.sort().join(' of ')})`, en: `category (${cat.sort().join(' or ')})` });
  for (const k of ['scope', 'certainty', 'pattern', 'next'] as const) if (n.headline[k]) out.push(HEADLINE[k]!);
  // An intervention proposed (or advised against) the same way whatever the value is not decided by it.
  const seen = new Set<string>(n.common.flatMap((item) => {
    const [id, kind] = item.split(':');
    const codes = compiled.rules.get(id!)?.interventions ?? [];
    return n.items.some((x) => x.endsWith(`:${kind}`) && (compiled.rules.get(x.split(':')[0]!)?.interventions ?? []).some((c) => codes.includes(c)))
      ? codes : [];
  }));
  for (const item of n.items) {
    const rule = compiled.rules.get(item.split(':')[0]!);
    const codes = rule?.interventions?.length ? rule.interventions : [];
    for (const code of codes) {
      if (seen.has(code)) continue;
      seen.add(code);
      const label = INTERVENTIONS[code as keyof typeof INTERVENTIONS]?.label;
      if (label) out.push(label);
    }
    if (!codes.length && rule?.topic && !seen.has(rule.id)) {
      seen.add(rule.id);
      out.push(rule.topic);
    }
  }
  // Every intervention it touches is also proposed by a line that holds whatever the value: name the lines' own subject.
  if (!out.length) {
    for (const item of n.items) {
      const rule = compiled.rules.get(item.split(':')[0]!);
      const label = rule?.topic ?? INTERVENTIONS[rule?.interventions?.[0] as keyof typeof INTERVENTIONS]?.label;
      if (label && !out.some((x) => x.nl === label.nl)) out.push(label);
    }
  }
  if (!out.length && n.headline.treatment) out.push({ nl: 'behandelplan', en: 'treatment plan' });
  return out.slice(0, 5);
}

/** How much of the advice a fact changes; the diagnostic step first while the diagnosis is open. */
export function weight(n: Needed, diagnosisOpen: boolean): number {
  const diagnostic = n.headline.certainty || n.headline.next || n.headline.pattern;
  return (diagnosisOpen && diagnostic ? 1000 : 0) + 10 * Object.keys(n.headline).length + n.items.length;
}
