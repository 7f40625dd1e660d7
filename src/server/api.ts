// REST API for the web app and reviewers: evaluate a case, the guideline as data, flowcharts, OpenAPI.
import { Hono, type Context } from 'hono';
import {
  CONTENT_HASH, GUIDELINE, KPS_SCALE, MODEL, REFERENCES, REQUIREMENTS,
  evaluate, flowchartToSvg, isCalendarDate, localize, messageIn, parseCase, type Case, type Lang,
} from '../index.js';
import type { ServerConfig } from './config.js';
import type { StoreStatus } from './feedback/resilient.js';
import { badRequest, notFound } from './errors.js';
import { readJson } from './json-body.js';
import { langOf } from './lang.js';
import { openApiDocument } from './openapi.js';

function asOfOf(c: Context, today: string): string {
  const asOf = c.req.query('asOf');
  if (asOf === undefined) return today;
  if (!isCalendarDate(asOf)) {
    throw badRequest('asOf must be a date, YYYY-MM-DD', [{ field: 'asOf', message: 'YYYY-MM-DD' }]);
  }
  return asOf;
}

async function caseOf(c: Context, lang: Lang, limit: number): Promise<Case> {
  const parsed = parseCase(await readJson(c, limit, { rejectDuplicateKeys: true, lang }));
  if (!parsed.ok) {
    const fields = parsed.errors.map((e) => ({ field: e.field, message: e.message[lang] }));
    throw badRequest(parsed.errors.map((e) => messageIn(e, lang)).join('; '), fields);
  }
  return parsed.case;
}

/** The knowledge as data (everything but code): requirements, rules, flowcharts, tables, facts, references, KPS. */
function guidelineData(section: string | undefined): Record<string, unknown> {
  const { checks: _checks, derive: _derive, predicates: _predicates, ...model } = MODEL;
  const data = {
    guideline: GUIDELINE, contentHash: CONTENT_HASH, requirements: REQUIREMENTS, references: REFERENCES, kps: KPS_SCALE,
    ...model,
  };
  if (section === undefined) return data;
  const rules = MODEL.rules.filter((r) => r.section === section);
  const ids = new Set(rules.flatMap((r) => r.ids));
  const requirements = REQUIREMENTS.filter((r) => r.section === section || ids.has(r.id));
  if (!rules.length && !requirements.length) throw notFound('No such guideline section');
  return { guideline: GUIDELINE, contentHash: CONTENT_HASH, section, requirements, rules };
}

export function apiRoutes(config: ServerConfig, today: () => string, store: () => StoreStatus): Hono {
  const app = new Hono();
  const openapi = JSON.stringify(openApiDocument(config.publicUrl));
  const charts = new Map(MODEL.flowcharts.map((f) => [`${f.id}.svg`, f]));

  // Liveness: the process answers (the API, the web app and the hooks need nothing else). The store's state is for information.
  app.get('/health', (c) => c.json({ status: 'ok', guideline: GUIDELINE.version, contentHash: CONTENT_HASH, store: store() }));
  // Readiness of everything, the feedback store included: 503 while it is down (monitor this; route traffic by /health).
  app.get('/health/ready', (c) => {
    const s = store();
    if (s.state === 'up') return c.json({ status: 'ready', guideline: GUIDELINE.version, contentHash: CONTENT_HASH, store: s });
    c.header('Retry-After', '5');
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'degraded', guideline: GUIDELINE.version, contentHash: CONTENT_HASH, store: s }, 503);
  });
  app.get('/api/openapi.json', (c) => c.body(openapi, 200, { 'Content-Type': 'application/json; charset=utf-8' }));

  app.post('/api/evaluate', async (c) => {
    const lang = langOf(c);
    const asOf = asOfOf(c, today());
    const result = evaluate(await caseOf(c, lang, config.bodyLimitBytes), { asOf });
    return c.json(localize(result, lang) as object);
  });

  app.get('/api/guideline', (c) => {
    const lang = c.req.query('lang');
    const data = guidelineData(c.req.query('section'));
    return c.json((lang === undefined ? data : localize(data, langOf(c))) as object);
  });

  const flowchart = async (c: Context, withCase: boolean): Promise<Response> => {
    const chart = charts.get(c.req.param('file') ?? '');
    if (!chart) throw notFound('Flowcharts: diagnostic.svg, treatment.svg');
    const lang = langOf(c);
    const path = withCase ? evaluate(await caseOf(c, lang, config.bodyLimitBytes), { asOf: asOfOf(c, today()) }).trace.flowcharts.find((f) => f.chart === chart.id) : undefined;
    return c.body(flowchartToSvg(chart, lang, path), 200, { 'Content-Type': 'image/svg+xml; charset=utf-8' });
  };
  app.get('/api/flowchart/:file', (c) => flowchart(c, false));
  app.post('/api/flowchart/:file', (c) => flowchart(c, true));
  return app;
}
