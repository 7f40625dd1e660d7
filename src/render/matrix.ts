import type { Model } from '../engine/types.js';
import type { Requirement } from '../guideline/requirements.js';

// Traceability: requirement ID → declarations that implement it → vignettes that expect it.

export interface VignetteRef {
  readonly id: string;
  readonly file: string;
  readonly include: readonly string[];
}

export interface MatrixRow {
  readonly id: string;
  readonly section: string;
  readonly rules: readonly string[];
  readonly tests: readonly string[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function traceability(model: Model<any, any, any>, requirements: readonly Requirement[], vignettes: readonly VignetteRef[]): MatrixRow[] {
  const rulesFor = (id: string): string[] => [
    ...model.rules.filter((r) => r.ids.includes(id)).map((r) => r.id),
    ...model.tables.flatMap((t) => t.rows.filter((row) => row.ids.includes(id)).map((row) => row.id)),
  ];
  return requirements.map((req) => ({
    id: req.id,
    section: req.section,
    rules: rulesFor(req.id),
    tests: vignettes.filter((v) => v.include.includes(req.id)).map((v) => `${v.file}#${v.id}`),
  }));
}

export function matrixGaps(rows: readonly MatrixRow[]): string[] {
  return rows.flatMap((r) => [
    ...(r.rules.length ? [] : [`${r.id}: no rule`]),
    ...(r.tests.length ? [] : [`${r.id}: no vignette`]),
  ]);
}

export function matrixToMarkdown(rows: readonly MatrixRow[], labels: { id: string; section: string; rules: string; tests: string; gap: string }): string {
  const head = `| ${labels.id} | ${labels.section} | ${labels.rules} | ${labels.tests} |\n|---|---|---|---|`;
  const body = rows.map((r) => `| ${r.id} | ${r.section} | ${r.rules.join(', ') || labels.gap} | ${r.tests.length ? `${r.tests.length}: ${r.tests.slice(0, 3).join(', ')}${r.tests.length > 3 ? ', …' : ''}` : labels.gap} |`);
  return [head, ...body].join('\n') + '\n';
}
