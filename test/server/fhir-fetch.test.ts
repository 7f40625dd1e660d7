// Prefetch missing: the service queries the EHR's FHIR server (a real @medplum/fhir-router server on 127.0.0.1).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Bundle } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFhirServer, type FhirServer } from '../support/fhir-server.js';
import { fhirServerRefusal, isSpecialAddress } from '../../src/server/cds/fhir-policy.js';
import { parseIssuers } from '../../src/server/config.js';
import { harness, json, keyPair, PUBLIC_URL, testConfig, token, type Harness } from './support.js';

const nsclc = JSON.parse(readFileSync(join(__dirname, '../fhir/bundles/nsclc-egfr.json'), 'utf8')) as Bundle;
const TOKEN = 'ehr-access-token-1';

describe('patient-view without prefetch', () => {
  let fhir: FhirServer;
  let h: Harness;
  beforeAll(async () => {
    fhir = await startFhirServer({ bundles: [nsclc], token: TOKEN });
    // The test FHIR server is on 127.0.0.1 over http: allowed only as configured for development.
    h = await harness('server', testConfig({ network: { allowInsecure: true, fhirServers: [fhir.url] } }));
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

  describe('SSRF: the bearer token goes only to allow-listed FHIR servers, never to loopback or private addresses', () => {
    /** A server that records every request (and its Authorization header); optionally redirects to `to`. */
    const trap = async (to?: string): Promise<{ url: string; hits: string[]; stop: () => Promise<void> }> => {
      const hits: string[] = [];
      const server = createServer((req, res) => {
        hits.push(`${req.url} ${req.headers.authorization ?? ''}`);
        if (to) res.writeHead(302, { location: `${to}${req.url}` }).end();
        else res.writeHead(200, { 'content-type': 'application/fhir+json' }).end('{"resourceType":"Bundle","type":"searchset","entry":[]}');
      });
      await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
      return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, stop: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }) };
    };
    const call = async (hh: Harness, fhirServer: string, headers: Record<string, string> = {}): Promise<Response> =>
      hh.client.request('/cds-services/leptoguide-patient-view', json(request(TOKEN, fhirServer), headers));

    it('refuses a fhirServer that is not on the allow-list, without contacting it', async () => {
      const t = await trap();
      const r = await call(h, t.url);
      expect(r.status).toBe(412);
      expect(await r.json()).toMatchObject({ message: expect.stringMatching(/not allow-listed/) });
      expect(h.logs.at(-1)).toMatchObject({ status: 412, reason: 'fhir-server-refused' });
      expect(t.hits).toEqual([]);
      await t.stop();
    });

    it('does not follow redirects (the token never reaches the redirect target)', async () => {
      const target = await trap();
      const redirector = await trap(target.url);
      const hh = await harness('app.request', testConfig({ network: { allowInsecure: true, fhirServers: [redirector.url] } }));
      const r = await call(hh, redirector.url);
      expect(r.status).toBe(412);
      expect(await r.json()).toMatchObject({ message: expect.stringMatching(/redirect/) });
      expect(redirector.hits.length).toBeGreaterThan(0);
      expect(target.hits).toEqual([]);
      await Promise.all([target.stop(), redirector.stop()]);
    });

    it('outside development: https only, and no loopback or private address even when allow-listed', async () => {
      const t = await trap();
      const hh = await harness('app.request', testConfig({ network: { allowInsecure: false, fhirServers: [t.url, 'https://127.0.0.1:1', 'https://localhost:1/fhir', 'https://10.1.2.3/fhir'] } }));
      expect(await (await call(hh, t.url)).json()).toMatchObject({ message: expect.stringMatching(/must be https/) });
      for (const u of ['https://127.0.0.1:1', 'https://localhost:1/fhir', 'https://10.1.2.3/fhir/r4']) {
        const r = await call(hh, u);
        expect(r.status, u).toBe(412);
        expect(await r.json()).toMatchObject({ message: expect.stringMatching(/loopback or private/) });
      }
      expect(t.hits).toEqual([]);
      await t.stop();
    });

    it('with auth on, the allow-list is the calling issuer\'s own', async () => {
      const key = await keyPair('ES384', 'k1');
      const jwksFile = join(mkdtempSync(join(tmpdir(), 'lg-jwks-')), 'jwks.json');
      writeFileSync(jwksFile, JSON.stringify({ keys: [key.jwk] }));
      const issuers = parseIssuers(JSON.stringify({
        'https://ehr.test': { jwks: jwksFile, fhirServers: [fhir.url] },
        'https://other.test': jwksFile,
      }), { allowInsecure: true });
      const hh = await harness('server', testConfig({ auth: { enabled: true, issuers, maxTokenAgeSeconds: 300, clockToleranceSeconds: 5 }, network: { allowInsecure: true, fhirServers: [] } }));
      const aud = `${PUBLIC_URL}/cds-services/leptoguide-patient-view`;
      const ok = await call(hh, fhir.url, { Authorization: `Bearer ${await token(key, { aud })}` });
      expect(ok.status).toBe(200);
      const refused = await call(hh, fhir.url, { Authorization: `Bearer ${await token(key, { aud, iss: 'https://other.test' })}` });
      expect(refused.status).toBe(412);
      await hh.client.close();
    });
  });
});

describe('fhirServer policy', () => {
  it('knows the special address ranges', () => {
    for (const a of ['127.0.0.1', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '[::1]']) {
      expect(isSpecialAddress(a), a).toBe(true);
    }
    for (const a of ['8.8.8.8', '145.100.1.1', '2a00:1450:4001::1']) expect(isSpecialAddress(a), a).toBe(false);
  });
  it('matches the allow-list by origin and path prefix, and checks what a name resolves to', async () => {
    const policy = { allowed: ['https://ehr.example/fhir'], allowInsecure: false, resolve: async (h: string) => (h === 'ehr.example' ? ['145.100.1.1'] : ['10.0.0.8']) };
    expect(await fhirServerRefusal('https://ehr.example/fhir', policy)).toBeNull();
    expect(await fhirServerRefusal('https://ehr.example/fhir/r4/', policy)).toBeNull();
    expect(await fhirServerRefusal('https://ehr.example/fhirx', policy)).toMatch(/not allow-listed/);
    expect(await fhirServerRefusal('https://ehr.example.evil/fhir', policy)).toMatch(/not allow-listed/);
    expect(await fhirServerRefusal('https://user:pw@ehr.example/fhir', policy)).toMatch(/credentials/);
    expect(await fhirServerRefusal('https://rebind.example/fhir', { ...policy, allowed: ['https://rebind.example/fhir'] })).toMatch(/loopback or private/);
  });
});
