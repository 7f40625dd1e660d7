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

const isResource = (v: unknown): v is Resource => !!v && typeof v === 'object' && typeof (v as Resource).resourceType === 'string';

/** Every resource in a value that is a resource or a Bundle of them (Bundles are unpacked, nested ones too). */
export function resourcesIn(value: unknown): Resource[] {
  if (!isResource(value)) return [];
  if (value.resourceType !== 'Bundle') return [value];
  const entries = Array.isArray(value.entry) ? (value.entry as { resource?: unknown }[]) : [];
  return entries.flatMap((e) => resourcesIn(e.resource));
}

export interface Coding { readonly system?: string; readonly code?: string; readonly display?: string }
export interface CodeableConcept { readonly coding?: readonly Coding[]; readonly text?: string }

export function concept(value: unknown): CodeableConcept | null {
  return value && typeof value === 'object' ? (value as CodeableConcept) : null;
}

/** The words of a CodeableConcept: its text and every coding's display. */
export function wordsOf(c: CodeableConcept | null): string {
  if (!c) return '';
  return [c.text ?? '', ...(c.coding ?? []).map((x) => x.display ?? '')].join(' ');
}

export function hasCode(c: CodeableConcept | null, system: string, code: string): boolean {
  return !!c?.coding?.some((x) => x.system === system && x.code === code);
}
