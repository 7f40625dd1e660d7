import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RunDefaults } from '../committee/bundled.js';
import type { Change } from '../committee/diff.js';
import { createImpact, type Evaluator, type ImpactReport, type ImpactState } from '../committee/impact.js';
import { itemOfLine, ndjsonLines, type CaseInput } from './cases.js';
import { evaluatorOf, importBuilt, labelOf, loadSide, SideError, type LoadedSide } from './revision.js';

// Runs an impact: JSON cases in this thread, NDJSON streamed, over worker threads when more than one is asked for.

/** How a worker finds a side again: the knowledge file, or the directory the side was built into. */
export type SideRef = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'built'; readonly dir: string; readonly label: string };
export interface WorkerData {
  readonly base: SideRef; readonly head: SideRef; readonly defaults: RunDefaults; readonly changes: readonly Change[]; readonly keep: number;
}
export type WorkerMessage = { kind: 'lines'; file: string; seq: number; lines: { line: number; text: string }[] } | { kind: 'done' };
type FromWorker = { kind: 'ready' } | { kind: 'ack' } | { kind: 'state'; state: ImpactState };

/** Default workers: one per core but one, which reads and parses the input (at least 1: this thread alone). */
export const defaultWorkers = (): number => Math.max(1, availableParallelism() - 1);

export const refOf = (s: LoadedSide): SideRef => (s.built ? { kind: 'built', dir: s.built, label: s.spec } : { kind: 'file', path: s.spec });

export async function sideEvaluator(ref: SideRef, defaults: RunDefaults): Promise<Evaluator> {
  if (ref.kind === 'built') return evaluatorOf(await importBuilt(ref.dir, labelOf(ref.label)), defaults);
  const side = await loadSide(ref.path, defaults);
  if (!side.evaluate) throw new SideError({ nl: `${ref.path} is niet uitvoerbaar`, en: `${ref.path} cannot be run` });
  return side.evaluate;
}

const BATCH = 256;

export async function runImpact(base: LoadedSide, head: LoadedSide, input: CaseInput, options: {
  readonly workers: number; readonly defaults: RunDefaults; readonly changes: readonly Change[]; readonly keep: number;
}): Promise<ImpactReport> {
  const acc = createImpact(base.evaluate!, head.evaluate!, options.changes, options.keep);
  for (const item of input.items) acc.add(item);
  let seq = input.items.length;
  if (options.workers <= 1 || input.ndjson.length === 0) {
    for (const file of input.ndjson) {
      for await (const l of ndjsonLines(file)) acc.add(itemOfLine(file, l.line, l.text, options.defaults.asOf), seq++);
    }
    return acc.finish();
  }
  const data: WorkerData = { base: refOf(base), head: refOf(head), changes: options.changes, keep: options.keep, defaults: options.defaults };
  const url = new URL('./impact-worker.js', import.meta.url);
  const pool = Array.from({ length: options.workers }, () => new Worker(url, { workerData: data }));
  const pending = pool.map(() => 0);
  const states: ImpactState[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  const ready = pool.map((w, i) => new Promise<void>((resolve, reject) => {
    w.on('message', (m: FromWorker) => {
      if (m.kind === 'ready') resolve();
      else if (m.kind === 'ack') pending[i]!--;
      else { states.push(m.state); void w.terminate(); }
      wake?.();
    });
    w.on('error', (e) => { failure = e; reject(e); wake?.(); });
  }));
  await Promise.all(ready);
  const waitFor = async (ok: () => boolean): Promise<void> => {
    while (!ok()) {
      if (failure) throw failure;
      await new Promise<void>((r) => { wake = r; });
      wake = null;
    }
    if (failure) throw failure;
  };
  const send = async (file: string, lines: { line: number; text: string }[]): Promise<void> => {
    await waitFor(() => pending.some((p) => p < 4));
    const i = pending.indexOf(Math.min(...pending));
    pending[i]!++;
    pool[i]!.postMessage({ kind: 'lines', file, seq, lines } satisfies WorkerMessage);
    seq += lines.length;
  };
  for (const file of input.ndjson) {
    let batch: { line: number; text: string }[] = [];
    for await (const l of ndjsonLines(file)) {
      batch.push(l);
      if (batch.length === BATCH) { await send(file, batch); batch = []; }
    }
    if (batch.length) await send(file, batch);
  }
  for (const w of pool) w.postMessage({ kind: 'done' } satisfies WorkerMessage);
  await waitFor(() => states.length === pool.length);
  for (const s of states) acc.merge(s);
  return acc.finish();
}
