// POST /cds-services/{id}/feedback: outcome per card, kept without patient data or free text.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CONTENT_HASH, GUIDELINE } from '../../index.js';
import { badRequest } from '../errors.js';
import type { FeedbackRecord, FeedbackStore } from '../feedback/store.js';

const coding = z.looseObject({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional() });
const item = z.looseObject({
  card: z.string().min(1),
  outcome: z.enum(['accepted', 'overridden']),
  acceptedSuggestions: z.array(z.looseObject({ id: z.string() })).optional(),
  overrideReason: z.looseObject({ reason: coding.optional(), userComment: z.string().optional() }).optional(),
  outcomeTimestamp: z.iso.datetime({ offset: true }),
});
export const feedbackSchema = z.looseObject({ feedback: z.array(item).min(1).max(100) });

/** Validates and stores feedback. userComment is free text that may identify the patient: it is not stored. */
export async function storeFeedback(serviceId: string, input: unknown, store: FeedbackStore, now: Date): Promise<number> {
  const r = feedbackSchema.safeParse(input);
  if (!r.success) throw badRequest('Invalid feedback', r.error.issues.map((i) => ({ field: i.path.join('.') || '(feedback)', message: i.message })));
  const versions = await store.cardVersions(r.data.feedback.map((f) => f.card));
  const records: FeedbackRecord[] = r.data.feedback.map((f) => {
    const v = versions.get(f.card);
    const reason = f.overrideReason?.reason;
    return {
      id: randomUUID(), serviceId, cardUuid: f.card, outcome: f.outcome,
      acceptedSuggestions: (f.acceptedSuggestions ?? []).map((s) => s.id),
      overrideReason: reason ? { system: reason.system ?? null, code: reason.code ?? null, display: reason.display ?? null } : null,
      guidelineVersion: v?.guidelineVersion ?? GUIDELINE.version,
      contentHash: v?.contentHash ?? CONTENT_HASH,
      outcomeAt: new Date(f.outcomeTimestamp).toISOString(),
      receivedAt: now.toISOString(),
    };
  });
  await store.recordFeedback(records);
  return records.length;
}
