// Feedback store on PostgreSQL (pg), used when DATABASE_URL is set. Same schema and migrations as SQLite.
import pg from 'pg';
import {
  CARD_COLUMNS, FEEDBACK_COLUMNS, MIGRATIONS_TABLE, cardParams, fromRow, migrations, toParams,
  type FeedbackRow, type FeedbackStore,
} from './store.js';

const placeholders = (n: number): string => Array.from({ length: n }, (_, i) => `$${i + 1}`).join(', ');

export async function postgresStore(connectionString: string): Promise<FeedbackStore> {
  const pool = new pg.Pool({ connectionString, max: 5 });
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(724607)');
    await client.query(MIGRATIONS_TABLE);
    const applied = new Set((await client.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    for (const m of migrations()) {
      if (applied.has(m.version)) continue;
      await client.query('BEGIN');
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [m.version, new Date().toISOString()]);
      await client.query('COMMIT');
    }
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await client.query('SELECT pg_advisory_unlock(724607)').catch(() => undefined);
    client.release();
  }
  const insertCard = `INSERT INTO cds_card (${CARD_COLUMNS}) VALUES (${placeholders(7)}) ON CONFLICT (uuid) DO NOTHING`;
  const insertFeedback = `INSERT INTO cds_feedback (${FEEDBACK_COLUMNS}) VALUES (${placeholders(12)})`;
  return {
    async recordCards(cards) { for (const c of cards) await pool.query(insertCard, cardParams(c)); },
    async cardVersions(uuids) {
      if (!uuids.length) return new Map();
      const r = await pool.query<{ uuid: string; guideline_version: string; content_hash: string }>(
        'SELECT uuid, guideline_version, content_hash FROM cds_card WHERE uuid = ANY($1)', [uuids]);
      return new Map(r.rows.map((x) => [x.uuid, { guidelineVersion: x.guideline_version, contentHash: x.content_hash }]));
    },
    async recordFeedback(items) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        for (const f of items) await c.query(insertFeedback, toParams(f));
        await c.query('COMMIT');
      } catch (e) {
        await c.query('ROLLBACK');
        throw e;
      } finally {
        c.release();
      }
    },
    async listFeedback() { return (await pool.query<FeedbackRow>(`SELECT ${FEEDBACK_COLUMNS} FROM cds_feedback ORDER BY received_at, id`)).rows.map(fromRow); },
    async close() { await pool.end(); },
  };
}
