// What a result's trace says about each declaration, as comparable statuses. Pure.

/** The parts of a Result the committee reads; every LeptoGuide version's Result has them. */
export interface ResultLike {
  readonly diagnosis: { readonly position: string | null; readonly certainty: string | null; readonly eanoType: string | null };
  readonly category: number | null;
  readonly treatment?: { readonly position: string | null };
  readonly recommendations: readonly { readonly rule: string; readonly kind: string }[];
  readonly missing: readonly { readonly fact: string }[];
  readonly errors?: readonly { readonly check: string }[];
  readonly warnings?: readonly { readonly check: string }[];
  readonly trace: {
    readonly flowcharts: readonly ChartLike[];
    readonly tables: readonly TableLike[];
    readonly guards?: readonly GuardLike[];
  };
}
interface CondLike { readonly predicate: string; readonly value: boolean | null }
interface RuleLike { readonly rule: string; readonly status: string; readonly conds: readonly CondLike[] }
interface TableLike { readonly table: string; readonly row: string | null; readonly output: unknown; readonly rows: readonly RuleLike[] }
interface ChartLike {
  readonly chart: string;
  readonly path: readonly { readonly node: string; readonly answer?: boolean | null; readonly conds?: readonly CondLike[]; readonly rules?: readonly RuleLike[] }[];
}
interface GuardLike { readonly guard: string; readonly value: boolean | null; readonly conds: readonly CondLike[]; readonly withdrawn: readonly string[] }

/**
 * Keys `rule:<id>`, `table:<id>`, `table-row:<table>/<row>`, `node:<chart>/<node>`, `guard:<id>`, `check:<id>`,
 * `predicate:<name>` → a status string. Absent rows and rules read as not fired.
 */
export function statuses(r: ResultLike): Map<string, string> {
  const out = new Map<string, string>();
  const cond = (cs: readonly CondLike[] | undefined): void => {
    for (const c of cs ?? []) if (!out.has(`predicate:${c.predicate}`)) out.set(`predicate:${c.predicate}`, String(c.value));
  };
  for (const t of r.trace.tables) {
    out.set(`table:${t.table}`, JSON.stringify([t.row, t.output]));
    for (const row of t.rows) { out.set(`table-row:${t.table}/${row.rule}`, row.status); cond(row.conds); }
  }
  for (const c of r.trace.flowcharts) {
    for (const v of c.path) {
      out.set(`node:${c.chart}/${v.node}`, `visited:${String(v.answer ?? '')}`);
      cond(v.conds);
      for (const x of v.rules ?? []) {
        const key = `rule:${x.rule}`;
        if (out.get(key) !== 'fired') out.set(key, x.status);
        cond(x.conds);
      }
    }
  }
  for (const g of r.trace.guards ?? []) { out.set(`guard:${g.guard}`, `${String(g.value)}:${g.withdrawn.join(',')}`); cond(g.conds); }
  for (const x of r.recommendations) out.set(`rule:${x.rule}`, 'fired');
  for (const i of [...(r.errors ?? []), ...(r.warnings ?? [])]) out.set(`check:${i.check}`, 'raised');
  return out;
}

const QUIET: Readonly<Record<string, string>> = { rule: 'not-fired', 'table-row': 'not-fired', check: 'not-raised' };
const kindOf = (key: string): string => key.slice(0, key.indexOf(':'));

/** Keys whose status differs; a predicate counts only when both sides evaluated it. */
export function differing(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const kind = kindOf(key);
    const x = a.get(key) ?? QUIET[kind];
    const y = b.get(key) ?? QUIET[kind];
    if (x === y) continue;
    if (kind === 'predicate' && (x === undefined || y === undefined)) continue;
    out.push(key);
  }
  return out.sort();
}
