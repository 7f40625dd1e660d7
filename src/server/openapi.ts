// OpenAPI 3.1: the case and CDS Hooks request schemas come from zod; the result and cards are declared here.
import { z } from 'zod';
import { GUIDELINE, caseJsonSchema } from '../index.js';
import { feedbackSchema } from './cds/feedback.js';
import { hookRequestSchema } from './cds/request.js';

const schemaOf = (s: z.ZodType): Record<string, unknown> => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};
const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });
const str = { type: 'string' };
const strs = { type: 'array', items: str };
const nullable = (type: string): { type: string[] } => ({ type: [type, 'null'] });

const item = {
  type: 'object',
  required: ['rule', 'kind', 'group', 'ids', 'section', 'text'],
  properties: {
    rule: str, kind: { enum: ['do', 'consider', 'avoid', 'inform'] }, group: str, ids: strs, section: str,
    refs: { type: 'array', items: { type: 'integer' } }, text: str, rationale: str, note: { type: 'object' }, facts: { type: 'object' },
  },
};

const result = {
  type: 'object',
  description: 'The evaluation, texts in the requested language.',
  required: ['guideline', 'asOf', 'scope', 'diagnosis', 'category', 'prognosis', 'treatment', 'recommendations', 'missing', 'errors', 'warnings', 'ids'],
  properties: {
    guideline: { type: 'object', properties: { id: str, title: str, version: str, plannedRevision: str, contentHash: str } },
    asOf: nullable('string'),
    scope: { enum: ['in-scope', 'out-of-scope', 'unknown'] },
    diagnosis: {
      type: 'object',
      properties: {
        position: nullable('string'), certainty: { enum: ['confirmed', 'probable', 'possible', 'lacking-evidence', null] },
        eanoType: nullable('string'), mriPattern: nullable('string'),
      },
    },
    category: { enum: [1, 2, 3, null] },
    prognosis: { enum: ['not-unfavourable', 'unfavourable', 'very-unfavourable', null] },
    modifiers: strs,
    treatment: { type: 'object', properties: { position: nullable('string') } },
    recommendations: { type: 'array', items: item },
    missing: { type: 'array', items: { type: 'object', properties: { fact: str, label: str, fields: strs, decides: strs, ids: strs } } },
    errors: { type: 'array', items: { type: 'object' } },
    warnings: { type: 'array', items: { type: 'object' } },
    trace: { type: 'object' },
    ids: strs,
  },
};

const error = {
  type: 'object', required: ['error', 'message'],
  properties: { error: str, message: str, fields: { type: 'array', items: { type: 'object', properties: { field: str, message: str } } } },
};

const coding = { type: 'object', required: ['code'], properties: { system: str, code: str, display: str } };
const card = {
  type: 'object', required: ['summary', 'indicator', 'source'],
  properties: {
    uuid: { type: 'string', format: 'uuid' }, summary: { type: 'string', maxLength: 139 }, detail: { type: 'string', description: 'GitHub-flavoured Markdown' },
    indicator: { enum: ['info', 'warning', 'critical'] },
    source: { type: 'object', required: ['label'], properties: { label: str, url: { type: 'string', format: 'uri' }, icon: str, topic: coding } },
    suggestions: { type: 'array', items: { type: 'object' } }, selectionBehavior: { enum: ['at-most-one', 'any'] },
    overrideReasons: { type: 'array', items: coding },
    links: { type: 'array', items: { type: 'object', required: ['label', 'url', 'type'], properties: { label: str, url: str, type: { enum: ['absolute', 'smart'] }, appContext: str } } },
  },
};

const errors = (...codes: number[]): Record<string, unknown> =>
  Object.fromEntries(codes.map((c) => [String(c), { description: `Error ${c}`, content: { 'application/json': { schema: ref('Error') } } }]));
const json = (schema: unknown): { content: { 'application/json': { schema: unknown } } } => ({ content: { 'application/json': { schema } } });
const lang = { name: 'lang', in: 'query', schema: { enum: ['nl', 'en'], default: 'nl' } };
const asOf = { name: 'asOf', in: 'query', schema: { type: 'string', format: 'date' }, description: 'Evaluation date (default today; the case\'s assessmentDate wins)' };
const chart = { name: 'file', in: 'path', required: true, schema: { enum: ['diagnostic.svg', 'treatment.svg'] } };
const svg = { description: 'SVG', content: { 'image/svg+xml': { schema: str } } };
const service = { name: 'id', in: 'path', required: true, schema: { enum: ['leptoguide-patient-view', 'leptoguide-order-sign', 'leptoguide-order-select'] } };
const bearer = [{ cdsJwt: [] }];

export function openApiDocument(publicUrl: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'LeptoGuide service', version: GUIDELINE.version, description: 'Decision support for leptomeningeal metastases of solid tumours (Erasmus MC guideline, September 2022) and its CDS Hooks 2.0 services.' },
    servers: [{ url: publicUrl }],
    paths: {
      '/health': { get: { summary: 'Liveness (with the feedback store state)', responses: { 200: { description: 'OK' } } } },
      '/health/ready': { get: { summary: 'Readiness: the feedback store is up', responses: { 200: { description: 'Ready' }, 503: { description: 'Feedback store down (hooks and the API still answer)' } } } },
      '/api/evaluate': {
        post: {
          summary: 'Evaluate a case', parameters: [lang, asOf], requestBody: { required: true, ...json(ref('Case')) },
          responses: { 200: { description: 'Result', ...json(ref('Result')) }, ...errors(400, 413, 415) },
        },
      },
      '/api/guideline': {
        get: {
          summary: 'The guideline as data', parameters: [lang, { name: 'section', in: 'query', schema: str }],
          responses: { 200: { description: 'Requirements, rules, flowcharts, tables, facts, references', ...json({ type: 'object' }) }, ...errors(404) },
        },
      },
      '/api/flowchart/{file}': {
        get: { summary: 'Flowchart', parameters: [chart, lang], responses: { 200: svg, ...errors(404) } },
        post: { summary: 'Flowchart with the path of a case', parameters: [chart, lang, asOf], requestBody: { required: true, ...json(ref('Case')) }, responses: { 200: svg, ...errors(400, 404, 413, 415) } },
      },
      '/api/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } } },
      '/cds-services': { get: { summary: 'CDS Hooks discovery', responses: { 200: { description: 'Services', ...json({ type: 'object' }) } } } },
      '/cds-services/{id}': {
        post: {
          summary: 'Call a CDS service', security: bearer, parameters: [service], requestBody: { required: true, ...json(ref('HookRequest')) },
          responses: { 200: { description: 'Cards', ...json({ type: 'object', properties: { cards: { type: 'array', items: ref('Card') } } }) }, ...errors(400, 401, 404, 412, 413, 415) },
        },
      },
      '/cds-services/{id}/feedback': {
        post: {
          summary: 'Feedback on cards', security: bearer, parameters: [service], requestBody: { required: true, ...json(ref('Feedback')) },
          responses: { 200: { description: 'Stored' }, ...errors(400, 401, 404, 413, 415, 503) },
        },
      },
    },
    components: {
      schemas: {
        Case: (({ $schema: _drop, ...rest }) => rest)(caseJsonSchema() as Record<string, unknown>),
        Result: result, Error: error, Card: card,
        HookRequest: schemaOf(hookRequestSchema), Feedback: schemaOf(feedbackSchema),
      },
      securitySchemes: { cdsJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'CDS Hooks client JWT (asymmetric, allow-listed issuer)' } },
    },
  };
}
