-- Feedback on CDS cards. Shared by SQLite and PostgreSQL: keep to the common subset of SQL.
-- No patient identifiers: cards are recorded by their random uuid, requirement IDs and guideline version only.
CREATE TABLE IF NOT EXISTS cds_card (
  uuid              TEXT PRIMARY KEY,
  service_id        TEXT NOT NULL,
  kind              TEXT NOT NULL,
  requirement_ids   TEXT NOT NULL,
  guideline_version TEXT NOT NULL,
  content_hash      TEXT NOT NULL,
  issued_at         TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS cds_feedback (
  id                   TEXT PRIMARY KEY,
  service_id           TEXT NOT NULL,
  card_uuid            TEXT NOT NULL,
  outcome              TEXT NOT NULL CHECK (outcome IN ('accepted', 'overridden')),
  accepted_suggestions TEXT NOT NULL,
  override_system      TEXT,
  override_code        TEXT,
  override_display     TEXT,
  guideline_version    TEXT NOT NULL,
  content_hash         TEXT NOT NULL,
  outcome_at           TEXT NOT NULL,
  received_at          TEXT NOT NULL
);

CREATE INDEX IF NOT EXISTS cds_feedback_card ON cds_feedback (card_uuid);
