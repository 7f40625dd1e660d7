import type { z } from 'zod';
import type { Lang, Text } from '../engine/types.js';
import { caseSchema, type Case } from './case-schema.js';
import { schemaMessage } from '../i18n/schema-messages.js';

export interface FieldError {
  /** JSON path of the offending field, e.g. performance.kps or lumbarPunctures[1].cytology. */
  readonly field: string;
  readonly code: string;
  readonly message: Text;
}

export type ParseResult = { readonly ok: true; readonly case: Case } | { readonly ok: false; readonly errors: readonly FieldError[] };

export function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '');
}

/** Validates unknown input against the case schema; errors name the field in both languages. */
export function parseCase(input: unknown): ParseResult {
  const r = caseSchema.safeParse(input, { reportInput: true });
  if (r.success) return { ok: true, case: r.data };
  return { ok: false, errors: r.error.issues.flatMap(toErrors) };
}

function toErrors(issue: z.core.$ZodIssue): FieldError[] {
  const base = pathOf(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => ({ field: base ? `${base}.${k}` : k, code: issue.code, message: schemaMessage(issue) }));
  }
  return [{ field: base || '(case)', code: issue.code, message: schemaMessage(issue) }];
}

export function messageIn(e: FieldError, lang: Lang): string {
  return `${e.field}: ${e.message[lang]}`;
}
