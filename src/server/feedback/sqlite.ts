// Feedback store on SQLite (better-sqlite3), the default.
import Database from 'better-sqlite3';
import {
  CARD_COLUMNS, FEEDBACK_COLUMNS, MIGRATIONS_TABLE, cardParams, fromRow, migrations, toParams,
  type FeedbackRow, type FeedbackStore,
} from './store.js';

export function sqliteStore(path: string): FeedbackStore {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(MIGRATIONS_TABLE);
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: string }[]).map((r) => r.version));
  for (const m of migrations()) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, new Date().toISOString());
    })();
  }
  const insertCard = db.prepare(`INSERT OR IGNORE INTO cds_card (${CARD_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertFeedback = db.prepare(`INSERT INTO cds_feedback (${FEEDBACK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const selectCard = db.prepare('SELECT guideline_version, content_hash FROM cds_card WHERE uuid = ?');
  const all = db.prepare(`SELECT ${FEEDBACK_COLUMNS} FROM cds_feedback ORDER BY received_at, id`);
  return {
    async recordCards(cards) { db.transaction(() => { for (const c of cards) insertCard.run(...cardParams(c)); })(); },
    async cardVersions(uuids) {
      const out = new Map<string, { guidelineVersion: string; contentHash: string }>();
      for (const u of uuids) {
        const r = selectCard.get(u) as { guideline_version: string; content_hash: string } | undefined;
        if (r) out.set(u, { guidelineVersion: r.guideline_version, contentHash: r.content_hash });
      }
      return out;
    },
    async recordFeedback(items) { db.transaction(() => { for (const f of items) insertFeedback.run(...toParams(f)); })(); },
    async listFeedback() { return (all.all() as FeedbackRow[]).map(fromRow); },
    async ping() { db.prepare('SELECT 1').get(); },
    async close() { db.close(); },
  };
}
