// SMART App Launch end to end in Chromium: the built web app served by the service as `npm start` runs it
// (node dist/src/server/main.js with WEB_DIR, its CSP allowing SMART_ORIGINS), the real FHIR test server and an
// authorization server started here (authorization code + PKCE S256), ending at a form pre-filled from the record with
// each value's source; from a CDS card's SMART link (appContext) it opens on the card's case.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFhirServer, type FhirServer } from '../support/fhir-server.js';
import { bundleNames, loadBundle } from '../fhir/support.js';
import { startService, type Service } from '../support/service.js';
import { launch, setField } from './support.js';

interface AuthRequest { readonly query: Record<string, string>; token?: Record<string, string> }

const TOKEN = randomBytes(16).toString('hex');
const PATIENT = 'breast-her2';
let dir: string;
let web: { url: string };
let service: Service;
/** The same service without SMART_ORIGINS: its CSP blocks the EHR (the defect of issue 11). */
let closed: Service;
let fhirV1: FhirServer;
/** launch id → the appContext the EHR hands the app in the token response (CDS Hooks Link.appContext). */
const appContexts = new Map<string, string>();
let auth: Server;
let authUrl: string;
let fhir: FhirServer;
let browser: Browser;
const seen: AuthRequest[] = [];
const codes = new Map<string, Record<string, string>>();

async function form(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}

/** A minimal SMART authorization server: /authorize approves at once, /token checks the PKCE verifier. */
function startAuth(): Promise<void> {
  auth = createServer((req, res) => {
    const url = new URL(req.url ?? '/', authUrl);
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type, authorization', 'access-control-allow-methods': 'POST, OPTIONS' };
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    if (url.pathname === '/authorize') {
      const query = Object.fromEntries(url.searchParams);
      seen.push({ query });
      const code = randomBytes(8).toString('hex');
      codes.set(code, query);
      const back = new URL(query.redirect_uri ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', query.state ?? '');
      return void res.writeHead(302, { location: back.href }).end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      void form(req).then((body) => {
        const query = codes.get(body.code ?? '');
        seen.at(-1)!.token ??= body;
        const challenge = createHash('sha256').update(body.code_verifier ?? '').digest('base64url');
        const ok = query && body.grant_type === 'authorization_code' && body.redirect_uri === query.redirect_uri
          && (query.code_challenge_method !== 'S256' || challenge === query.code_challenge);
        if (!ok) return void res.writeHead(400, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify({ error: 'invalid_grant' }));
        const appContext = appContexts.get(query.launch ?? '');
        res.writeHead(200, { ...cors, 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify({
          access_token: TOKEN, token_type: 'Bearer', expires_in: 3600, scope: query.scope, patient: PATIENT, ...(appContext ? { appContext } : {}),
        }));
      });
      return;
    }
    res.writeHead(404).end();
  });
  return new Promise((ok) => auth.listen(0, '127.0.0.1', () => {
    authUrl = `http://127.0.0.1:${(auth.address() as AddressInfo).port}`;
    ok();
  }));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'leptoguide-web-'));
  await build({ configFile: join(import.meta.dirname, '../../web/vite.config.ts'), logLevel: 'error', build: { outDir: dir, emptyOutDir: true } });
  await startAuth();
  const smart = { authorize: `${authUrl}/authorize`, token: `${authUrl}/token` };
  fhir = await startFhirServer({ bundles: bundleNames().map(loadBundle), smart, token: TOKEN });
  fhirV1 = await startFhirServer({ bundles: bundleNames().map(loadBundle), smart: { ...smart, v1Only: true }, token: TOKEN });
  const env = { WEB_DIR: dir, LEPTOGUIDE_AUTH: 'off', SQLITE_PATH: ':memory:', CDS_LANG: 'en' };
  [service, closed] = await Promise.all([
    startService({ ...env, SMART_ORIGINS: `${fhir.url} ${fhirV1.url} ${authUrl}`, FHIR_SERVERS: fhir.url, ALLOW_INSECURE_NETWORK: 'on' }),
    startService(env),
  ]);
  web = { url: `${service.url}/` };
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await fhir?.stop();
  await fhirV1?.stop();
  auth?.close();
  await service?.stop();
  await closed?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function prefilled(page: Page): Promise<void> {
  await page.locator('[data-testid="smart-banner"][data-state="done"]').waitFor({ timeout: 20_000 });
}
const badge = (page: Page, path: string) => page.locator(`[data-source="${path}"]`).textContent();

describe('SMART App Launch', () => {
  it('EHR launch (iss + launch) with PKCE S256 ends at a pre-filled form that shows the source of each value', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${web.url}launch.html?iss=${encodeURIComponent(fhir.url)}&launch=xyz`);
    await prefilled(page);
    const q = seen.at(-1)!.query;
    expect(q).toMatchObject({ response_type: 'code', client_id: 'leptoguide', launch: 'xyz', aud: fhir.url, code_challenge_method: 'S256' });
    expect(q.scope?.split(' ')).toEqual(expect.arrayContaining(['launch', 'openid', 'fhirUser', 'patient/*.rs']));
    expect(seen.at(-1)!.token?.code_verifier).toBeTruthy();

    expect(await page.locator('[data-testid="smart-patient"]').textContent()).toBe(PATIENT);
    expect(await badge(page, 'performance.kps')).toContain('Observation/breast-her2-kps-7');
    expect(await badge(page, 'performance.kps')).toContain('2026-11-20');
    expect(await badge(page, 'primaryTumour')).toContain('Condition/breast-her2-primary-1');
    expect(await badge(page, 'markers.her2')).toContain('http://loinc.org|48676-1');
    expect(await page.locator('[data-field="performance.kps"] select').inputValue()).toBe('80');
    expect(await page.locator('[data-field="primaryTumour"] select').inputValue()).toBe('breast');
    // The reported conflicts (older KPS values overridden) are listed with the banner.
    expect(await page.locator('[data-testid="smart-issues"] li[data-code="conflict-overridden"]').count()).toBe(2);
    // Read only: nothing but GETs (and CORS preflights) reached the FHIR server, all with the token.
    expect(fhir.requests.filter((r) => !/^(GET|OPTIONS) /.test(r))).toEqual([]);
    expect(errors).toEqual([]);

    if (process.env.SMART_SHOT) await page.screenshot({ path: process.env.SMART_SHOT, fullPage: true });
    // The user can correct a pre-filled value; its source badge then goes.
    await setField(page, 'performance.kps', 60);
    expect(await page.locator('[data-source="performance.kps"]').count()).toBe(0);
    await page.close();
  });

  it('standalone launch (iss only) asks for a patient and requires PKCE S256', async () => {
    const page = await browser.newPage();
    await page.goto(`${web.url}launch.html?iss=${encodeURIComponent(fhir.url)}`);
    await prefilled(page);
    const q = seen.at(-1)!.query;
    expect(q.launch).toBeUndefined();
    expect(q.code_challenge_method).toBe('S256');
    expect(q.scope?.split(' ')).toContain('launch/patient');
    expect(Number(await page.locator('[data-testid="smart-filled"]').textContent())).toBeGreaterThan(10);
    await page.close();
  });

  it('SMART 1.0 server (no permission-v2): asks for patient/*.read', async () => {
    const page = await browser.newPage();
    await page.goto(`${web.url}launch.html?iss=${encodeURIComponent(fhirV1.url)}&launch=v1`);
    await prefilled(page);
    const scope = seen.at(-1)!.query.scope?.split(' ') ?? [];
    expect(scope).toContain('patient/*.read');
    expect(scope).not.toContain('patient/*.rs');
    await page.close();
  });

  it('the CDS card\'s SMART link opens the app on the card\'s case and date (appContext); judgements are marked, not defaulted', async () => {
    const hook = await fetch(`${service.url}/cds-services/leptoguide-patient-view`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        hook: 'patient-view', hookInstance: randomBytes(8).toString('hex'), fhirServer: fhir.url,
        fhirAuthorization: { access_token: TOKEN, token_type: 'Bearer', expires_in: 300, scope: 'patient/*.read', subject: 'leptoguide' },
        context: { patientId: PATIENT, userId: 'Practitioner/1' },
      }),
    });
    expect(hook.status).toBe(200);
    const [card] = (await hook.json() as { cards: { links: { url: string; appContext: string }[] }[] }).cards;
    const link = card!.links[0]!;
    expect(link.url).toMatch(/\/launch\.html$/);
    const ctx = JSON.parse(link.appContext) as { case: { performance?: { kps?: number } }; asOf: string };
    // The card's case, changed here so that opening on it (not on a fresh read of the record) is visible.
    appContexts.set('card-1', JSON.stringify({ ...ctx, case: { ...ctx.case, performance: { ...ctx.case.performance, kps: 90 } }, asOf: '2026-11-26' }));
    const page = await browser.newPage();
    await page.goto(`${web.url}launch.html?iss=${encodeURIComponent(fhir.url)}&launch=card-1`);
    await prefilled(page);
    expect(await page.locator('[data-testid="smart-context"]').textContent()).toContain('2026-11-26');
    expect(await page.locator('[data-field="performance.kps"] select').inputValue()).toBe('90');
    expect(await badge(page, 'performance.kps')).toContain('CDS Hooks card');
    // Values the record gives alike keep the record's source.
    expect(await badge(page, 'primaryTumour')).toContain('Condition/breast-her2-primary-1');
    expect(await page.locator('[data-testid="result"]').textContent()).toContain('2026-11-26');
    for (const f of ['severeEncephalopathy', 'severeNeurologicalDeficit', 'resistanceToTherapy', 'systemicDisease.status']) {
      expect(await page.locator(`[data-judge="${f}"]`).count(), f).toBe(1);
    }
    await setField(page, 'severeEncephalopathy', false);
    expect(await page.locator('[data-judge="severeEncephalopathy"]').count()).toBe(0);
    await page.close();
  });

  it('without SMART_ORIGINS the service\'s CSP blocks the EHR: the launch fails (what SMART_ORIGINS is for)', async () => {
    const page = await browser.newPage();
    await page.goto(`${closed.url}/launch.html?iss=${encodeURIComponent(fhir.url)}&launch=xyz`);
    await page.locator('#status', { hasText: /fail|mislukt/i }).waitFor({ timeout: 15_000 });
    await page.close();
  });

  it('launch.html without iss shows the standalone form', async () => {
    const page = await browser.newPage();
    await page.goto(`${web.url}launch.html`);
    await page.locator('#standalone input').waitFor({ state: 'visible' });
    await page.close();
  });
});
