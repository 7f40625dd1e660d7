// The CDS Hooks 2.0 hook request, validated; and the FHIR resources it carries.
import { z } from 'zod';
import { badRequest } from '../errors.js';

const fhirAuthorization = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().nonnegative(),
  scope: z.string(),
  subject: z.string(),
  patient: z.string().optional(),
});

export const hookRequestSchema = z.looseObject({
  hook: z.string().min(1),
  hookInstance: z.string().min(1),
  fhirServer: z.url({ protocol: /^https?$/ }).optional(),
  fhirAuthorization: fhirAuthorization.optional(),
  context: z.looseObject({ patientId: z.string().min(1), userId: z.string().optional() }),
  prefetch: z.record(z.string(), z.unknown()).optional(),
});

export type HookRequest = z.infer<typeof hookRequestSchema>;

export function parseHookRequest(body: unknown, hook: string): HookRequest {
  const r = hookRequestSchema.safeParse(body);
  if (!r.success) {
    throw badRequest('Invalid CDS Hooks request', r.error.issues.map((i) => ({ field: i.path.join('.') || '(request)', message: i.message })));
  }
  if (r.data.hook !== hook) throw badRequest(`This service answers the ${hook} hook`, [{ field: 'hook', message: `expected ${hook}` }]);
  return r.data;
}

export interface Resource {
  readonly resourceType: string;
  readonly id?: string;
  readonly [key: string]: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isResource = (v: unknown): v is Resource => isObject(v) && typeof v.resourceType === 'string';

/** Every resource in a value that is a resource or a Bundle of them (Bundles are unpacked, nested ones too; junk entries skipped). */
export function resourcesIn(value: unknown): Resource[] {
  if (!isResource(value)) return [];
  if (value.resourceType !== 'Bundle') return [value];
  const entries = Array.isArray(value.entry) ? value.entry : [];
  return entries.flatMap((e) => (isObject(e) ? resourcesIn(e.resource) : []));
}

/** The resource's id when it is a string (anything else is ignored). */
export const idOf = (r: Resource): string => (typeof r.id === 'string' ? r.id : '');

export interface Coding { readonly system?: string; readonly code?: string; readonly display?: string }
export interface CodeableConcept { readonly coding: readonly Coding[]; readonly text?: string }

/**
 * A CodeableConcept read defensively: only string system/code/display/text and object codings are kept.
 * Whatever did not fit is named in problems (as paths under `path`), so the caller can report it.
 */
export function concept(value: unknown, path = '', problems: string[] = []): CodeableConcept | null {
  if (value === undefined || value === null) return null;
  if (!isObject(value)) { problems.push(path || '(concept)'); return null; }
  const str = (v: unknown, at: string): string | undefined => {
    if (v === undefined) return undefined;
    if (typeof v === 'string') return v;
    problems.push(at);
    return undefined;
  };
  const raw = value.coding;
  if (raw !== undefined && !Array.isArray(raw)) problems.push(`${path}.coding`);
  const coding = (Array.isArray(raw) ? raw : []).flatMap((x, i): Coding[] => {
    if (!isObject(x)) { problems.push(`${path}.coding[${i}]`); return []; }
    const system = str(x.system, `${path}.coding[${i}].system`);
    const code = str(x.code, `${path}.coding[${i}].code`);
    const display = str(x.display, `${path}.coding[${i}].display`);
    return [{ ...(system !== undefined ? { system } : {}), ...(code !== undefined ? { code } : {}), ...(display !== undefined ? { display } : {}) }];
  });
  const text = str(value.text, `${path}.text`);
  return { coding, ...(text !== undefined ? { text } : {}) };
}

/** The words of a CodeableConcept: its text and every coding's display. */
export function wordsOf(c: CodeableConcept | null): string {
  if (!c) return '';
  return [c.text ?? '', ...c.coding.map((x) => x.display ?? '')].join(' ');
}

export function hasCode(c: CodeableConcept | null, system: string, code: string): boolean {
  return !!c?.coding.some((x) => x.system === system && x.code === code);
}

/** The elements of an optional FHIR array that are objects; anything else is named in problems. */
export function objectsIn(value: unknown, path: string, problems: string[]): Record<string, unknown>[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) { problems.push(path); return []; }
  return value.flatMap((x, i) => (isObject(x) ? [x] : (problems.push(`${path}[${i}]`), [])));
}

export { isObject };
