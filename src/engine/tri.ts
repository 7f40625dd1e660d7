import type { Tri } from './types.js';

/** Kleene conjunction: false wins, then unknown. */
export function and(...xs: Tri[]): Tri {
  let unknown = false;
  for (const x of xs) {
    if (x === false) return false;
    if (x === null) unknown = true;
  }
  return unknown ? null : true;
}

/** Kleene disjunction: true wins, then unknown. */
export function or(...xs: Tri[]): Tri {
  let unknown = false;
  for (const x of xs) {
    if (x === true) return true;
    if (x === null) unknown = true;
  }
  return unknown ? null : false;
}

export function not(x: Tri): Tri {
  return x === null ? null : !x;
}

/** Tri from an optional value: unknown when undefined/null, else the test. */
export function known<T>(v: T | null | undefined, test: (v: T) => boolean): Tri {
  return v === undefined || v === null ? null : test(v);
}
