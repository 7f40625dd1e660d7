// The hooks never depend on the feedback store: cards are queued (bounded, drops counted and logged), feedback is
// 503 + Retry-After while the store is down, /health and /health/ready report its state. A fake store that can fail or hang.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resilientStore, type StoreEvent } from '../../src/server/feedback/resilient.js';
import { memoryStore, type FeedbackStore } from '../../src/server/feedback/store.js';
import { harness, json, testConfig } from './support.js';

const ORDER_SIGN = readFileSync(join(__dirname, '../../docs/examples/cds-order-sign.json'), 'utf8');
const PATIENT_VIEW = readFileSync(join(__dirname, '../../docs/examples/cds-patient-view.json'), 'utf8');

/** A store that is down (every call fails) or hung (every call never settles) on demand. */
function flakyStore(): FeedbackStore & { mode: 'up' | 'down' | 'hung'; inner: FeedbackStore } {
  const inner = memoryStore();
  const gate = <T>(f: () => Promise<T>): Promise<T> => {
    if (store.mode === 'down') return Promise.reject(Object.assign(new Error('connect ECONNREFUSED /tmp/.s.PGSQL.5432'), { code: 'ECONNREFUSED' }));
    if (store.mode === 'hung') return new Promise<T>(() => undefined);
    return f();
  };
  const store = {
    mode: 'up' as 'up' | 'down' | 'hung', inner,
    recordCards: (c: Parameters<FeedbackStore['recordCards']>[0]) => gate(() => inner.recordCards(c)),
    cardVersions: (u: readonly string[]) => gate(() => inner.cardVersions(u)),
    recordFeedback: (f: Parameters<FeedbackStore['recordFeedback']>[0]) => gate(() => inner.recordFeedback(f)),
    listFeedback: () => gate(() => inner.listFeedback()),
    ping: () => gate(() => Promise.resolve()),
    close: () => inner.close(),
  };
  return store;
}

const feedbackFor = (card: string): object => ({ feedback: [{ card, outcome: 'overridden', outcomeTimestamp: '2026-11-26T10:00:00Z' }] });

describe('feedback store outages', () => {
  it('hooks answer with their cards while the store is down or hangs; the cards are recorded once it is back', async () => {
    const flaky = flakyStore();
    const events: StoreEvent[] = [];
    const store = resilientStore(flaky, { retryMs: 20, maxRetryMs: 40, operationTimeoutMs: 200, log: (e) => events.push(e) });
    const issued: string[] = [];
    const h = await harness('app.request', testConfig(), { feedback: store });
    for (const mode of ['hung', 'down'] as const) {
      flaky.mode = mode;
      const t0 = performance.now();
      const pv = await h.client.request('/cds-services/leptoguide-patient-view', json(PATIENT_VIEW));
      const os = await h.client.request('/cds-services/leptoguide-order-sign', json(ORDER_SIGN));
      expect([pv.status, os.status]).toEqual([200, 200]);
      const cards = [...((await pv.json()) as { cards: { uuid: string }[] }).cards, ...((await os.json()) as { cards: { uuid: string }[] }).cards];
      expect(cards).toHaveLength(3);
      issued.push(...cards.map((c) => c.uuid));
      expect(performance.now() - t0).toBeLessThan(2000);
    }
    // The hung write is still pending; a failing one marks the store down.
    flaky.mode = 'down';
    const fb = await h.client.request('/cds-services/leptoguide-order-sign/feedback', json(feedbackFor(issued[0]!)));
    expect(fb.status).toBe(503);
    expect(fb.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await fb.json()).toEqual({ error: 'unavailable', message: 'Feedback store unavailable; retry later' });
    expect(h.logs.at(-1)).toMatchObject({ status: 503, reason: 'store-unavailable' });
    const ready = await h.client.request('/health/ready');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'degraded', store: { state: 'down', lastError: 'ECONNREFUSED' } });
    expect(await (await h.client.request('/health')).json()).toMatchObject({ status: 'ok', store: { state: 'down' } });
    flaky.mode = 'up';
    // The hung write times out (operationTimeoutMs), the probe finds the store up again, the queue drains.
    await expect.poll(() => store.status(), { timeout: 3000 }).toMatchObject({ state: 'up', queuedCards: 0 });
    expect((await h.client.request('/health/ready')).status).toBe(200);
    expect((await h.client.request('/cds-services/leptoguide-order-sign/feedback', json(feedbackFor(issued[0]!)))).status).toBe(200);
    expect([...(await flaky.inner.cardVersions(issued)).keys()].sort()).toEqual([...issued].sort());
    expect(events.map((e) => e.state)).toEqual(expect.arrayContaining(['down', 'up']));
    await store.close();
  });

  it('keeps at most queueMax issued cards while down; the rest are dropped, counted and logged', async () => {
    const flaky = flakyStore();
    flaky.mode = 'down';
    const events: StoreEvent[] = [];
    const store = resilientStore(async () => flaky, { retryMs: 10_000, queueMax: 3, log: (e) => events.push(e) });
    // Opening succeeded: 'up'; the first write fails and takes it down.
    await expect.poll(() => store.status().state).toBe('up');
    const card = (uuid: string) => ({ uuid, serviceId: 's', kind: 'warning', requirementIds: [], guidelineVersion: 'v', contentHash: 'h', issuedAt: 'now' });
    store.issue([card('1')]);
    await expect.poll(() => store.status().state).toBe('down');
    store.issue(['2', '3', '4', '5'].map(card));
    expect(store.status()).toMatchObject({ state: 'down', queuedCards: 3, droppedCards: 2, lastError: 'ECONNREFUSED' });
    expect(events.at(-1)).toMatchObject({ event: 'feedback-store', droppedCards: 2, queuedCards: 3 });
    await store.close();
  });

  it('retries opening the store in the background until it opens', async () => {
    let tries = 0;
    const events: StoreEvent[] = [];
    const store = resilientStore(async () => {
      tries++;
      if (tries < 3) throw Object.assign(new Error('no'), { code: 'ENOENT' });
      return memoryStore();
    }, { retryMs: 10, log: (e) => events.push(e) });
    expect(store.status().state).toBe('starting');
    await expect.poll(() => store.status().state, { timeout: 2000 }).toBe('up');
    expect(tries).toBe(3);
    expect(events).toEqual([
      { event: 'feedback-store', state: 'starting', errorClass: 'ENOENT' },
      expect.objectContaining({ event: 'feedback-store', state: 'up' }),
    ]);
    await store.close();
  });

  it('a request right after start waits briefly for the store, then gets 503', async () => {
    const store = resilientStore(() => new Promise<FeedbackStore>(() => undefined), { startWaitMs: 100 });
    const t0 = performance.now();
    await expect(store.recordFeedback([])).rejects.toMatchObject({ retryAfterSeconds: 1 });
    expect(performance.now() - t0).toBeLessThan(1000);
    await store.close();
  });
});
