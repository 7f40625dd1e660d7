// Prefetch: use what the EHR sent; fetch what is missing from fhirServer; 412 when neither works.
import { preconditionFailed } from '../errors.js';
import { fhirServerRefusal, type FhirPolicy } from './fhir-policy.js';
import type { HookRequest } from './request.js';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** Fills a prefetch template's {{context.x}} tokens; null when one cannot be filled. */
export function fillTemplate(template: string, context: Readonly<Record<string, unknown>>): string | null {
  let ok = true;
  const out = template.replace(/\{\{\s*context\.(\w+)\s*\}\}/g, (_m, key: string) => {
    const v = context[key];
    if (typeof v !== 'string' && typeof v !== 'number') { ok = false; return ''; }
    return encodeURIComponent(String(v));
  });
  return ok && !/\{\{/.test(out) ? out : null;
}

/**
 * The prefetch data for every template key. A key the EHR sent as null means "no such data".
 * What is missing is fetched from fhirServer only when the policy allows that server; redirects are not followed.
 */
export async function resolvePrefetch(
  req: HookRequest, templates: Readonly<Record<string, string>>, fetchFn: Fetch, policy: FhirPolicy,
): Promise<Record<string, unknown>> {
  const data: Record<string, unknown> = { ...(req.prefetch ?? {}) };
  const missing = Object.keys(templates).filter((k) => !(k in data));
  if (!missing.length) return data;
  if (!req.fhirServer) throw preconditionFailed(`Prefetch missing (${missing.join(', ')}) and no fhirServer to fetch it from`);
  const refusal = await fhirServerRefusal(req.fhirServer, policy);
  if (refusal) throw preconditionFailed(`Prefetch missing and ${refusal}`, 'fhir-server-refused');
  const base = req.fhirServer.replace(/\/+$/, '');
  const headers: Record<string, string> = { Accept: 'application/fhir+json' };
  if (req.fhirAuthorization) headers.Authorization = `Bearer ${req.fhirAuthorization.access_token}`;
  await Promise.all(missing.map(async (key) => {
    const query = fillTemplate(templates[key]!, req.context);
    if (query === null) throw preconditionFailed(`Cannot fill prefetch template ${key} from the hook context`);
    let res: Response;
    try {
      res = await fetchFn(`${base}/${query}`, { headers, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    } catch {
      throw preconditionFailed(`FHIR server unreachable for ${key}`, 'fhir-unreachable');
    }
    if ((res.status >= 300 && res.status < 400) || res.type === 'opaqueredirect') {
      throw preconditionFailed(`FHIR server answered a redirect for ${key} (not followed)`, 'fhir-redirect');
    }
    if (res.status === 404) { data[key] = null; return; }
    if (!res.ok) throw preconditionFailed(`FHIR server answered ${res.status} for ${key}`);
    data[key] = await res.json().catch(() => { throw preconditionFailed(`FHIR server sent no JSON for ${key}`); });
  }));
  return data;
}
