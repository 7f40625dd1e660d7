// Fault suite: a throwaway PostgreSQL cluster is unreachable at start, shut down and stalled (SIGSTOP) under a running
// service (node dist/src/server/main.js with DATABASE_URL). The service stays up, the API and the hooks answer
// throughout, feedback answers 503 + Retry-After while the store is down and 200 again once it is back, and every
// acknowledged feedback item is in the database at the end.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresMissing, startPostgres, type Postgres } from '../support/postgres.js';
import { startService, until, type Service } from '../support/service.js';

const example = (name: string): string => readFileSync(join(import.meta.dirname, '../../docs/examples', name), 'utf8');
const ORDER_SIGN = example('cds-order-sign.json');
const PATIENT_VIEW = example('cds-patient-view.json');
const CASE_2 = example('2-nsclc-egfr-poor-performance.json');
const TIMEOUT_MS = 1000;

const missing = postgresMissing();
if (missing) console.warn(`Skipping the PostgreSQL fault suite: ${missing}`);

describe.skipIf(missing !== null)('PostgreSQL faults under a running service', () => {
  let pg: Postgres;
  let svc: Service;
  const acknowledged: string[] = [];
  const issuedWhileDown: string[] = [];

  const post = (path: string, body: string): Promise<Response> =>
    fetch(`${svc.url}${path}`, { method: 'POST', body, headers: { 'Content-Type': 'application/json' }, signal: AbortSignal.timeout(15_000) });
  const orderCards = async (): Promise<string[]> => {
    const r = await post('/cds-services/leptoguide-order-sign', ORDER_SIGN);
    expect(r.status).toBe(200);
    const { cards } = await r.json() as { cards: { uuid: string }[] };
    expect(cards).toHaveLength(2);
    return cards.map((c) => c.uuid);
  };
  const feedback = (card: string): Promise<Response> => post('/cds-services/leptoguide-order-sign/feedback',
    JSON.stringify({ feedback: [{ card, outcome: 'overridden', overrideReason: { reason: { system: 'urn:leptoguide:cds:override-reason', code: 'mdo-decision' } }, outcomeTimestamp: '2026-11-26T10:00:00Z' }] }));
  /** Everything that must not depend on the database answers, quickly. */
  const clinicalPathsAnswer = async (): Promise<void> => {
    const t0 = performance.now();
    expect((await fetch(`${svc.url}/health`)).status).toBe(200);
    expect((await fetch(`${svc.url}/cds-services`)).status).toBe(200);
    expect((await post('/api/evaluate?lang=en', CASE_2)).status).toBe(200);
    const pv = await post('/cds-services/leptoguide-patient-view', PATIENT_VIEW);
    expect(pv.status).toBe(200);
    expect(((await pv.json()) as { cards: unknown[] }).cards).toHaveLength(1);
    issuedWhileDown.push(...await orderCards());
    expect(performance.now() - t0).toBeLessThan(TIMEOUT_MS);
  };
  const expectUnavailable = async (r: Response): Promise<void> => {
    expect(r.status).toBe(503);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await r.json()).toMatchObject({ error: 'unavailable' });
  };
  /** Feedback is accepted again (the store reconnects in the background); the accepted item is acknowledged. */
  const recovers = async (within: number): Promise<void> => {
    const card = (await orderCards())[0]!;
    const ok = await until(async () => (await feedback(card)).status === 200, within, 250);
    expect(ok).toBe(true);
    acknowledged.push(card);
    expect((await fetch(`${svc.url}/health/ready`)).status).toBe(200);
  };

  beforeAll(async () => {
    pg = await startPostgres();
    pg.halt();
    svc = await startService({ LEPTOGUIDE_AUTH: 'off', DATABASE_URL: pg.url, DATABASE_TIMEOUT_MS: String(TIMEOUT_MS) });
  }, 120_000);
  afterAll(async () => { await svc?.stop(); pg?.stop(); });

  it('starts while the database is unreachable: API, discovery and hooks answer; feedback 503 + Retry-After; not ready', async () => {
    await clinicalPathsAnswer();
    await expectUnavailable(await feedback(issuedWhileDown[0]!));
    const ready = await fetch(`${svc.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'degraded', store: { state: 'starting', lastError: expect.any(String) } });
    expect(await (await fetch(`${svc.url}/health`)).json()).toMatchObject({ status: 'ok', store: { state: 'starting' } });
  });

  it('opens the store once the database comes up (background retry, migrations run)', async () => {
    pg.start();
    await recovers(20_000);
    expect(pg.sql('SELECT version FROM schema_migrations')).toContain('001_feedback');
  });

  it('survives the database shutting down under it (57P01): stays up, hooks answer, feedback 503, then recovers', async () => {
    const card = (await orderCards())[1]!;
    expect((await feedback(card)).status).toBe(200);
    acknowledged.push(card);
    pg.halt();
    await new Promise((ok) => setTimeout(ok, 300));
    expect(svc.alive()).toBe(true);
    await clinicalPathsAnswer();
    await expectUnavailable(await feedback(card));
    await expectUnavailable(await feedback(card));
    expect((await fetch(`${svc.url}/health/ready`)).status).toBe(503);
    pg.start();
    await recovers(30_000);
    expect(svc.alive()).toBe(true);
  });

  it('a stalled database (SIGSTOP) hits the timeout: feedback 503 within the bound, hooks answer meanwhile', async () => {
    const card = (await orderCards())[0]!;
    pg.pause();
    try {
      const t0 = performance.now();
      const r = await feedback(card);
      const ms = performance.now() - t0;
      await expectUnavailable(r);
      expect(ms).toBeLessThan(3 * TIMEOUT_MS + 1000);
      await clinicalPathsAnswer();
      const again = performance.now();
      await expectUnavailable(await feedback(card));
      expect(performance.now() - again).toBeLessThan(500);
    } finally {
      pg.resume();
    }
    await recovers(30_000);
  });

  it('nothing acknowledged is lost; cards issued while the store was down are recorded once it is back', async () => {
    const stored = pg.sql('SELECT card_uuid FROM cds_feedback').trim().split('\n');
    for (const card of acknowledged) expect(stored).toContain(card);
    expect(await until(async () => {
      const cards = new Set(pg.sql('SELECT uuid FROM cds_card').trim().split('\n'));
      return issuedWhileDown.every((u) => cards.has(u));
    }, 10_000)).toBe(true);
    expect(pg.sql('SELECT DISTINCT override_display IS NULL FROM cds_feedback').trim()).toBe('t');
  });

  it('logs store state changes by class, and no patient data', () => {
    const lines = svc.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    const events = lines.filter((l) => l.event === 'feedback-store');
    expect(events.map((e) => e.state)).toEqual(expect.arrayContaining(['up', 'down']));
    expect(events.some((e) => typeof e.errorClass === 'string')).toBe(true);
    const refused = lines.filter((l) => l.status === 503 && l.route === '/cds-services/:id/feedback');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((l) => l.reason === 'store-unavailable')).toBe(true);
    expect(lines.some((l) => l.status === 500)).toBe(false);
    for (const secret of ['nsclc', 'egfr', 'methotrexate', 'Jansen']) expect(svc.output()).not.toContain(secret);
  });
});
