import { Session } from 'node:inspector/promises';

// Where the time and the allocations go, from the V8 sampling profilers, per function (self).

interface CallFrame { functionName: string; url: string; lineNumber: number }
interface CpuNode { id: number; callFrame: CallFrame; hitCount?: number; children?: number[] }
interface HeapNode { callFrame: CallFrame; selfSize: number; children: HeapNode[] }

/** Self weight per function: samples (CPU) or bytes (heap). */
export type Weights = Map<string, number>;

const frameName = (f: CallFrame): string => {
  const file = f.url.replace(/^.*\/dist\//, '');
  return `${f.functionName || '(anonymous)'}${file ? ` ${file}:${f.lineNumber + 1}` : ''}`;
};

/** Builtins (no file) are named with their caller: `sort ← run src/engine/evaluate.js:19`. */
const label = (f: CallFrame, caller: string | undefined): string =>
  f.url || f.functionName.startsWith('(') || !caller ? frameName(f) : `${f.functionName || '(anonymous)'} ← ${caller}`;

const add = (m: Weights, k: string, w: number): void => void m.set(k, (m.get(k) ?? 0) + w);
const IGNORED = new Set(['(idle)', '(program)', '(root)']);

/** Runs `work` twice: once under the CPU profiler (100 µs), once under the sampling heap profiler. */
export async function profile(work: () => void): Promise<{ cpu: Weights; heap: Weights }> {
  const s = new Session();
  s.connect();
  await s.post('Profiler.enable');
  await s.post('Profiler.setSamplingInterval', { interval: 100 });
  await s.post('Profiler.start');
  work();
  const { profile: cpu } = await s.post('Profiler.stop');
  const nodes = cpu.nodes as CpuNode[];
  const parent = new Map<number, CpuNode>();
  for (const node of nodes) for (const c of node.children ?? []) parent.set(c, node);
  const time: Weights = new Map();
  for (const node of nodes) {
    const caller = parent.get(node.id);
    const k = label(node.callFrame, caller && frameName(caller.callFrame));
    if (!IGNORED.has(k)) add(time, k, node.hitCount ?? 0);
  }

  await s.post('HeapProfiler.enable');
  // Without the two include flags, objects that died young would not be counted.
  await s.post('HeapProfiler.startSampling', {
    samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true,
  } as { samplingInterval: number });
  work();
  const { profile: heap } = await s.post('HeapProfiler.stopSampling');
  const bytes: Weights = new Map();
  const walk = (node: HeapNode, caller?: string): void => {
    if (node.selfSize) add(bytes, label(node.callFrame, caller), node.selfSize);
    node.children.forEach((c) => walk(c, frameName(node.callFrame)));
  };
  walk(heap.head as HeapNode);
  s.disconnect();
  return { cpu: time, heap: bytes };
}

export type Hot = { where: string; share: number }[];

export function top(w: Weights, n: number): Hot {
  const total = [...w.values()].reduce((a, b) => a + b, 0);
  return [...w].sort((a, b) => b[1] - a[1]).slice(0, n).map(([where, x]) => ({ where, share: x / total }));
}

/** Part of the code a function belongs to (builtins count for their caller). */
export function area(where: string): string {
  if (where.startsWith('(garbage collector)')) return 'garbage collector';
  const file = /(?:src|bench)\/[\w/-]+\.js/.exec(where)?.[0];
  if (file === undefined) return 'other';
  if (file === 'src/guideline/evaluate.js') return 'result building: items, texts, ids (src/guideline/evaluate.ts)';
  if (file === 'src/guideline/facts.js') return 'derive (src/guideline/facts.ts)';
  if (file === 'src/guideline/checks.js') return 'checks (src/guideline/checks.ts)';
  if (file === 'src/guideline/predicates.js' || file === 'src/engine/tri.js') return 'predicates (src/guideline/predicates.ts, tri.ts)';
  if (file.startsWith('src/engine/')) return 'engine: tables, walks, conditions, trace, missing (src/engine/)';
  if (file.startsWith('bench/')) return 'benchmark loop';
  return file;
}

export function byArea(w: Weights): Hot {
  const out: Weights = new Map();
  for (const [k, x] of w) add(out, area(k), x);
  return top(out, out.size);
}
