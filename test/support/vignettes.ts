import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Case } from '../../src/guideline/case-schema.js';

// Clinical vignettes as data: one JSON file per guideline section, written from the catalogue.

export interface Expect {
  scope?: 'in-scope' | 'out-of-scope' | 'unknown';
  certainty?: string | null;
  eanoType?: string | null;
  category?: 1 | 2 | 3 | null;
  include: string[];
  exclude: string[];
  missingFields?: string[];
  errorFields?: string[];
  /** Intervention codes some do/consider line proposes. */
  propose?: string[];
  /** Intervention codes some avoid line advises against. */
  against?: string[];
  /** Intervention codes no do/consider line may propose. */
  notProposed?: string[];
}

export interface Vignette {
  id: string;
  title: string;
  asOf?: string;
  case: Case;
  expect: Expect;
  file: string;
}

export const VIGNETTE_DIR = join(import.meta.dirname, '../vignettes');

export function loadVignettes(): Vignette[] {
  return readdirSync(VIGNETTE_DIR).filter((f) => f.endsWith('.json')).sort().flatMap((file) => {
    const data = JSON.parse(readFileSync(join(VIGNETTE_DIR, file), 'utf8')) as { vignettes: Omit<Vignette, 'file'>[] };
    return data.vignettes.map((v) => ({ ...v, file, expect: { ...v.expect, include: v.expect.include ?? [], exclude: v.expect.exclude ?? [] } }));
  });
}

/** The part of a result a vignette checks; the same shape comes from the library, the CLI and HTTP. */
export interface Observed {
  scope: string;
  certainty: string | null;
  eanoType: string | null;
  category: number | null;
  ids: string[];
  missingFields: string[];
  errorFields: string[];
  proposed: string[];
  against: string[];
}

interface ResultLike {
  scope: string;
  diagnosis: { certainty: string | null; eanoType: string | null };
  category: number | null;
  ids: readonly string[];
  missing: readonly { fields: readonly string[] }[];
  errors: readonly { fields: readonly string[] }[];
  recommendations: readonly { kind: string; interventions: readonly string[] }[];
}

export function observe(r: ResultLike): Observed {
  return {
    scope: r.scope,
    certainty: r.diagnosis.certainty,
    eanoType: r.diagnosis.eanoType,
    category: r.category,
    ids: [...r.ids],
    missingFields: r.missing.flatMap((m) => [...m.fields]),
    errorFields: r.errors.flatMap((e) => [...e.fields]),
    proposed: r.recommendations.filter((i) => i.kind === 'do' || i.kind === 'consider').flatMap((i) => [...i.interventions]),
    against: r.recommendations.filter((i) => i.kind === 'avoid').flatMap((i) => [...i.interventions]),
  };
}

/** Differences between what a vignette expects and what was observed; empty when it passes. */
export function check(v: Vignette, o: Observed): string[] {
  const e = v.expect;
  const diffs: string[] = [];
  const eq = (name: keyof Expect & keyof Observed, want: unknown): void => {
    if (want !== undefined && o[name] !== want) diffs.push(`${name}: expected ${JSON.stringify(want)}, got ${JSON.stringify(o[name])}`);
  };
  eq('scope', e.scope);
  eq('certainty', e.certainty);
  eq('eanoType', e.eanoType);
  eq('category', e.category);
  e.include.filter((id) => !o.ids.includes(id)).forEach((id) => diffs.push(`missing ID ${id}`));
  e.exclude.filter((id) => o.ids.includes(id)).forEach((id) => diffs.push(`unexpected ID ${id}`));
  (e.missingFields ?? []).filter((f) => !o.missingFields.includes(f)).forEach((f) => diffs.push(`not asked for ${f} (asked: ${o.missingFields.join(', ')})`));
  (e.errorFields ?? []).filter((f) => !o.errorFields.includes(f)).forEach((f) => diffs.push(`no error naming ${f}`));
  if (e.errorFields !== undefined && e.errorFields.length === 0 && o.errorFields.length) diffs.push(`unexpected input errors ${o.errorFields.join(', ')}`);
  (e.propose ?? []).filter((c) => !o.proposed.includes(c)).forEach((c) => diffs.push(`${c} not proposed`));
  (e.against ?? []).filter((c) => !o.against.includes(c)).forEach((c) => diffs.push(`${c} not advised against`));
  (e.notProposed ?? []).filter((c) => o.proposed.includes(c)).forEach((c) => diffs.push(`${c} proposed`));
  o.proposed.filter((c) => o.against.includes(c)).forEach((c) => diffs.push(`${c} both proposed and advised against`));
  return diffs;
}
