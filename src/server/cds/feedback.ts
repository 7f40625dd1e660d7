// POST /cds-services/{id}/feedback: outcome per card, kept without patient data or free text.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CONTENT_HASH, GUIDELINE } from '../../index.js';
import { badRequest } from '../errors.js';
import type { FeedbackRecord, FeedbackStore } from '../feedback/store.js';

// Bounded identifiers: card and suggestion ids are the uuids this service issued; a reason is a code of a code system.
const ID = /^[\w.:-]{1,128}$/;
const id = z.string().regex(ID, 'an id: 1-128 letters, digits, . : _ -');
const coding = z.looseObject({
  system: z.string().max(256).optional(),
  code: z.string().regex(/^[\w.:-]{1,64}$/, 'a code: 1-64 letters, digits, . : _ -').optional(),
  display: z.string().optional(),
});
const item = z.looseObject({
  card: id,
  outcome: z.enum(['accepted', 'overridden']),
  acceptedSuggestions: z.array(z.looseObject({ id })).max(20).optional(),
  overrideReason: z.looseObject({ reason: coding.optional(), userComment: z.string().optional() }).optional(),
  outcomeTimestamp: z.iso.datetime({ offset: true }),
});
export const feedbackSchema = z.looseObject({ feedback: z.array(item).min(1).max(100) });

/**
 * Validates and stores feedback (CDS Hooks 2.0 Feedback): an `accepted` outcome names the accepted suggestions; the
 * card must be one this service issued (recorded when issued, or still queued for the store); an override reason
 * goes with `overridden` only. userComment is free text that may identify the patient: it is not stored; nor is the
 * reason's display (an EHR may put free text there): the reason is kept as system + code only.
 */
export async function storeFeedback(serviceId: string, input: unknown, store: FeedbackStore, now: Date): Promise<number> {
  const r = feedbackSchema.safeParse(input);
  if (!r.success) throw badRequest('Invalid feedback', r.error.issues.map((i) => ({ field: i.path.join('.') || '(feedback)', message: i.message })));
  const rules = r.data.feedback.flatMap((f, i) => [
    ...(f.outcome === 'accepted' && !f.acceptedSuggestions?.length ? [{ field: `feedback.${i}.acceptedSuggestions`, message: 'required when outcome is accepted (CDS Hooks 2.0)' }] : []),
    ...(f.outcome === 'accepted' && f.overrideReason !== undefined ? [{ field: `feedback.${i}.overrideReason`, message: 'only with outcome overridden' }] : []),
  ]);
  if (rules.length) throw badRequest('Invalid feedback', rules);
  const versions = await store.cardVersions(r.data.feedback.map((f) => f.card));
  const unknown = r.data.feedback.flatMap((f, i) => (versions.has(f.card) ? [] : [{ field: `feedback.${i}.card`, message: 'not a card this service issued' }]));
  if (unknown.length) throw badRequest('Feedback for an unknown card', unknown, 'card-unknown');
  const records: FeedbackRecord[] = r.data.feedback.map((f) => {
    const v = versions.get(f.card);
    const reason = f.overrideReason?.reason;
    return {
      id: randomUUID(), serviceId, cardUuid: f.card, outcome: f.outcome,
      acceptedSuggestions: (f.acceptedSuggestions ?? []).map((s) => s.id),
      overrideReason: reason && (reason.code !== undefined || reason.system !== undefined) ? { system: reason.system ?? null, code: reason.code ?? null, display: null } : null,
      guidelineVersion: v?.guidelineVersion ?? GUIDELINE.version,
      contentHash: v?.contentHash ?? CONTENT_HASH,
      outcomeAt: new Date(f.outcomeTimestamp).toISOString(),
      receivedAt: now.toISOString(),
    };
  });
  await store.recordFeedback(records);
  return records.length;
}
