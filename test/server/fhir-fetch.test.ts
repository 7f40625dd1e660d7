// Prefetch missing: the service queries the EHR's FHIR server (a real @medplum/fhir-router server on 127.0.0.1).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFhirServer, type FhirServer } from '../support/fhir-server.js';
import { harness, json, type Harness } from './support.js';

const nsclc = JSON.parse(readFileSync(join(__dirname, '../fhir/bundles/nsclc-egfr.json'), 'utf8')) as Bundle;
const TOKEN = 'ehr-access-token-1';

describe('patient-view without prefetch', () => {
  let fhir: FhirServer;
  let h: Harness;
  beforeAll(async () => {
    fhir = await startFhirServer({ bundles: [nsclc], token: TOKEN });
    h = await harness('server');
  });
  afterAll(async () => { await h.client.close(); await fhir.stop(); });

  const request = (token: string, fhirServer = fhir.url): object => ({
    hook: 'patient-view', hookInstance: crypto.randomUUID(), fhirServer,
    fhirAuthorization: { access_token: token, token_type: 'Bearer', expires_in: 300, scope: 'patient/*.read', subject: 'leptoguide' },
    context: { userId: 'Practitioner/neuro-1', patientId: 'nsclc-egfr' },
  });

  it('fetches every prefetch template from fhirServer with the bearer token and returns the card', async () => {
    const before = fhir.requests.length;
    const r = await h.client.request('/cds-services/leptoguide-patient-view', json(request(TOKEN)));
    expect(r.status).toBe(200);
    const { cards } = await r.json() as { cards: { summary: string }[] };
    expect(cards).toHaveLength(1);
    expect(cards[0]!.summary).toMatch(/^LM probable/);
    const asked = fhir.requests.slice(before);
    expect(asked).toEqual(expect.arrayContaining([expect.stringMatching(/^GET \/Patient\/nsclc-egfr$/), expect.stringMatching(/^GET \/Condition\?patient=nsclc-egfr/)]));
  });

  it('a partial prefetch is completed from the server', async () => {
    const patient = nsclc.entry!.find((e) => e.resource?.resourceType === 'Patient')!.resource;
    const before = fhir.requests.length;
    const r = await h.client.request('/cds-services/leptoguide-patient-view', json({ ...request(TOKEN), prefetch: { patient } }));
    expect(r.status).toBe(200);
    expect(fhir.requests.slice(before).some((q) => q.startsWith('GET /Patient/'))).toBe(false);
  });

  it('412 when the FHIR server refuses (wrong token) or cannot be reached', async () => {
    expect((await h.client.request('/cds-services/leptoguide-patient-view', json(request('wrong')))).status).toBe(412);
    const gone = await startFhirServer();
    const url = gone.url;
    await gone.stop();
    expect((await h.client.request('/cds-services/leptoguide-patient-view', json(request(TOKEN, url)))).status).toBe(412);
  });
});
