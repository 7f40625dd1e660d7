// Feedback store on PostgreSQL (pg), used when DATABASE_URL is set. Same schema and migrations as SQLite.
// Every wait on the database is bounded (connect, statement, idle transaction), and the pool has an 'error'
// listener: a server shutdown (57P01) or a dropped idle connection is reported, never an unhandled event.
import pg from 'pg';
import {
  CARD_COLUMNS, FEEDBACK_COLUMNS, MIGRATIONS_TABLE, cardParams, fromRow, migrations, toParams,
  type FeedbackRow, type FeedbackStore,
} from './store.js';

const placeholders = (n: number): string => Array.from({ length: n }, (_, i) => `$${i + 1}`).join(', ');

export interface PostgresOptions {
  /** Connections in the pool. */
  readonly poolMax?: number;
  /** Bound on connecting and on each statement, ms (client- and server-side). */
  readonly timeoutMs?: number;
  /** Errors of idle connections (the pool's 'error' event), e.g. the server shutting down. */
  readonly onError?: (e: Error) => void;
}

export const POSTGRES_DEFAULTS = { poolMax: 10, timeoutMs: 5000 } as const;

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  let failure: Error | undefined;
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
    failure = e instanceof Error ? e : new Error(String(e));
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await client.query('SELECT pg_advisory_unlock(724607)').catch(() => undefined);
    client.release(failure);
  }
}

export async function postgresStore(connectionString: string, options: PostgresOptions = {}): Promise<FeedbackStore> {
  const timeoutMs = options.timeoutMs ?? POSTGRES_DEFAULTS.timeoutMs;
  const pool = new pg.Pool({
    connectionString,
    max: options.poolMax ?? POSTGRES_DEFAULTS.poolMax,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    statement_timeout: timeoutMs,
    idle_in_transaction_session_timeout: 2 * timeoutMs,
    keepAlive: true,
  });
  pool.on('error', (e) => options.onError?.(e));
  try {
    await migrate(pool);
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw e;
  }
  const insertCard = `INSERT INTO cds_card (${CARD_COLUMNS}) VALUES (${placeholders(7)}) ON CONFLICT (uuid) DO NOTHING`;
  const insertFeedback = `INSERT INTO cds_feedback (${FEEDBACK_COLUMNS}) VALUES (${placeholders(12)})`;
  /** One transaction on one connection; a connection that failed is discarded, not returned to the pool. */
  const transaction = async (work: (c: pg.PoolClient) => Promise<void>): Promise<void> => {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      await work(c);
      await c.query('COMMIT');
      c.release();
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      c.release(e instanceof Error ? e : true);
      throw e;
    }
  };
  return {
    async recordCards(cards) {
      if (!cards.length) return;
      await transaction(async (c) => { for (const card of cards) await c.query(insertCard, cardParams(card)); });
    },
    async cardVersions(uuids) {
      if (!uuids.length) return new Map();
      const r = await pool.query<{ uuid: string; guideline_version: string; content_hash: string }>(
        'SELECT uuid, guideline_version, content_hash FROM cds_card WHERE uuid = ANY($1)', [uuids]);
      return new Map(r.rows.map((x) => [x.uuid, { guidelineVersion: x.guideline_version, contentHash: x.content_hash }]));
    },
    async recordFeedback(items) {
      await transaction(async (c) => { for (const f of items) await c.query(insertFeedback, toParams(f)); });
    },
    async listFeedback() { return (await pool.query<FeedbackRow>(`SELECT ${FEEDBACK_COLUMNS} FROM cds_feedback ORDER BY received_at, id`)).rows.map(fromRow); },
    async ping() { await pool.query('SELECT 1'); },
    async close() { await pool.end(); },
  };
}
