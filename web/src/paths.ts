// Immutable get/set/delete on plain JSON by the core's field paths: `performance.kps`, `lumbarPunctures[1].cytology`.
export type Draft = Record<string, unknown>;

export function splitPath(path: string): (string | number)[] {
  return path.split(/\.|\[|\]/).filter((k) => k !== '').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
}

export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const k of splitPath(path)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

function isEmptyObject(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0;
}

function update(obj: unknown, keys: readonly (string | number)[], value: unknown, remove: boolean): unknown {
  const [k, ...rest] = keys;
  if (k === undefined) return value;
  const base: unknown = obj ?? (typeof k === 'number' ? [] : {});
  if (Array.isArray(base)) {
    const copy = [...base];
    if (rest.length === 0 && remove) copy.splice(Number(k), 1);
    else copy[Number(k)] = update(copy[Number(k)], rest, value, remove);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  const key = String(k);
  if (rest.length === 0 && remove) delete copy[key];
  else {
    const child = update(copy[key], rest, value, remove);
    if (remove && isEmptyObject(child)) delete copy[key];
    else copy[key] = child;
  }
  return copy;
}

export function setPath(obj: Draft, path: string, value: unknown): Draft {
  return update(obj, splitPath(path), value, false) as Draft;
}

/** Removes the field; empty parent objects go too (an empty list stays: it means "none"). */
export function deletePath(obj: Draft, path: string): Draft {
  if (getPath(obj, path) === undefined) return obj;
  return update(obj, splitPath(path), undefined, true) as Draft;
}
