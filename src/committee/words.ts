// Word diff of two texts: longest common subsequence over words (texts are short; O(n·m) is fine).

export interface WordRun {
  readonly op: 'same' | 'added' | 'removed';
  readonly text: string;
}

const words = (s: string): string[] => s.split(/\s+/).filter((w) => w !== '');

export function wordDiff(before: string, after: string): WordRun[] {
  const a = words(before);
  const b = words(after);
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
    if (last && last.op === op) out[out.length - 1] = { op, text: `${last.text} ${w}` };
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
