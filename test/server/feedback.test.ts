// The feedback store: same migrations and behaviour on SQLite (temp file) and a real PostgreSQL cluster.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresStore } from '../../src/server/feedback/postgres.js';
import { sqliteStore } from '../../src/server/feedback/sqlite.js';
import { migrations, type FeedbackRecord, type FeedbackStore } from '../../src/server/feedback/store.js';
import { postgresMissing, startPostgres, type Postgres } from '../support/postgres.js';
import { harness, json, testConfig } from './support.js';

const card = { uuid: '0d9d2c56-5b1f-4c61-9a59-3b1b0f0e6a01', serviceId: 'leptoguide-order-sign', kind: 'warning', requirementIds: ['TX-NO-INTRATHECAL'], guidelineVersion: '2022-09', contentHash: 'abc', issuedAt: '2026-11-26T09:00:00.000Z' };
const record = (id: string, outcome: FeedbackRecord['outcome']): FeedbackRecord => ({
  id, serviceId: card.serviceId, cardUuid: card.uuid, outcome, acceptedSuggestions: outcome === 'accepted' ? ['s-1'] : [],
  overrideReason: outcome === 'overridden' ? { system: 'urn:leptoguide:cds:override-reason', code: 'mdo-decision', display: 'Decided in the MDO' } : null,
  guidelineVersion: '2022-09', contentHash: 'abc', outcomeAt: '2026-11-26T10:00:00.000Z', receivedAt: `2026-11-26T10:00:0${id}.000Z`,
});

function storeContract(name: string, open: () => Promise<FeedbackStore>): void {
  describe(name, () => {
    let store: FeedbackStore;
    beforeAll(async () => { store = await open(); });
    afterAll(async () => { await store?.close(); });

    it('records issued cards and finds their guideline version', async () => {
      await store.recordCards([card]);
      await store.recordCards([card]);
      const v = await store.cardVersions([card.uuid, 'unknown']);
      expect([...v.entries()]).toEqual([[card.uuid, { guidelineVersion: '2022-09', contentHash: 'abc' }]]);
    });

    it('stores accepted and overridden outcomes and reads them back', async () => {
      await store.recordFeedback([record('1', 'accepted'), record('2', 'overridden')]);
      const all = await store.listFeedback();
      expect(all).toEqual([record('1', 'accepted'), record('2', 'overridden')]);
    });

    it('migrations run once (reopening is safe)', async () => {
      const again = await open();
      expect((await again.listFeedback()).length).toBeGreaterThanOrEqual(0);
      await again.close();
    });
  });
}

it('migrations are found and ordered', () => {
  expect(migrations().map((m) => m.version)).toEqual(['001_feedback']);
});

const dir = mkdtempSync(join(tmpdir(), 'lg-sqlite-'));
storeContract('SQLite', async () => sqliteStore(join(dir, 'feedback.sqlite')));

const missing = postgresMissing();
if (missing) console.warn(`Skipping the PostgreSQL feedback tests: ${missing}`);
describe.skipIf(missing !== null)('PostgreSQL (throwaway cluster)', () => {
  let pg: Postgres | undefined;
  beforeAll(async () => { pg = await startPostgres(); }, 120_000);
  afterAll(() => pg?.stop());
  storeContract('store', async () => postgresStore(pg!.url));

  it('the service records cards and feedback in PostgreSQL (DATABASE_URL)', async () => {
    const store = await postgresStore(pg!.url);
    const h = await harness('app.request', testConfig(), { feedback: store });
    const body = readFileSync(join(__dirname, '../../docs/examples/cds-order-sign.json'), 'utf8');
    const { cards } = await (await h.client.request('/cds-services/leptoguide-order-sign', json(body))).json() as { cards: { uuid: string }[] };
    const fb = { feedback: [{ card: cards[1]!.uuid, outcome: 'overridden', overrideReason: { reason: { system: 'urn:leptoguide:cds:override-reason', code: 'clinical-trial', display: 'Within a clinical trial' } }, outcomeTimestamp: '2026-11-26T11:00:00Z' }] };
    expect((await h.client.request('/cds-services/leptoguide-order-sign/feedback', json(fb))).status).toBe(200);
    const stored = (await store.listFeedback()).find((f) => f.cardUuid === cards[1]!.uuid);
    expect(stored).toMatchObject({ serviceId: 'leptoguide-order-sign', outcome: 'overridden', overrideReason: { code: 'clinical-trial' }, guidelineVersion: '2022-09', outcomeAt: '2026-11-26T11:00:00.000Z' });
    await store.close();
  });
});
