// Untrusted JSON text (src/input/json.ts): depth refused before parsing, duplicate keys named, BOM dropped, linear time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonInputError, MAX_JSON_DEPTH, parseJsonText, scanJson } from '../../src/input/json.js';

const nested = (n: number): string => `${'['.repeat(n)}${']'.repeat(n)}`;
const problem = (f: () => unknown): JsonInputError => {
  try { f(); } catch (e) { if (e instanceof JsonInputError) return e; throw e; }
  throw new Error('no error');
};

describe('parseJsonText', () => {
  it('accepts nesting up to the limit and refuses deeper, before JSON.parse (20,000 levels: no stack overflow)', () => {
    expect(parseJsonText(nested(MAX_JSON_DEPTH))).toBeInstanceOf(Array);
    expect(problem(() => parseJsonText(nested(MAX_JSON_DEPTH + 1))).problem).toBe('too-deep');
    const deep = `{"prefetch":{"x":${nested(20_000)}}}`;
    expect(problem(() => parseJsonText(deep)).problem).toBe('too-deep');
    expect(problem(() => parseJsonText('{"a":'.repeat(10_000))).problem).toBe('too-deep');
  });

  it('brackets and quotes inside strings do not count', () => {
    expect(parseJsonText(`{"a":"${'['.repeat(1000)}\\"{{{"}`)).toEqual({ a: `${'['.repeat(1000)}"{{{` });
    expect(parseJsonText('{"a\\\\":1,"b":"\\\\"}')).toEqual({ 'a\\': 1, b: '\\' });
  });

  it('names a duplicate key by its path, when asked; escapes count as the same key', () => {
    const opts = { rejectDuplicateKeys: true };
    expect(problem(() => parseJsonText('{"performance":{"kps":75,"kps":80}}', opts))).toMatchObject({ problem: 'duplicate-key', field: 'performance.kps' });
    expect(problem(() => parseJsonText('{"lumbarPunctures":[{"date":"x"},{"cytology":"a","cytology":"b"}]}', opts)).field).toBe('lumbarPunctures[1].cytology');
    expect(problem(() => parseJsonText('{"kps":1,"\\u006bps":2}', opts)).field).toBe('kps');
    expect(problem(() => parseJsonText('{"a":{"b":1},"a":2}', opts)).field).toBe('a');
    const e = problem(() => parseJsonText('{"kps":1,"kps":2}', opts));
    expect(e.text.nl).toContain('kps');
    expect(e.text.en).toContain('kps');
    // The same key in sibling objects is fine; without the option duplicates pass (JSON.parse keeps the last).
    expect(parseJsonText('[{"a":1},{"a":2}]', opts)).toEqual([{ a: 1 }, { a: 2 }]);
    expect(parseJsonText('{"a":{"a":1}}', opts)).toEqual({ a: { a: 1 } });
    expect(parseJsonText('{"kps":75,"kps":80}')).toEqual({ kps: 80 });
  });

  it('finds a duplicate exactly when two keys of one object decode to the same string (escaped or not)', () => {
    // Keys from a small alphabet, some written with \\u escapes, so duplicates are frequent and sometimes disguised.
    const spelled = fc.constantFrom(['a', '"a"'], ['a', '"\\u0061"'], ['b', '"b"'], ['b"', '"b\\""'], ['kps', '"kps"'], ['kps', '"k\\u0070s"']);
    const object = fc.array(fc.tuple(spelled, fc.constantFrom('1', '"x"', '[]', '{"a":1}', '"a\\"b"')), { maxLength: 6 });
    fc.assert(fc.property(fc.array(object, { minLength: 1, maxLength: 3 }), (objects) => {
      const text = `[${objects.map((o) => `{${o.map(([[, k], v]) => `${k}:${v}`).join(',')}}`).join(',')}]`;
      const dup = objects.some((o) => new Set(o.map(([[k]]) => k)).size < o.length);
      let found = false;
      try { scanJson(text, { rejectDuplicateKeys: true }); } catch (e) { if (e instanceof JsonInputError && e.problem === 'duplicate-key') found = true; else throw e; }
      expect(found).toBe(dup);
    }), { numRuns: 2000 });
  });

  it('drops a UTF-8 byte-order mark; reports syntax errors', () => {
    expect(parseJsonText('\uFEFF{"a":1}')).toEqual({ a: 1 });
    expect(problem(() => parseJsonText('{"a":')).problem).toBe('syntax');
    expect(problem(() => parseJsonText('"unterminated')).problem).toBe('syntax');
  });

  it('scans a 1 MB body in well under a second', () => {
    const big = JSON.stringify({ entry: Array.from({ length: 10_000 }, (_, i) => ({ resource: { id: `r${i}`, text: 'x'.repeat(60), n: [1, 2, { a: 'b' }] } })) });
    const t0 = performance.now();
    scanJson(big, { rejectDuplicateKeys: true });
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
