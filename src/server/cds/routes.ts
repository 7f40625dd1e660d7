// CDS Hooks 2.0 endpoints: discovery, the three services and their feedback.
import { Hono } from 'hono';
import { CONTENT_HASH, GUIDELINE } from '../../index.js';
import type { ServerConfig } from '../config.js';
import { notFound } from '../errors.js';
import type { Deps } from '../deps.js';
import { readJson } from '../json-body.js';
import type { Card } from './cards.js';
import { storeFeedback } from './feedback.js';
import { draftOrders, findings, orderCards, unreadableCard } from './orders.js';
import { patientPicture } from './patient.js';
import { patientViewCards } from './patient-view.js';
import { parseHookRequest } from './request.js';
import { SERVICES, discovery } from './services.js';
import type { Verifier } from '../auth.js';

export function cdsRoutes(config: ServerConfig, deps: Deps, verify: Verifier): Hono {
  const app = new Hono();
  const templates = (): Readonly<Record<string, string>> => deps.fhir.prefetchTemplates();

  app.get('/cds-services', (c) => c.json(discovery(templates())));

  app.post('/cds-services/:id', async (c) => {
    const service = SERVICES.find((s) => s.id === c.req.param('id'));
    if (!service) throw notFound('No such CDS service');
    const client = await verify(c.req.header('Authorization'), c.req.path);
    const req = parseHookRequest(await readJson(c, config.bodyLimitBytes), service.hook);
    // FHIR servers this client may send us to: its issuer's allow-list (auth on) or FHIR_SERVERS (auth off).
    const allowed = client ? (config.auth.issuers.find((i) => i.iss === client.iss)?.fhirServers ?? []) : config.network.fhirServers;
    const picture = await patientPicture(req, deps.fhir, deps.fetch, deps.today(), { allowed, allowInsecure: config.network.allowInsecure });
    const lang = config.cdsLang;
    let cards: Card[];
    if (service.hook === 'patient-view') cards = patientViewCards(picture, config.publicUrl, lang, deps.newId);
    else {
      const { found, unreadable } = findings(picture, draftOrders(req.context, service.hook === 'order-select'));
      cards = [...orderCards(found, config.publicUrl, lang, deps.newId), ...unreadableCard(unreadable, config.publicUrl, lang, deps.newId)];
    }
    // The answer never waits for the feedback store: cards are queued for it, best effort.
    if (cards.length) {
      const issuedAt = deps.now().toISOString();
      deps.feedback.issue(cards.map((card) => ({
        uuid: card.uuid, serviceId: service.id, kind: card.indicator, requirementIds: service.hook === 'patient-view' ? picture.result.ids : card.source.topic ? [card.source.topic.code] : [],
        guidelineVersion: GUIDELINE.version, contentHash: CONTENT_HASH, issuedAt,
      })));
    }
    return c.json({ cards });
  });

  app.post('/cds-services/:id/feedback', async (c) => {
    const service = SERVICES.find((s) => s.id === c.req.param('id'));
    if (!service) throw notFound('No such CDS service');
    await verify(c.req.header('Authorization'), c.req.path);
    await storeFeedback(service.id, await readJson(c, config.bodyLimitBytes), deps.feedback, deps.now());
    return c.json({});
  });

  return app;
}
