// The real FHIR server (Medplum's router, in memory, over HTTP): searches from the prefetch templates, then the mapping.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapFhir, prefetchTemplates } from '../../src/fhir/index.js';
import { resolvePrefetch } from '../../src/server/cds/prefetch.js';
import type { HookRequest } from '../../src/server/cds/request.js';
import { startFhirServer, type FhirServer } from '../support/fhir-server.js';
import { AS_OF, bundleNames, loadBundle } from './support.js';

let server: FhirServer;
const TOKEN = 'test-token';

beforeAll(async () => {
  server = await startFhirServer({ bundles: bundleNames().map(loadBundle), token: TOKEN });
});
afterAll(async () => {
  await server?.stop();
});

const auth = { headers: { Accept: 'application/fhir+json', Authorization: `Bearer ${TOKEN}` } };
const patientOf = (name: string): string => loadBundle(name).entry!.find((e) => e.resource?.resourceType === 'Patient')!.resource!.id!;

async function fetchPrefetch(patientId: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [key, template] of Object.entries(prefetchTemplates())) {
    const res = await fetch(`${server.url}/${template.replaceAll('{{context.patientId}}', encodeURIComponent(patientId))}`, auth);
    expect(res.status, key).toBe(200);
    out[key] = await res.json();
  }
  return out;
}

describe('FHIR server', () => {
  it('answers /metadata with an R4 CapabilityStatement and refuses requests without the token', async () => {
    const meta = await (await fetch(`${server.url}/metadata`)).json() as { resourceType: string; fhirVersion: string };
    expect(meta).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' });
    expect((await fetch(`${server.url}/Patient/breast-her2`)).status).toBe(401);
    expect((await fetch(`${server.url}/Patient/breast-her2`, auth)).status).toBe(200);
    expect((await fetch(`${server.url}/Patient/nobody`, auth)).status).toBe(404);
  });

  it('the observation search only returns the codes the mapping reads', async () => {
    const p = await fetchPrefetch('junk');
    const codes = ((p.observations as { entry?: { resource: { id: string } }[] }).entry ?? []).map((e) => e.resource.id);
    expect(codes).toContain('junk-kps-4');
    expect(codes).not.toContain('junk-glucose-serum-2');
    expect(codes).not.toContain('junk-other-patient');
  });

  it.each(bundleNames().filter((n) => n !== 'junk'))('%s: fetched by the prefetch templates maps like the bundle itself', async (name) => {
    const viaServer = mapFhir(await fetchPrefetch(patientOf(name)), { asOf: AS_OF });
    const direct = mapFhir(loadBundle(name), { asOf: AS_OF });
    expect(viaServer.case).toEqual(direct.case);
    expect(viaServer.sources).toEqual(direct.sources);
  });

  it("the CDS service's fhirServer fetch path (resolvePrefetch) gets the same record", async () => {
    const req = {
      hook: 'patient-view', hookInstance: 'x', fhirServer: server.url, context: { patientId: 'nsclc-egfr' },
      fhirAuthorization: { access_token: TOKEN, token_type: 'Bearer', expires_in: 300, scope: 'patient/*.read', subject: 'cds' },
    } as HookRequest;
    const data = await resolvePrefetch(req, prefetchTemplates(), (input, init) => fetch(input, init), { allowed: [server.url], allowInsecure: true });
    expect(mapFhir(data, { asOf: AS_OF }).case).toEqual(mapFhir(loadBundle('nsclc-egfr'), { asOf: AS_OF }).case);
  });
});
