// Untrusted JSON text in (a case file, a request body): one iterative pass over the raw text before JSON.parse
// refuses nesting deeper than a limit (no recursion over hostile input anywhere after) and, where asked, duplicate
// object keys (JSON.parse would silently keep the last: {"kps":75,"kps":80} is 80). A UTF-8 byte-order mark is
// dropped. Pure: used by the CLI and the HTTP service alike.
import type { Text } from '../engine/types.js';

/** Largest case file (CLI) or request body (HTTP) read, bytes, unless configured otherwise. */
export const DEFAULT_BODY_LIMIT_BYTES = 1_048_576;
/** Deepest nesting of arrays and objects accepted. */
export const MAX_JSON_DEPTH = 64;

export type JsonProblem = 'syntax' | 'too-deep' | 'duplicate-key';

export class JsonInputError extends Error {
  constructor(
    readonly problem: JsonProblem,
    readonly text: Text,
    /** The offending member for duplicate-key, as a case path (e.g. performance.kps). */
    readonly field: string | null = null,
  ) {
    super(text.en);
    this.name = 'JsonInputError';
  }
}

/** A file or stream larger than the limit: refused before it is read in full. */
export class InputTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Input exceeds ${limit} bytes`);
    this.name = 'InputTooLargeError';
  }
}

export interface JsonOptions {
  readonly maxDepth?: number;
  /** Refuse objects that name a key twice. */
  readonly rejectDuplicateKeys?: boolean;
}

type Frame = { obj: true; keys: Set<string>; expectKey: boolean; key: string } | { obj: false; index: number };

function pathOf(stack: readonly Frame[], key: string): string {
  let out = '';
  for (let i = 0; i < stack.length - 1; i++) {
    const f = stack[i]!;
    out = f.obj ? (out ? `${out}.${f.key}` : f.key) : `${out}[${f.index}]`;
  }
  return out ? `${out}.${key}` : key;
}

/** The end of the string starting at text[start] === '"' (index of its closing quote), or -1. */
function stringEnd(text: string, start: number): number {
  let j = start + 1;
  for (;;) {
    const k = text.indexOf('"', j);
    if (k === -1) return -1;
    let backslashes = 0;
    for (let b = k - 1; b > start && text.charCodeAt(b) === 92; b--) backslashes++;
    if (backslashes % 2 === 0) return k;
    j = k + 1;
  }
}

/** Checks nesting depth (and duplicate keys) without recursion; malformed text is left to JSON.parse to report. */
export function scanJson(text: string, options: JsonOptions = {}): void {
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  const dupes = options.rejectDuplicateKeys ?? false;
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) { // "
      const end = stringEnd(text, i);
      if (end === -1) return;
      const top = stack[stack.length - 1];
      if (dupes && top?.obj && top.expectKey) {
        let key: string;
        // A key without escapes is its own text; JSON.parse only for the rare escaped one.
        const raw = text.slice(i + 1, end);
        if (raw.indexOf('\\') === -1) key = raw;
        else try { key = JSON.parse(text.slice(i, end + 1)) as string; } catch { return; }
        if (top.keys.has(key)) {
          const field = pathOf(stack, key);
          throw new JsonInputError('duplicate-key', { nl: `${field}: sleutel staat er twee keer in`, en: `${field}: key given twice` }, field);
        }
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = end;
    } else if (ch === 123 || ch === 91) { // { [
      if (stack.length >= maxDepth) {
        throw new JsonInputError('too-deep', { nl: `JSON dieper genest dan ${maxDepth} niveaus`, en: `JSON nested deeper than ${maxDepth} levels` });
      }
      stack.push(ch === 123 ? { obj: true, keys: new Set(), expectKey: true, key: '' } : { obj: false, index: 0 });
    } else if (ch === 125 || ch === 93) { // } ]
      stack.pop();
    } else if (ch === 44) { // ,
      const top = stack[stack.length - 1];
      if (top?.obj) top.expectKey = true;
      else if (top) top.index++;
    }
  }
}

/** BOM dropped, depth (and duplicate keys) checked, then JSON.parse. Throws JsonInputError. */
export function parseJsonText(text: string, options: JsonOptions = {}): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  scanJson(body, options);
  try {
    return JSON.parse(body) as unknown;
  } catch (e) {
    const detail = e instanceof Error ? e.message : '';
    throw new JsonInputError('syntax', { nl: `Geen geldige JSON (${detail})`, en: `Not valid JSON (${detail})` });
  }
}
