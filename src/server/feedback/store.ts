// The feedback store: what was shown (cards) and what the clinician did with it. Never patient data.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface IssuedCard {
  readonly uuid: string;
  readonly serviceId: string;
  readonly kind: string;
  readonly requirementIds: readonly string[];
  readonly guidelineVersion: string;
  readonly contentHash: string;
  readonly issuedAt: string;
}

export interface FeedbackRecord {
  readonly id: string;
  readonly serviceId: string;
  readonly cardUuid: string;
  readonly outcome: 'accepted' | 'overridden';
  readonly acceptedSuggestions: readonly string[];
  readonly overrideReason: { readonly system: string | null; readonly code: string | null; readonly display: string | null } | null;
  /** The guideline version of the card when it was issued here, else of the running service. */
  readonly guidelineVersion: string;
  readonly contentHash: string;
  readonly outcomeAt: string;
  readonly receivedAt: string;
}

export interface FeedbackStore {
  recordCards(cards: readonly IssuedCard[]): Promise<void>;
  /** Guideline version and content hash of issued cards, by uuid. */
  cardVersions(uuids: readonly string[]): Promise<ReadonlyMap<string, { guidelineVersion: string; contentHash: string }>>;
  recordFeedback(items: readonly FeedbackRecord[]): Promise<void>;
  listFeedback(): Promise<FeedbackRecord[]>;
  /** A cheap round trip to the database (the resilient wrapper probes with it while the store is down). */
  ping?(): Promise<void>;
  close(): Promise<void>;
}

export interface Migration {
  readonly version: string;
  readonly sql: string;
}

/** The SQL migrations, in order; found next to the sources whether running from src/ or dist/. */
export function migrations(): Migration[] {
  const candidates = [new URL('./migrations/', import.meta.url), new URL('../../../../src/server/feedback/migrations/', import.meta.url)];
  const dir = candidates.map((u) => fileURLToPath(u)).find((d) => existsSync(d));
  if (!dir) throw new Error('Feedback migrations not found');
  return readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()
    .map((f) => ({ version: f.replace(/\.sql$/, ''), sql: readFileSync(`${dir}/${f}`, 'utf8') }));
}

export const MIGRATIONS_TABLE = 'CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)';

export interface FeedbackRow {
  id: string; service_id: string; card_uuid: string; outcome: string; accepted_suggestions: string;
  override_system: string | null; override_code: string | null; override_display: string | null;
  guideline_version: string; content_hash: string; outcome_at: string; received_at: string;
}

export function fromRow(r: FeedbackRow): FeedbackRecord {
  const hasReason = r.override_code !== null || r.override_system !== null || r.override_display !== null;
  return {
    id: r.id, serviceId: r.service_id, cardUuid: r.card_uuid, outcome: r.outcome === 'accepted' ? 'accepted' : 'overridden',
    acceptedSuggestions: JSON.parse(r.accepted_suggestions) as string[],
    overrideReason: hasReason ? { system: r.override_system, code: r.override_code, display: r.override_display } : null,
    guidelineVersion: r.guideline_version, contentHash: r.content_hash, outcomeAt: r.outcome_at, receivedAt: r.received_at,
  };
}

export function toParams(f: FeedbackRecord): (string | null)[] {
  return [
    f.id, f.serviceId, f.cardUuid, f.outcome, JSON.stringify(f.acceptedSuggestions),
    f.overrideReason?.system ?? null, f.overrideReason?.code ?? null, f.overrideReason?.display ?? null,
    f.guidelineVersion, f.contentHash, f.outcomeAt, f.receivedAt,
  ];
}

export const FEEDBACK_COLUMNS = 'id, service_id, card_uuid, outcome, accepted_suggestions, override_system, override_code, override_display, guideline_version, content_hash, outcome_at, received_at';
export const CARD_COLUMNS = 'uuid, service_id, kind, requirement_ids, guideline_version, content_hash, issued_at';

export function cardParams(c: IssuedCard): string[] {
  return [c.uuid, c.serviceId, c.kind, c.requirementIds.join(' '), c.guidelineVersion, c.contentHash, c.issuedAt];
}

/** A store that keeps nothing beyond the process (tests, benchmarks). */
export function memoryStore(): FeedbackStore {
  const cards = new Map<string, IssuedCard>();
  const feedback: FeedbackRecord[] = [];
  return {
    async recordCards(list) { for (const c of list) cards.set(c.uuid, c); },
    async cardVersions(uuids) {
      return new Map(uuids.flatMap((u) => { const c = cards.get(u); return c ? [[u, { guidelineVersion: c.guidelineVersion, contentHash: c.contentHash }]] : []; }));
    },
    async recordFeedback(items) { feedback.push(...items); },
    async listFeedback() { return [...feedback]; },
    async ping() { /* always there */ },
    async close() { /* nothing to release */ },
  };
}
