// Revision page state: the two knowledge files, the chosen cases, the diff (computed) and the impact (evaluated in
// slices so the page stays responsive; a newer choice cancels a running one). Nothing leaves the browser.
import { computed, effect, signal } from '@preact/signals';
import { createImpact, diffKnowledge, type ImpactReport } from '../../../src/index.js';
import { today } from '../state.js';
import { loadCaseFiles, type CaseLoad } from './cases.js';
import { bundledKnowledgeText, readKnowledge, type KnowledgeLoad } from './knowledge.js';

export type Side = 'base' | 'head';
export const knowledge = { base: signal<KnowledgeLoad | null>(null), head: signal<KnowledgeLoad | null>(null) };
export const cases = signal<(CaseLoad & { skipped: number; files: number }) | null>(null);

export async function chooseKnowledge(side: Side, file: File): Promise<void> {
  knowledge[side].value = readKnowledge(file.name, await file.text());
}

/** The knowledge this app carries, as the base (no file needed). */
export function takeBundled(side: Side, name: string): void {
  knowledge[side].value = readKnowledge(name, bundledKnowledgeText());
}

export async function chooseCases(files: readonly File[]): Promise<void> {
  cases.value = await loadCaseFiles(files);
}

const loaded = (side: Side) => {
  const k = knowledge[side].value;
  return k?.ok ? k.k : null;
};

export const diff = computed(() => {
  const a = loaded('base');
  const b = loaded('head');
  return a && b ? diffKnowledge(a.file, b.file) : null;
});

export type ImpactState =
  | { readonly state: 'idle' }
  | { readonly state: 'unavailable' }
  | { readonly state: 'running'; readonly done: number; readonly n: number }
  | { readonly state: 'done'; readonly report: ImpactReport };
export const impact = signal<ImpactState>({ state: 'idle' });

const SLICE = 50;
let generation = 0;

effect(() => {
  const a = loaded('base');
  const b = loaded('head');
  const d = diff.value;
  const list = cases.value?.cases ?? [];
  const run = ++generation;
  if (!a || !b || !d || list.length === 0) { impact.value = { state: 'idle' }; return; }
  const base = a.evaluate;
  const head = b.evaluate;
  if (!base || !head) { impact.value = { state: 'unavailable' }; return; }
  const acc = createImpact(base, head, d.changes);
  const date = today();
  let i = 0;
  const step = (): void => {
    if (run !== generation) return;
    for (const end = Math.min(list.length, i + SLICE); i < end; i++) {
      const c = list[i]!;
      acc.add({ name: c.name, case: c.case, asOf: c.asOf ?? date });
    }
    if (i < list.length) {
      impact.value = { state: 'running', done: i, n: list.length };
      setTimeout(step, 0);
    } else impact.value = { state: 'done', report: acc.finish() };
  };
  impact.value = { state: 'running', done: 0, n: list.length };
  setTimeout(step, 0);
});
