// The CDS card's appContext (`{"case": …, "asOf": …}`, src/server/cds/patient-view.ts), as the EHR hands it to the app
// in the SMART token response (CDS Hooks 2.0, Link.appContext): the app opens on that case.
import { parseCase, type Case } from '../../../src/index.js';
import type { FieldSource } from '../state.js';
import { getPath } from '../paths.js';

export interface CardContext {
  readonly case: Case;
  /** The card's evaluation date, YYYY-MM-DD, when it named one. */
  readonly asOf?: string;
}

/** null: no appContext; 'invalid': one that is not a LeptoGuide case (reported, not used). */
export function cardContext(tokenResponse: unknown): CardContext | null | 'invalid' {
  const raw = (tokenResponse as { appContext?: unknown } | null | undefined)?.appContext;
  if (raw === undefined || raw === null || raw === '') return null;
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try { value = JSON.parse(raw); } catch { return 'invalid'; }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'invalid';
  const v = value as { case?: unknown; asOf?: unknown };
  const parsed = parseCase(v.case);
  if (!parsed.ok) return 'invalid';
  const asOf = typeof v.asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.asOf) ? v.asOf : undefined;
  return asOf ? { case: parsed.case, asOf } : { case: parsed.case };
}

/** Leaf paths of a case as the form names them (lists of values whole, lumbar punctures by index). */
function leaves(value: unknown, path: string, out: string[]): string[] {
  if (Array.isArray(value)) {
    if (value.some((x) => x && typeof x === 'object')) value.forEach((x, i) => leaves(x, `${path}[${i}]`, out));
    else out.push(path);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
  } else if (path) out.push(path);
  return out;
}

/**
 * The sources to show with the card's case: a field keeps the record's source when the record gives the same value;
 * any other field is attributed to the CDS card.
 */
export function cardSources(ctx: CardContext, mapped: Readonly<Record<string, FieldSource>>, mappedCase: unknown): Record<string, FieldSource> {
  const card: FieldSource = { resource: 'CDS Hooks card', ...(ctx.asOf ? { date: ctx.asOf } : {}) };
  const out: Record<string, FieldSource> = {};
  const same = (p: string): boolean => JSON.stringify(getPath(ctx.case, p)) === JSON.stringify(getPath(mappedCase, p));
  for (const [p, s] of Object.entries(mapped)) if (getPath(ctx.case, p) !== undefined && same(p)) out[p] = s;
  for (const p of leaves(ctx.case, '', [])) out[p] ??= card;
  return out;
}
