// Cards against the CDS Hooks 2.0 rules (https://cds-hooks.hl7.org/2.0/#card-attributes) and the spec's own examples.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, json, testConfig, type Harness } from './support.js';

type Obj = Record<string, unknown>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isAbsoluteUrl = (s: unknown): boolean => typeof s === 'string' && /^https?:\/\/[^\s]+$/.test(s);

/** Every rule of the spec's Card, Source, Suggestion, Action, Link and overrideReasons tables that a response can break. */
export function specProblems(card: Obj): string[] {
  const p: string[] = [];
  const s = card.summary;
  if (typeof s !== 'string' || !s.length) p.push('summary is required');
  else if (s.length >= 140) p.push(`summary has ${s.length} characters (< 140)`);
  if (!['info', 'warning', 'critical'].includes(card.indicator as string)) p.push(`indicator ${String(card.indicator)}`);
  if (card.uuid !== undefined && typeof card.uuid !== 'string') p.push('uuid must be a string');
  if (card.detail !== undefined && typeof card.detail !== 'string') p.push('detail must be markdown text');
  const source = card.source as Obj | undefined;
  if (!source || typeof source.label !== 'string' || !source.label) p.push('source.label is required');
  if (source?.url !== undefined && !isAbsoluteUrl(source.url)) p.push('source.url must be an absolute URL');
  if (source?.icon !== undefined && !isAbsoluteUrl(source.icon)) p.push('source.icon must be an absolute URL');
  const topic = source?.topic as Obj | undefined;
  if (topic !== undefined && typeof topic.code !== 'string') p.push('source.topic must be a Coding');
  const suggestions = card.suggestions as Obj[] | undefined;
  if (suggestions?.length) {
    if (!['at-most-one', 'any'].includes(card.selectionBehavior as string)) p.push('selectionBehavior is required with suggestions');
    if (card.selectionBehavior === 'at-most-one' && suggestions.filter((x) => x.isRecommended === true).length > 1) p.push('at-most-one with several recommended');
    for (const sg of suggestions) {
      if (typeof sg.label !== 'string') p.push('suggestion.label is required');
      for (const a of (sg.actions as Obj[] | undefined) ?? []) {
        if (!['create', 'update', 'delete'].includes(a.type as string)) p.push(`action.type ${String(a.type)}`);
        if (typeof a.description !== 'string') p.push('action.description is required');
        if ((a.type === 'create' || a.type === 'update') && typeof a.resource !== 'object') p.push('create/update need a resource');
        if (a.type === 'delete' && typeof a.resourceId !== 'string') p.push('delete should give resourceId (a relative reference)');
      }
    }
  }
  for (const r of (card.overrideReasons as Obj[] | undefined) ?? []) {
    if (typeof r.display !== 'string' || !r.display) p.push('overrideReasons need a display');
  }
  for (const l of (card.links as Obj[] | undefined) ?? []) {
    if (typeof l.label !== 'string' || typeof l.url !== 'string') p.push('link.label and link.url are required');
    if (l.type !== 'absolute' && l.type !== 'smart') p.push(`link.type ${String(l.type)}`);
    if (l.appContext !== undefined && (l.type !== 'smart' || typeof l.appContext !== 'string')) p.push('appContext only on smart links, as a string');
  }
  return p;
}

// The example response of the CDS Hooks 2.0 specification, section "Card Attributes > Example" (HL7, CC BY 4.0 / CC0).
const SPEC_EXAMPLE = {
  cards: [
    {
      uuid: '4e0a3a1e-3283-4575-ab82-028d55fe2719', summary: 'Example Card', indicator: 'info', detail: 'This is an example card.',
      source: { label: 'Static CDS Service Example', url: 'https://example.com', icon: 'https://example.com/img/icon-100px.png' },
      links: [
        { label: 'Google', url: 'https://google.com', type: 'absolute' },
        { label: 'Github', url: 'https://github.com', type: 'absolute' },
        { label: 'SMART Example App', url: 'https://smart.example.com/launch', type: 'smart', appContext: '{"session":3456356,"settings":{"module":4235}}' },
      ],
    },
    {
      summary: 'Another card', indicator: 'warning', source: { label: 'Static CDS Service Example' },
      overrideReasons: [
        { code: 'reason-code-provided-by-service', system: 'http://example.org/cds-services/fhir/CodeSystem/override-reasons', display: 'Patient refused' },
        { code: '12354', system: 'http://example.org/cds-services/fhir/CodeSystem/override-reasons', display: 'Contraindicated' },
      ],
    },
  ],
};
// The spec's delete action example (section "Action").
const SPEC_DELETE = { type: 'delete', description: 'Remove the inappropriate order', resourceId: 'ServiceRequest/procedure-request-1' };
// The spec's feedback examples (section "Feedback").
const SPEC_FEEDBACK = [
  { feedback: [{ card: '4e0a3a1e-3283-4575-ab82-028d55fe2719', outcome: 'accepted', acceptedSuggestions: [{ id: 'e56e1945-20b3-4393-8503-a1a20fd73152' }], outcomeTimestamp: '2021-12-11T10:05:31Z' }] },
  { feedback: [{ card: 'f6b95768-b1c8-40dc-8385-bf3504b82ffb', outcome: 'overridden', outcomeTimestamp: '2020-12-11T00:00:00Z' }] },
  { feedback: [{ card: '9368d37b-283f-44a0-93ea-547cebab93ed', outcome: 'overridden', overrideReason: { reason: { code: 'd7ecf885', system: 'https://example.com/cds-hooks/override-reason-system' }, userComment: 'A comment entered by the clinician.' }, outcomeTimestamp: '2020-12-11T00:00:00Z' }] },
];

const example = (name: string): Obj => JSON.parse(readFileSync(join(__dirname, '../../docs/examples', name), 'utf8')) as Obj;
const bundle = (name: string): Obj => JSON.parse(readFileSync(join(__dirname, '../fhir/bundles', name), 'utf8')) as Obj;

/** A patient-view request whose prefetch is one test bundle (src/fhir reads a Bundle under any key). */
function requestFor(bundleName: string, hook = 'patient-view', context: Obj = {}): Obj {
  const b = bundle(bundleName);
  const patient = ((b.entry as { resource: Obj }[]).find((e) => e.resource.resourceType === 'Patient')!.resource.id) as string;
  const keys = ['patient', 'conditions', 'observations', 'specimens', 'medicationStatements', 'medicationRequests'];
  return { hook, hookInstance: crypto.randomUUID(), context: { patientId: patient, ...context }, prefetch: Object.fromEntries(keys.map((k, i) => [k, i === 0 ? b : null])) };
}

describe('CDS Hooks 2.0 card rules', () => {
  let h: Harness;
  beforeAll(async () => { h = await harness('app.request', testConfig({ publicUrl: 'https://leptoguide.example.org' })); });
  afterAll(async () => { await h.client.close(); });
  const cardsOf = async (id: string, body: Obj): Promise<Obj[]> => {
    const r = await h.client.request(`/cds-services/${id}`, json(body));
    expect(r.status).toBe(200);
    return ((await r.json()) as { cards: Obj[] }).cards;
  };

  it('the checker accepts the specification\'s own examples and catches violations', () => {
    for (const c of SPEC_EXAMPLE.cards) expect(specProblems(c)).toEqual([]);
    expect(specProblems({ ...SPEC_EXAMPLE.cards[1]!, suggestions: [{ label: 'x', actions: [SPEC_DELETE] }], selectionBehavior: 'any' })).toEqual([]);
    expect(specProblems({ summary: 'x'.repeat(140), indicator: 'hard-stop', source: {}, links: [{ label: 'a', url: 'b', type: 'absolute', appContext: 'x' }] }))
      .toEqual(['summary has 140 characters (< 140)', 'indicator hard-stop', 'source.label is required', 'appContext only on smart links, as a string']);
  });

  it('the response has the spec\'s shape: { cards: [...] } with the same keys the examples use', async () => {
    const cards = await cardsOf('leptoguide-patient-view', example('cds-patient-view.json'));
    const allowed = new Set(['uuid', 'summary', 'detail', 'indicator', 'source', 'suggestions', 'selectionBehavior', 'overrideReasons', 'links']);
    for (const c of cards) expect(Object.keys(c).filter((k) => !allowed.has(k))).toEqual([]);
    expect(Object.keys(cards[0]!)).toEqual(expect.arrayContaining(Object.keys(SPEC_EXAMPLE.cards[0]!)));
  });

  it('patient-view cards follow the rules for every test patient; none when LM is neither known nor suspected', async () => {
    const expected: Record<string, number> = {
      'breast-her2-positive.json': 1, 'breast-triple-negative.json': 1, 'melanoma-braf-v600.json': 1, 'nsclc-egfr.json': 1, 'sclc-provisional.json': 1,
      'melanoma-braf-wild-type.json': 0, 'junk.json': 0,
    };
    for (const [name, n] of Object.entries(expected)) {
      const cards = await cardsOf('leptoguide-patient-view', requestFor(name));
      expect(cards, name).toHaveLength(n);
      for (const c of cards) {
        expect(specProblems(c), name).toEqual([]);
        expect(c.uuid).toMatch(UUID);
        const detail = c.detail as string;
        expect(detail).toMatch(/\*\*\[[A-Z]+-[A-Z0-9-]+(, [A-Z]+-[A-Z0-9-]+)*\]\*\*/);
        // The answer first (diagnosis, category, plan), not the two-screen report: the full advice is behind the link.
        expect(detail.slice(0, 40), name).toMatch(/^## (In het kort|In brief)\n/);
        expect(detail).toMatch(/\*\*(Diagnose|Diagnosis):\*\* .+\n\*\*(Categorie|Category):\*\* .+\n\*\*Plan:\*\* /);
        expect(detail.length, name).toBeLessThan(2500);
        expect(detail).not.toMatch(/\{\w+\}/);
        expect(detail).toContain('To be judged by you');
        const source = c.source as Obj;
        expect(source.url).toMatch(/^https:\/\/leptoguide\.example\.org\/guideline\?section=[^&]+&lang=en$/);
        const link = (c.links as Obj[])[0]!;
        expect(link).toMatchObject({ type: 'smart', url: 'https://leptoguide.example.org/launch.html' });
        const ctx = JSON.parse(link.appContext as string) as Obj;
        expect(Object.keys(ctx).sort()).toEqual(['asOf', 'case']);
        expect(link.appContext).not.toMatch(/"(id|identifier|name|birthDate|patientId)"/);
      }
    }
  });

  it('the source link opens the guideline section it names', async () => {
    const [card] = await cardsOf('leptoguide-patient-view', example('cds-patient-view.json'));
    const url = new URL((card!.source as Obj).url as string);
    const r = await h.client.request(`${url.pathname}${url.search}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await r.text();
    const section = url.searchParams.get('section')!;
    expect(page).toContain(`<h1>Guideline section: ${section.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)}</h1>`);
    expect(page).toMatch(/<article id="[a-z.-]+"><h2>/);
    expect(page).not.toMatch(/<script/);
    expect((await h.client.request('/guideline?section=Nowhere')).status).toBe(404);
    expect((await h.client.request('/guideline?lang=nl')).status).toBe(200);
  });

  it('order-sign warnings carry override reasons with displays and a delete suggestion per the spec', async () => {
    const cards = await cardsOf('leptoguide-order-sign', example('cds-order-sign.json'));
    expect(cards).toHaveLength(2);
    for (const c of cards) {
      expect(specProblems(c)).toEqual([]);
      expect(c.indicator).toBe('warning');
      expect((c.overrideReasons as Obj[]).length).toBeGreaterThan(2);
      const action = ((c.suggestions as Obj[])[0]!.actions as Obj[])[0]!;
      expect(Object.keys(action).sort()).toEqual(Object.keys(SPEC_DELETE).sort());
    }
  });

  it('order-select checks only the selected orders', async () => {
    const req = example('cds-order-sign.json');
    const body = { ...req, hook: 'order-select', context: { ...(req.context as Obj), selections: ['ServiceRequest/draft-wbrt'] } };
    const cards = await cardsOf('leptoguide-order-select', body);
    expect(cards.map((c) => c.summary)).toEqual([expect.stringContaining('TX-WBRT-AVOID')]);
  });

  it('no order warnings without LM, and no WBRT warning in breast cancer', async () => {
    const orders = (example('cds-order-sign.json').context as Obj).draftOrders;
    const none = await cardsOf('leptoguide-order-sign', requestFor('melanoma-braf-wild-type.json', 'order-sign', { draftOrders: orders }));
    expect(none).toEqual([]);
    const breast = await cardsOf('leptoguide-order-sign', requestFor('breast-her2-positive.json', 'order-sign', { draftOrders: orders }));
    expect(breast.map((c) => c.summary)).toEqual([expect.stringContaining('TX-NO-INTRATHECAL')]);
  });

  it('feedback per CDS Hooks 2.0: accepted needs acceptedSuggestions; an unknown card is refused', async () => {
    const path = '/cds-services/leptoguide-patient-view/feedback';
    const [card] = await cardsOf('leptoguide-patient-view', example('cds-patient-view.json'));
    const at = '2026-11-26T10:00:00Z';
    const noSuggestion = await h.client.request(path, json({ feedback: [{ card: card!.uuid, outcome: 'accepted', outcomeTimestamp: at }] }));
    expect(noSuggestion.status).toBe(400);
    expect(await noSuggestion.json()).toMatchObject({ fields: [{ field: 'feedback.0.acceptedSuggestions' }] });
    const unknown = await h.client.request(path, json({ feedback: [{ card: crypto.randomUUID(), outcome: 'overridden', outcomeTimestamp: at }] }));
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ fields: [{ field: 'feedback.0.card', message: 'not a card this service issued' }] });
    expect(h.logs.at(-1)).toMatchObject({ status: 400, reason: 'card-unknown' });
    expect((await h.client.request(path, json({ feedback: [{ card: card!.uuid, outcome: 'overridden', outcomeTimestamp: at }] }))).status).toBe(200);
  });

  it('accepts the specification\'s feedback examples (for cards it issued)', async () => {
    await h.deps.feedback.recordCards(SPEC_FEEDBACK.map((fb) => ({
      uuid: fb.feedback[0]!.card, serviceId: 'leptoguide-patient-view', kind: 'info', requirementIds: [], guidelineVersion: '2022-09', contentHash: 'x', issuedAt: '2020-12-11T00:00:00Z',
    })));
    const before = (await h.deps.feedback.listFeedback()).length;
    for (const fb of SPEC_FEEDBACK) expect((await h.client.request('/cds-services/leptoguide-patient-view/feedback', json(fb))).status).toBe(200);
    const stored = (await h.deps.feedback.listFeedback()).slice(before);
    expect(stored.map((f) => f.outcome)).toEqual(['accepted', 'overridden', 'overridden']);
    expect(stored[0]!.acceptedSuggestions).toEqual(['e56e1945-20b3-4393-8503-a1a20fd73152']);
    expect(stored[2]!.overrideReason).toEqual({ system: 'https://example.com/cds-hooks/override-reason-system', code: 'd7ecf885', display: null });
    expect(JSON.stringify(stored)).not.toContain('A comment entered');
  });
});
