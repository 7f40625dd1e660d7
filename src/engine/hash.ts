// Content hash of declarations (functions by their source), so any change to the knowledge changes it.
// Streams the value into two FNV-1a lanes without building a serialised copy. A function hashes exactly as
// `{ $fn: source }` and an undefined property as an absent one, so an exported knowledge file (JSON) has the
// hash of the model it came from.

class Fnv {
  a = 0x811c9dc5;
  b = 0x01234567;
  feed(s: string): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193);
    }
    this.a = a;
    this.b = b;
  }
  digest(): string {
    return (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0');
  }
}

function walk(v: unknown, h: Fnv, seen: Set<object>): void {
  switch (typeof v) {
    case 'string': h.feed('"'); h.feed(v); h.feed('"'); return;
    case 'number': case 'boolean': case 'bigint': h.feed(String(v)); return;
    case 'function': h.feed('{$fn:"'); h.feed(v.toString()); h.feed('",}'); return;
    case 'undefined': h.feed('u'); return;
  }
  if (v === null || typeof v !== 'object') { h.feed('n'); return; }
  if (seen.has(v)) { h.feed('^'); return; }
  seen.add(v);
  if (Array.isArray(v)) {
    h.feed('[');
    for (const x of v) { walk(x === undefined ? null : x, h, seen); h.feed(','); }
    h.feed(']');
  } else {
    h.feed('{');
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x === undefined) continue;
      h.feed(k); h.feed(':'); walk(x, h, seen); h.feed(',');
    }
    h.feed('}');
  }
  seen.delete(v);
}

/** 64-bit hex digest (two FNV-1a lanes); not cryptographic, only a change detector. */
export function contentHash(value: unknown): string {
  const h = new Fnv();
  walk(value, h, new Set());
  return h.digest();
}
