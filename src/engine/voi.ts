// Value of information: which unknown facts would change the outcome, and how. Generic: the model
// supplies the candidates (the look-ahead's missing facts), the variants of an input with one fact
// filled in (its finite domain), and the outcome of an input; nothing here knows about a disease.

/** What an input decides: headline values (e.g. category, next step) and the advice items (e.g. "rule:kind"). */
export interface Outcome {
  /** False when the filled-in input is itself contradictory: such a variant is ignored. */
  readonly valid: boolean;
  /** '' = not decided for this input (another fact is still missing): never counts as a difference. */
  readonly headline: Readonly<Record<string, string>>;
  readonly items: ReadonlySet<string>;
  /** Items still undecided for this input (their conditions unknown): absent, but not "not given". */
  readonly pending: ReadonlySet<string>;
  /** The walk stopped on a missing fact: absent items may still come. */
  readonly partial: boolean;
}

export interface VoiModel<C> {
  /** Facts to test, in the order the look-ahead named them. */
  readonly candidates: readonly string[];
  /** The input with the fact filled in, once per value of its domain; [] when the fact has no declared domain. */
  readonly variants: (fact: string, from: C) => readonly C[];
  /** Whether the fact has a declared domain (a fact without one stays asked for: its value cannot be weighed). */
  readonly hasDomain: (fact: string) => boolean;
  readonly outcome: (input: C) => Outcome;
  /** Facts that changed nothing alone are tried in pairs, at most this many of them (default 6). */
  readonly pairLimit?: number;
  /** A cheap check that an input is not contradictory (used to build contexts); default: every input is. */
  readonly valid?: (input: C) => boolean;
  /**
   * Facts read together by a condition list that is still undecided (a table row, a decision, a rule): an idle fact
   * is tried with the other members of its groups filled in, at their first and at their last valid value.
   */
  readonly groups?: readonly (readonly string[])[];
}

export interface Needed {
  readonly fact: string;
  /** Headline keys whose value differs between the fact's values, with the values seen. */
  readonly headline: Readonly<Record<string, readonly string[]>>;
  /** Items given for some but not all of the fact's values. */
  readonly items: readonly string[];
  /** Items given for every value. */
  readonly common: readonly string[];
  /** Set when the fact matters only together with another. */
  readonly jointWith?: string;
}

export interface Voi {
  readonly needed: readonly Needed[];
  /** Candidates without a declared domain: their value of information is unknown, so they stay asked for. */
  readonly undetermined: readonly string[];
  /** Items of the base outcome that some value of a needed fact would take away (item → facts). */
  readonly dependsOn: ReadonlyMap<string, readonly string[]>;
}

/** Differences that two decided outcomes show; undecided values and pending items are not differences. */
function compare(outs: readonly Outcome[]): { headline: Record<string, string[]>; items: string[]; common: string[] } {
  // Plain loops; keys, values and items keep their order of first appearance across `outs`.
  const headline: Record<string, string[]> = {};
  const keys: string[] = [];
  for (const o of outs) for (const k in o.headline) if (!keys.includes(k)) keys.push(k);
  for (const k of keys) {
    const values: string[] = [];
    for (const o of outs) {
      const v = o.headline[k] ?? '';
      if (v !== '' && !values.includes(v)) values.push(v);
    }
    if (values.length > 1) headline[k] = values;
  }
  const all = new Set<string>();
  for (const o of outs) for (const i of o.items) all.add(i);
  const common: string[] = [];
  const items: string[] = [];
  for (const i of all) {
    let everywhere = true;
    let absent = false;
    for (const o of outs) {
      if (!o.items.has(i)) {
        everywhere = false;
        if (!o.partial && !o.pending.has(i)) absent = true;
      }
    }
    if (everywhere) common.push(i);
    if (absent) items.push(i);
  }
  return { headline, items, common };
}

const differs = (d: { headline: Record<string, string[]>; items: string[] }): boolean => Object.keys(d.headline).length > 0 || d.items.length > 0;

export function valueOfInformation<C>(base: C, m: VoiModel<C>): Voi {
  const baseOut = m.outcome(base);
  const needed: Needed[] = [];
  const undetermined: string[] = [];
  const idle: string[] = [];
  const dependsOn = new Map<string, string[]>();
  const note = (fact: string, outs: readonly Outcome[]): void => {
    for (const i of baseOut.items) {
      if (outs.some((o) => !o.items.has(i))) dependsOn.set(i, [...(dependsOn.get(i) ?? []), fact]);
    }
  };
  for (const fact of m.candidates) {
    const inputs = m.variants(fact, base);
    if (inputs.length === 0) { if (!m.hasDomain(fact)) undetermined.push(fact); continue; }
    const outs = inputs.map(m.outcome).filter((o) => o.valid);
    const diff = compare(outs);
    if (outs.length > 1 && (Object.keys(diff.headline).length || diff.items.length)) {
      needed.push({ fact, ...diff });
      note(fact, outs);
    } else idle.push(fact);
  }
  // Facts that decide only together with others (e.g. the conditions of one table row, such as KPS and the
  // systemic status for the category): each idle fact is tried with the other members of its undecided
  // condition lists filled in, all at their first and all at their last valid value.
  const ok = m.valid ?? ((): boolean => true);
  const fillAll = (from: C, facts: readonly string[], last: boolean): C => facts.reduce((acc, f) => {
    const vs = m.variants(f, acc);
    // The first (or last) valid variant: validity is checked from that end only, until one passes.
    if (last) { for (let i = vs.length - 1; i >= 0; i--) if (ok(vs[i]!)) return vs[i]!; }
    else for (let i = 0; i < vs.length; i++) if (ok(vs[i]!)) return vs[i]!;
    return acc;
  }, from);
  for (const fact of idle) {
    for (const group of m.groups ?? []) {
      const rest = group.filter((f) => f !== fact && m.candidates.includes(f));
      if (!group.includes(fact) || !rest.length) continue;
      // The context at the first values, and only when that shows no difference the one at the last values.
      let outs: Outcome[] | undefined;
      for (const last of [false, true]) {
        const o = m.variants(fact, fillAll(base, rest, last)).map(m.outcome).filter((x) => x.valid);
        if (differs(compare(o))) { outs = o; break; }
      }
      if (!outs) continue;
      needed.push({ fact, ...compare(outs), jointWith: rest.join('+') });
      note(fact, outs);
      break;
    }
  }
  return { needed, undetermined, dependsOn };
}
