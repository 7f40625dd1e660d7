// Value of information: which unknown facts would change the outcome, and how. Generic: the model
// supplies the candidates (the look-ahead's missing facts), the variants of an input with one fact
// filled in (its finite domain), and the outcome of an input; nothing here knows about a disease.

/** What an input decides: headline values (e.g. category, next step) and the advice items (e.g. "rule:kind"). */
export interface Outcome {
  /** False when the filled-in input is itself contradictory: such a variant is ignored. */
  readonly valid: boolean;
  readonly headline: Readonly<Record<string, string>>;
  readonly items: ReadonlySet<string>;
}

export interface VoiModel<C> {
  /** Facts to test, in the order the look-ahead named them. */
  readonly candidates: readonly string[];
  /** The input with the fact filled in, once per value of its domain; [] when the fact has no declared domain. */
  readonly variants: (fact: string, from: C) => readonly C[];
  readonly outcome: (input: C) => Outcome;
  /** Facts that changed nothing alone are tried in pairs, at most this many of them (default 6). */
  readonly pairLimit?: number;
  /** Only pairs that can matter together are tried (e.g. facts read by one condition list); default: every pair. */
  readonly related?: (a: string, b: string) => boolean;
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

function compare(outs: readonly Outcome[]): { headline: Record<string, string[]>; items: string[]; common: string[] } {
  const headline: Record<string, string[]> = {};
  for (const k of new Set(outs.flatMap((o) => Object.keys(o.headline)))) {
    const values = [...new Set(outs.map((o) => o.headline[k] ?? ''))];
    if (values.length > 1) headline[k] = values;
  }
  const all = new Set(outs.flatMap((o) => [...o.items]));
  const common = [...all].filter((i) => outs.every((o) => o.items.has(i)));
  const items = [...all].filter((i) => !common.includes(i));
  return { headline, items, common };
}

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
    if (inputs.length === 0) { undetermined.push(fact); continue; }
    const outs = inputs.map(m.outcome).filter((o) => o.valid);
    const diff = compare(outs);
    if (outs.length > 1 && (Object.keys(diff.headline).length || diff.items.length)) {
      needed.push({ fact, ...diff });
      note(fact, outs);
    } else idle.push(fact);
  }
  // Facts that decide only together (e.g. two conditions of one table row): try pairs of the idle ones.
  const pool = idle.slice(0, m.pairLimit ?? 6);
  const joint = new Set<string>();
  for (let a = 0; a < pool.length; a++) {
    for (let b = a + 1; b < pool.length; b++) {
      const fa = pool[a]!;
      const fb = pool[b]!;
      if ((joint.has(fa) && joint.has(fb)) || (m.related && !m.related(fa, fb))) continue;
      const outs = m.variants(fa, base).flatMap((x) => m.variants(fb, x)).map(m.outcome).filter((o) => o.valid);
      const diff = compare(outs);
      if (outs.length < 2 || (!Object.keys(diff.headline).length && !diff.items.length)) continue;
      for (const [f, other] of [[fa, fb], [fb, fa]] as const) {
        if (joint.has(f)) continue;
        joint.add(f);
        needed.push({ fact: f, ...diff, jointWith: other });
      }
      note(fa, outs);
      note(fb, outs);
    }
  }
  return { needed, undetermined, dependsOn };
}
