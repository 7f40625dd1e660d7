// Collects candidate values per case field and resolves old and conflicting ones by date, reporting each choice.
import { issue, type Candidate, type Issues } from './types.js';

export type ListPath = 'symptoms' | 'therapies.current';

export class Draft {
  readonly fields = new Map<string, Candidate[]>();
  readonly punctures = new Map<string, Map<string, Candidate[]>>();
  readonly lists = new Map<ListPath, Candidate[]>();

  add(path: string, c: Candidate): void {
    push(this.fields, path, c);
  }

  addPuncture(day: string, field: string, c: Candidate): void {
    let m = this.punctures.get(day);
    if (!m) this.punctures.set(day, (m = new Map()));
    push(m, field, c);
  }

  addList(path: ListPath, c: Candidate): void {
    push(this.lists, path, c);
  }
}

function push<K>(m: Map<K, Candidate[]>, k: K, c: Candidate): void {
  const list = m.get(k);
  if (list) list.push(c);
  else m.set(k, [c]);
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
const when = (c: Candidate): string => c.source.date ?? 'undated';

/** Latest wins; equal dates with different values leave the field unknown. Every loser is reported. */
export function resolve(path: string, cands: readonly Candidate[], issues: Issues, asOfEnd: number | undefined): Candidate | undefined {
  const usable = cands.filter((c) => {
    if (asOfEnd === undefined || c.time === undefined || c.time <= asOfEnd) return true;
    issues.push(issue('warning', 'future-date', c.source.resource,
      `${path}: ${c.source.resource} is dated ${when(c)}, after the evaluation date; not used.`,
      `${path}: ${c.source.resource} is gedateerd ${when(c)}, na de evaluatiedatum; niet gebruikt.`));
    return false;
  });
  const sorted = [...usable].sort((a, b) => (b.time ?? -Infinity) - (a.time ?? -Infinity));
  const [win, ...rest] = sorted;
  if (!win) return undefined;
  const tie = rest.filter((c) => c.time === win.time && !same(c.value, win.value));
  if (tie.length > 0) {
    const all = [win, ...tie].map((c) => `${show(c.value)} (${c.source.resource})`).join(', ');
    for (const c of [win, ...tie]) {
      issues.push(issue('warning', 'conflict-unresolved', c.source.resource,
        `${path}: conflicting values of the same date ${when(win)}: ${all}; left unknown, please enter it.`,
        `${path}: tegenstrijdige waarden van dezelfde datum ${when(win)}: ${all}; onbekend gelaten, vul zelf in.`));
    }
    return undefined;
  }
  for (const c of rest) {
    if (same(c.value, win.value)) {
      issues.push(issue('info', 'superseded', c.source.resource,
        `${path}: ${c.source.resource} (${when(c)}) gives the same value as ${win.source.resource} (${when(win)}).`,
        `${path}: ${c.source.resource} (${when(c)}) geeft dezelfde waarde als ${win.source.resource} (${when(win)}).`));
    } else {
      issues.push(issue('warning', 'conflict-overridden', c.source.resource,
        `${path}: ${show(c.value)} from ${c.source.resource} (${when(c)}) overridden by ${show(win.value)} from ${win.source.resource} (${when(win)}).`,
        `${path}: ${show(c.value)} uit ${c.source.resource} (${when(c)}) vervangen door ${show(win.value)} uit ${win.source.resource} (${when(win)}).`));
    }
  }
  return win;
}

/** What every resource reader gets: where to put values and issues, and the other resources for references. */
export interface Ctx {
  readonly draft: Draft;
  readonly issues: Issues;
  readonly index: ReadonlyMap<string, unknown>;
}
