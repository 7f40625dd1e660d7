// Hostile and malformed input to the HTTP service: each answered with a clear 4xx (or the valid part still evaluated),
// never a 500, a hang or a silenced warning. Run in process and against a real server on 127.0.0.1.
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, json, testConfig, type Harness } from './support.js';

type Obj = Record<string, unknown>;
const example = (name: string): string => readFileSync(join(__dirname, '../../docs/examples', name), 'utf8');
const ORDER_SIGN = JSON.parse(example('cds-order-sign.json')) as Obj;
const CASE_2 = example('2-nsclc-egfr-poor-performance.json');
const PATIENT_VIEW = JSON.parse(example('cds-patient-view.json')) as Obj;
const nested = (n: number): string => `${'['.repeat(n)}${']'.repeat(n)}`;

/** The order-sign example with extra draft orders appended to its Bundle. */
function withOrders(...extra: unknown[]): Obj {
  const ctx = ORDER_SIGN.context as Obj;
  const bundle = ctx.draftOrders as { entry: unknown[] };
  return { ...ORDER_SIGN, context: { ...ctx, draftOrders: { ...bundle, entry: [...extra.map((resource) => ({ resource })), ...bundle.entry] } } };
}

describe.each(['app.request', 'server'] as const)('hostile input via %s', (mode) => {
  let h: Harness;
  const req = (p: string, init?: RequestInit): Promise<Response> => h.client.request(p, init);
  beforeAll(async () => { h = await harness(mode); });
  afterAll(async () => { await h.client.close(); });

  describe('malformed draft orders never silence the warnings for the valid ones', () => {
    const bad: [string, unknown][] = [
      ['coding [null]', { resourceType: 'MedicationRequest', id: 'bad-1', medicationCodeableConcept: { coding: [null] }, dosageInstruction: [{ route: { coding: [null] } }] }],
      ['coding as a string', { resourceType: 'MedicationRequest', id: 'bad-2', medicationCodeableConcept: { coding: 'methotrexate' } }],
      ['dosageInstruction [null]', { resourceType: 'MedicationRequest', id: 'bad-3', dosageInstruction: [null] }],
      ['code as a number', { resourceType: 'ServiceRequest', id: 'bad-4', code: 42 }],
      ['display as an object', { resourceType: 'ServiceRequest', id: 'bad-5', code: { coding: [{ display: { x: 1 } }], text: ['whole brain'] } }],
      ['medicationReference as a string', { resourceType: 'MedicationRequest', id: 'bad-6', medicationReference: 'Medication/x' }],
    ];
    for (const [name, order] of bad) {
      it(name, async () => {
        const r = await req('/cds-services/leptoguide-order-sign', json(withOrders(order)));
        expect(r.status).toBe(200);
        const { cards } = await r.json() as { cards: { summary: string; indicator: string; detail: string }[] };
        expect(cards.map((c) => c.summary)).toEqual([
          expect.stringContaining('TX-NO-INTRATHECAL'), expect.stringContaining('TX-WBRT-AVOID'), expect.stringMatching(/could not fully check 1 order/),
        ]);
        const report = cards[2]!;
        expect(report.indicator).toBe('info');
        expect(report.detail).toContain(`/${(order as { id: string }).id}:`);
      });
    }

    it('null entries, a non-string id and junk in the Bundle', async () => {
      const body = withOrders({ resourceType: 'MedicationRequest', id: { x: 1 }, dosageInstruction: 'intrathecal' });
      ((body.context as Obj).draftOrders as { entry: unknown[] }).entry.push(null, 7, { resource: null }, { resource: { resourceType: 5 } });
      const r = await req('/cds-services/leptoguide-order-sign', json(body));
      expect(r.status).toBe(200);
      const { cards } = await r.json() as { cards: { summary: string }[] };
      expect(cards).toHaveLength(3);
    });

    it('order-select with a malformed selected order', async () => {
      const body = withOrders({ resourceType: 'MedicationRequest', id: 'bad-sel', dosageInstruction: [null, { route: 'intrathecal' }] });
      const ctx = body.context as Obj;
      const r = await req('/cds-services/leptoguide-order-select', json({ ...body, hook: 'order-select', context: { ...ctx, selections: ['MedicationRequest/bad-sel', 'MedicationRequest/draft-it-mtx'] } }));
      expect(r.status).toBe(200);
      const { cards } = await r.json() as { cards: { summary: string }[] };
      expect(cards.map((c) => c.summary)).toEqual([expect.stringContaining('TX-NO-INTRATHECAL'), expect.stringMatching(/could not fully check 1 order/)]);
    });
  });

  it('impossible evaluation dates are refused: ?asOf=2026-02-30 is 400 naming asOf', async () => {
    for (const asOf of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-1-10', 'garbage']) {
      const r = await req(`/api/evaluate?asOf=${asOf}`, json(CASE_2));
      expect(r.status, asOf).toBe(400);
      expect(await r.json()).toMatchObject({ error: 'bad-request', fields: [{ field: 'asOf' }] });
    }
    expect((await req('/api/evaluate?asOf=2028-02-29', json(CASE_2))).status).toBe(200);
    expect((await req('/api/flowchart/treatment.svg?asOf=2026-02-30', json(CASE_2))).status).toBe(400);
  });

  it('JSON nested 20,000 deep (prefetch, draftOrders, a case) is 400 before anything walks it', async () => {
    const hook = JSON.stringify(PATIENT_VIEW).replace('"prefetch":{', `"prefetch":{"deep":${nested(20_000)},`);
    const orders = JSON.stringify(ORDER_SIGN).replace('"draftOrders":', `"draftOrders":${nested(20_000)},"x":`);
    for (const [path, body] of [['/cds-services/leptoguide-patient-view', hook], ['/cds-services/leptoguide-order-sign', orders], ['/api/evaluate', `{"symptoms":${nested(20_000)}}`]] as const) {
      const r = await req(path, json(body));
      expect(r.status, path).toBe(400);
      expect(await r.json()).toEqual({ error: 'bad-request', message: 'JSON nested deeper than 64 levels' });
      expect(h.logs.at(-1)).toMatchObject({ status: 400, reason: 'json-too-deep' });
    }
  });

  it('duplicate keys in a case are 400 naming the field (not silently the last value)', async () => {
    const r = await req('/api/evaluate?lang=en', json('{"performance":{"kps":75,"kps":80}}'));
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({ error: 'bad-request', message: 'performance.kps: key given twice', fields: [{ field: 'performance.kps', message: 'key given twice' }] });
    const nl = await (await req('/api/evaluate', json('{"primaryTumour":"breast","primaryTumour":"nsclc"}'))).json() as { fields: { field: string; message: string }[] };
    expect(nl.fields).toEqual([{ field: 'primaryTumour', message: 'sleutel staat er twee keer in' }]);
    expect((await req('/api/flowchart/treatment.svg', json('{"kps":1,"kps":1}'))).status).toBe(400);
  });

  it('a UTF-8 byte-order mark is accepted, as by the CLI', async () => {
    const r = await req('/api/evaluate?lang=en', json(`\uFEFF${CASE_2}`));
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ category: 3 });
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(ORDER_SIGN))]);
    expect((await req('/cds-services/leptoguide-order-sign', { method: 'POST', body: bytes, headers: { 'Content-Type': 'application/json' } })).status).toBe(200);
  });

  it('implausible CSF values are 400 naming the field', async () => {
    const r = await req('/api/evaluate?lang=en', json({ lumbarPunctures: [{ leukocytes: 1e308, protein: 1e308, glucose: 1e308 }] }));
    expect(r.status).toBe(400);
    const body = await r.json() as { fields: { field: string; message: string }[] };
    expect(body.fields.map((f) => f.field)).toEqual(['lumbarPunctures[0].leukocytes', 'lumbarPunctures[0].protein', 'lumbarPunctures[0].glucose']);
    expect(body.fields[0]!.message).toBe('must be at most 100000');
  });

  it('feedback: card and suggestion ids are bounded; the override reason is stored as its code, never its display', async () => {
    const fb = (card: string, extra: Obj = {}): RequestInit => json({ feedback: [{ card, outcome: 'overridden', outcomeTimestamp: '2026-11-26T10:00:00Z', ...extra }] });
    const path = '/cds-services/leptoguide-order-sign/feedback';
    const long = await req(path, fb('x'.repeat(5000)));
    expect(long.status).toBe(400);
    expect(await long.json()).toMatchObject({ fields: [{ field: 'feedback.0.card' }] });
    expect((await req(path, fb('card with spaces'))).status).toBe(400);
    expect((await req(path, fb('c-1', { acceptedSuggestions: [{ id: 'y'.repeat(200) }] }))).status).toBe(400);
    expect((await req(path, fb('c-1', { overrideReason: { reason: { code: 'free text about J. Jansen' } } }))).status).toBe(400);
    const card = crypto.randomUUID();
    expect((await req(path, fb(card))).status).toBe(400);
    await h.deps.feedback.recordCards([{ uuid: card, serviceId: 'leptoguide-order-sign', kind: 'warning', requirementIds: [], guidelineVersion: '2022-09', contentHash: 'x', issuedAt: '2026-11-26T09:00:00Z' }]);
    const ok = await req(path, fb(card, { overrideReason: { reason: { system: 'urn:leptoguide:cds:override-reason', code: 'patient-preference', display: 'Mr J. Jansen (12-03-1950) refuses' }, userComment: 'Jansen' } }));
    expect(ok.status).toBe(200);
    const stored = (await h.deps.feedback.listFeedback()).find((f) => f.cardUuid === card);
    expect(stored?.overrideReason).toEqual({ system: 'urn:leptoguide:cds:override-reason', code: 'patient-preference', display: null });
    expect(JSON.stringify(await h.deps.feedback.listFeedback())).not.toContain('Jansen');
  });
});

describe('logging classes, never contents', () => {
  it('a malformed chunked body is logged with the 400 the client gets', async () => {
    const h = await harness('server');
    const url = new URL(await h.client.request('/health').then((r) => r.url));
    const answer = await new Promise<string>((ok) => {
      const s = connect(Number(url.port), '127.0.0.1', () => {
        s.write('POST /api/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"a":\r\nZZ\r\n');
      });
      let got = '';
      s.on('data', (d: Buffer) => { got += d.toString(); });
      s.on('close', () => ok(got));
      s.on('error', () => ok(got));
      setTimeout(() => s.destroy(), 2000);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    await expect.poll(() => h.logs.find((l) => l.route === '/api/evaluate')).toMatchObject({ status: 400, reason: 'body-malformed' });
    expect(h.logs.some((l) => l.status === 500)).toBe(false);
    await h.client.close();
  });

  it('a 500 logs its error class only', async () => {
    const h = await harness('app.request', testConfig(), {
      fhir: { prefetchTemplates: () => ({}), mapFhir: () => { throw new TypeError('secret detail about nsclc'); } },
    });
    expect((await h.client.request('/cds-services/leptoguide-patient-view', json(PATIENT_VIEW))).status).toBe(500);
    expect(h.logs.at(-1)).toMatchObject({ status: 500, errorClass: 'TypeError' });
    expect(JSON.stringify(h.logs)).not.toMatch(/secret|nsclc/);
  });
});
