// One contract suite for every endpoint, run in process (app.request) and against a real server on 127.0.0.1.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUIREMENTS } from '../../src/index.js';
import { harness, json, testConfig, type Harness } from './support.js';

const example = (name: string): string => readFileSync(join(__dirname, '../../docs/examples', name), 'utf8');
const CASE_2 = example('2-nsclc-egfr-poor-performance.json');
const PATIENT_VIEW = JSON.parse(example('cds-patient-view.json')) as Record<string, unknown>;
const ORDER_SIGN = JSON.parse(example('cds-order-sign.json')) as Record<string, unknown>;

describe.each(['app.request', 'server'] as const)('HTTP contract via %s', (mode) => {
  let h: Harness;
  const req = (p: string, init?: RequestInit): Promise<Response> => h.client.request(p, init);
  beforeAll(async () => { h = await harness(mode); });
  afterAll(async () => { await h.client.close(); });

  it('GET /health', async () => {
    const r = await req('/health');
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ status: 'ok', guideline: '2022-09' });
  });

  it('GET /api/openapi.json is OpenAPI 3.1 with the case schema from zod', async () => {
    const doc = await (await req('/api/openapi.json')).json() as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, { properties?: object }> } };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/evaluate', '/api/guideline', '/api/flowchart/{file}', '/health', '/cds-services', '/cds-services/{id}', '/cds-services/{id}/feedback']));
    expect(Object.keys(doc.components.schemas.Case!.properties!)).toContain('primaryTumour');
    expect(Object.keys(doc.components.schemas.HookRequest!.properties!)).toEqual(expect.arrayContaining(['hook', 'hookInstance', 'context', 'prefetch']));
  });

  it('POST /api/evaluate returns the localized result', async () => {
    const r = await req('/api/evaluate?lang=en', json(CASE_2));
    expect(r.status).toBe(200);
    const body = await r.json() as { scope: string; category: number; diagnosis: { certainty: string }; recommendations: { text: unknown; ids: string[] }[]; ids: string[] };
    expect(body).toMatchObject({ scope: 'in-scope', category: 3, diagnosis: { certainty: 'probable', eanoType: 'IIA' } });
    expect(typeof body.recommendations[0]!.text).toBe('string');
    expect(body.ids).toContain('TX-NO-INTRATHECAL');
  });

  it('?asOf= sets the evaluation date; the case assessmentDate wins', async () => {
    const noDate = JSON.stringify({ ...JSON.parse(CASE_2) as object, assessmentDate: undefined });
    expect(((await (await req('/api/evaluate?asOf=2027-02-01', json(noDate))).json()) as { asOf: string }).asOf).toBe('2027-02-01');
    expect(((await (await req('/api/evaluate?asOf=2027-02-01', json(CASE_2))).json()) as { asOf: string }).asOf).toBe('2026-11-20');
    const bad = await req('/api/evaluate?asOf=yesterday', json(CASE_2));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ fields: [{ field: 'asOf' }] });
  });

  it('400 names the field, in the chosen language', async () => {
    const nl = await req('/api/evaluate', json({ performance: { kps: 75 } }));
    expect(nl.status).toBe(400);
    const bodyNl = await nl.json() as { error: string; fields: { field: string; message: string }[] };
    expect(bodyNl.error).toBe('bad-request');
    expect(bodyNl.fields[0]!.field).toBe('performance.kps');
    const en = await (await req('/api/evaluate?lang=en', json({ performance: { kps: 75 } }))).json() as typeof bodyNl;
    expect(en.fields[0]!.message).not.toBe(bodyNl.fields[0]!.message);
    expect((await req('/api/evaluate', json({ tumour: 'x' }))).status).toBe(400);
    expect((await req('/api/evaluate?lang=de', json({}))).status).toBe(400);
    expect((await req('/api/evaluate', json('{"primaryTumour":'))).status).toBe(400);
  });

  it('415 for non-JSON, 413 over the body limit', async () => {
    const r415 = await req('/api/evaluate', { method: 'POST', body: 'primaryTumour=breast', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(r415.status).toBe(415);
    expect(await r415.json()).toMatchObject({ error: 'unsupported-media-type' });
    const big = JSON.stringify({ primaryTumour: 'breast', pad: 'x'.repeat(200_000) });
    const r413 = await req('/api/evaluate', json(big));
    expect(r413.status).toBe(413);
    expect(await r413.json()).toMatchObject({ error: 'payload-too-large' });
    const chunk = new TextEncoder().encode(`"${'x'.repeat(10_000)}"`);
    const stream = new ReadableStream<Uint8Array>({ start(ctrl) { for (let i = 0; i < 30; i++) ctrl.enqueue(chunk); ctrl.close(); } });
    const chunked = await req('/api/evaluate', { method: 'POST', body: stream, headers: { 'Content-Type': 'application/json' }, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('404 as JSON for unknown routes', async () => {
    const r = await req('/api/nothing');
    expect(r.status).toBe(404);
    expect(await r.json()).toMatchObject({ error: 'not-found' });
  });

  it('GET /api/guideline: the knowledge as data, by section', async () => {
    const all = await (await req('/api/guideline')).json() as { requirements: unknown[]; rules: { id: string }[]; flowcharts: unknown[]; tables: unknown[] };
    expect(all.requirements).toHaveLength(REQUIREMENTS.length);
    expect(all.rules.length).toBeGreaterThan(20);
    expect(all.flowcharts).toHaveLength(2);
    const en = await (await req('/api/guideline?lang=en')).json() as { guideline: { title: unknown } };
    expect(en.guideline.title).toBe('Guideline leptomeningeal metastases of solid tumours');
    const rt = await (await req(`/api/guideline?section=${encodeURIComponent('Radiotherapie')}`)).json() as { requirements: { id: string }[] };
    expect(rt.requirements.map((r) => r.id)).toContain('TX-WBRT-AVOID');
    expect((await req('/api/guideline?section=Nowhere')).status).toBe(404);
  });

  it('GET and POST /api/flowchart/{chart}.svg', async () => {
    const plain = await req('/api/flowchart/treatment.svg?lang=en');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const svg = await plain.text();
    expect(svg.startsWith('<svg')).toBe(true);
    const withPath = await (await req('/api/flowchart/treatment.svg?lang=en', json(CASE_2))).text();
    expect(withPath).not.toBe(svg);
    expect((await req('/api/flowchart/diagnostic.svg')).status).toBe(200);
    expect((await req('/api/flowchart/other.svg')).status).toBe(404);
  });

  it('security headers: CSP without inline scripts', async () => {
    const r = await req('/health');
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-request-id')).toBeTruthy();
    expect((await req('/api/evaluate', json(CASE_2))).headers.get('cache-control')).toBe('no-store');
  });

  it('every kind of response carries the security headers: results, errors, not found, SVG, discovery', async () => {
    const cases: [string, RequestInit | undefined, number, boolean][] = [
      ['/api/evaluate', json(CASE_2), 200, true],
      ['/api/evaluate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"kps":' }, 400, true],
      ['/api/evaluate', json('{"performance":{"kps":75}}'), 400, true],
      ['/api/flowchart/diagnostic.svg', undefined, 200, true],
      ['/api/flowchart/other.svg', undefined, 404, true],
      ['/cds-services', undefined, 200, true],
      ['/no-such-page', undefined, 404, false],
      ['/health', undefined, 200, false],
    ];
    for (const [path, init, status, noStore] of cases) {
      const r = await req(path, init);
      expect(r.status, path).toBe(status);
      expect(r.headers.get('content-security-policy'), path).toContain("default-src 'self'");
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(r.headers.get('referrer-policy'), path).toBe('no-referrer');
      if (noStore) expect(r.headers.get('cache-control'), path).toBe('no-store');
      expect((await r.text()).length, path).toBeGreaterThan(0);
    }
  });

  it('answers CORS preflights with Authorization allowed', async () => {
    const r = await req('/cds-services/leptoguide-patient-view', {
      method: 'OPTIONS',
      headers: { Origin: 'https://ehr.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(r.headers.get('access-control-allow-methods')).toContain('POST');
    const get = await req('/cds-services', { headers: { Origin: 'https://ehr.example' } });
    expect(get.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('GET /cds-services: discovery with prefetch templates', async () => {
    const d = await (await req('/cds-services')).json() as { services: { hook: string; id: string; description: string; prefetch: Record<string, string> }[] };
    expect(d.services.map((s) => s.hook)).toEqual(['patient-view', 'order-sign', 'order-select']);
    for (const s of d.services) {
      expect(s.id).toMatch(/^[\w-]+$/);
      expect(s.description.length).toBeGreaterThan(10);
      expect(s.prefetch.patient).toBe('Patient/{{context.patientId}}');
    }
  });

  it('patient-view: the example request gives one card', async () => {
    const r = await req('/cds-services/leptoguide-patient-view', json(PATIENT_VIEW));
    expect(r.status).toBe(200);
    const { cards } = await r.json() as { cards: { summary: string; indicator: string; links: { type: string }[] }[] };
    expect(cards).toHaveLength(1);
    expect(cards[0]!.summary).toMatch(/^LM probable/);
    expect(cards[0]!.links[0]!.type).toBe('smart');
  });

  it('order-sign: warns on intrathecal chemotherapy and whole-brain RT in NSCLC', async () => {
    const { cards } = await (await req('/cds-services/leptoguide-order-sign', json(ORDER_SIGN))).json() as { cards: { summary: string; indicator: string }[] };
    expect(cards.map((c) => c.summary)).toEqual([expect.stringContaining('TX-NO-INTRATHECAL'), expect.stringContaining('TX-WBRT-AVOID')]);
    expect(cards.every((c) => c.indicator === 'warning')).toBe(true);
  });

  it('412 without prefetch and without fhirServer; 404 unknown service; 400 wrong hook', async () => {
    const { prefetch: _p, fhirServer: _f, ...bare } = PATIENT_VIEW;
    const r = await req('/cds-services/leptoguide-patient-view', json(bare));
    expect(r.status).toBe(412);
    expect((await req('/cds-services/nope', json(PATIENT_VIEW))).status).toBe(404);
    expect((await req('/cds-services/leptoguide-order-sign', json(PATIENT_VIEW))).status).toBe(400);
    const noContext = await req('/cds-services/leptoguide-patient-view', json({ hook: 'patient-view', hookInstance: 'x' }));
    expect(noContext.status).toBe(400);
    expect(await noContext.json()).toMatchObject({ fields: [{ field: 'context' }] });
  });

  it('feedback is stored', async () => {
    const { cards } = await (await req('/cds-services/leptoguide-order-sign', json(ORDER_SIGN))).json() as { cards: { uuid: string; overrideReasons: unknown[] }[] };
    const fb = {
      feedback: [{
        card: cards[0]!.uuid, outcome: 'overridden', outcomeTimestamp: '2026-11-26T10:00:00Z',
        overrideReason: { reason: cards[0]!.overrideReasons[0], userComment: 'Patient J. Jansen insists' },
      }],
    };
    const r = await req('/cds-services/leptoguide-order-sign/feedback', json(fb));
    expect(r.status).toBe(200);
    const stored = await h.deps.feedback.listFeedback();
    expect(stored.at(-1)).toMatchObject({ cardUuid: cards[0]!.uuid, outcome: 'overridden', overrideReason: { code: 'mdo-decision' }, guidelineVersion: '2022-09' });
    expect(JSON.stringify(stored)).not.toContain('Jansen');
    expect((await req('/cds-services/leptoguide-order-sign/feedback', json({ feedback: [{ card: 'x', outcome: 'maybe' }] }))).status).toBe(400);
  });

  it('logs one line per request: id, route pattern, status, duration; never patient data', async () => {
    const before = h.logs.length;
    await req('/api/evaluate?lang=en&asOf=2026-11-26', json(CASE_2));
    await req('/cds-services/leptoguide-patient-view', json(PATIENT_VIEW));
    const lines = h.logs.slice(before);
    expect(lines.map((l) => l.route)).toEqual(['/api/evaluate', '/cds-services/:id']);
    for (const l of lines) expect(Object.keys(l).sort()).toEqual(['method', 'ms', 'requestId', 'route', 'status']);
    const text = JSON.stringify(h.logs);
    for (const secret of ['nsclc', 'egfr', 'kps', '2026-11-20', 'asOf', 'lang=', 'leptoguide-patient-view', 'Jansen']) expect(text).not.toContain(secret);
  });
});

describe('errors and the web app', () => {
  it('an internal error is a 500 without a stack trace', async () => {
    const h = await harness('app.request', testConfig(), {
      fhir: { prefetchTemplates: () => ({}), mapFhir: () => { throw new Error('boom at secret.ts:1'); } },
    });
    const r = await h.client.request('/cds-services/leptoguide-patient-view', json(PATIENT_VIEW));
    expect(r.status).toBe(500);
    const text = await r.text();
    expect(JSON.parse(text)).toEqual({ error: 'internal', message: 'Internal error' });
    expect(text).not.toMatch(/boom|\.ts|at /);
  });

  it('serves the built web app from WEB_DIR, or says it is not built', async () => {
    const none = await harness('app.request', testConfig({ webDir: null }));
    const page = await none.client.request('/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('not built');
    const dir = mkdtempSync(join(tmpdir(), 'lg-web-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>LeptoGuide web</title>');
    const web = await harness('app.request', testConfig({ webDir: dir }));
    expect(await (await web.client.request('/')).text()).toContain('LeptoGuide web');
    expect((await web.client.request('/api/nothing')).status).toBe(404);
  });
});
