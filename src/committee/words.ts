// Word and line diffs of two texts: longest common subsequence over tokens (texts are short; O(n·m) is fine).

export interface WordRun {
  readonly op: 'same' | 'added' | 'removed';
  readonly text: string;
}

const words = (s: string): string[] => s.split(/\s+/).filter((w) => w !== '');

export function wordDiff(before: string, after: string): WordRun[] {
  return runs(words(before), words(after), ' ');
}

/** One changed line of a code module: its number on its own side (1-based). */
export interface LineRun {
  readonly op: 'added' | 'removed';
  readonly line: number;
  readonly text: string;
}

/**
 * The added and removed lines of two texts (line ends normalised), at most `cap` of them; `more` counts the rest.
 * The common head and tail are cut before the LCS, so an edit in a long module stays cheap.
 */
export function lineDiff(before: string, after: string, cap = 40): { lines: LineRun[]; more: number } {
  const a = before.replace(/\r\n/g, '\n').split('\n');
  const b = after.replace(/\r\n/g, '\n').split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const out: LineRun[] = [];
  let i = head;
  let j = head;
  for (const r of runs(a.slice(head, a.length - tail), b.slice(head, b.length - tail), '\n')) {
    const xs = r.text.split('\n');
    if (r.op === 'same') { i += xs.length; j += xs.length; continue; }
    for (const text of xs) out.push(r.op === 'added' ? { op: 'added', line: ++j, text } : { op: 'removed', line: ++i, text });
  }
  return { lines: out.slice(0, cap), more: Math.max(0, out.length - cap) };
}

/** LCS runs of two token lists, adjacent tokens of one kind joined by `sep`. */
function runs(a: readonly string[], b: readonly string[], sep: string): WordRun[] {
  const n = a.length;
  const m = b.length;
  // lcs[i * (m + 1) + j] = LCS length of a[i..] and b[j..]
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = a[i] === b[j] ? lcs[(i + 1) * (m + 1) + j + 1]! + 1
        : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
    }
  }
  const out: WordRun[] = [];
  const push = (op: WordRun['op'], w: string): void => {
    const last = out[out.length - 1];
    if (last && last.op === op) out[out.length - 1] = { op, text: `${last.text}${sep}${w}` };
    else out.push({ op, text: w });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { push('same', a[i]!); i++; j++; }
    else if (i < n && (j === m || lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!)) { push('removed', a[i]!); i++; }
    else { push('added', b[j]!); j++; }
  }
  return out;
}
