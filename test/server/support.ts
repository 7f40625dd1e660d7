// Test harness for the HTTP service: an app with test config, the same app on a real port, signed JWTs, a JWKS server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { createApp } from '../../src/server/app.js';
import type { ServerConfig } from '../../src/server/config.js';
import { defaultDeps, type Deps, type DepsOverrides, type LogLine } from '../../src/server/deps.js';

export const PUBLIC_URL = 'http://leptoguide.test';

export function testConfig(over: Partial<ServerConfig> = {}): ServerConfig {
  return {
    publicUrl: PUBLIC_URL,
    auth: { enabled: false, issuers: [], maxTokenAgeSeconds: 300, clockToleranceSeconds: 5 },
    bodyLimitBytes: 100_000,
    network: { allowInsecure: false, fhirServers: [] },
    webDir: null,
    cdsLang: 'en',
    csp: { smartConnect: [], frameAncestors: [] },
    ...over,
  };
}

/** A way to send requests: in process (app.request) or over TCP to 127.0.0.1. */
export interface Client {
  readonly name: string;
  request(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export interface Harness {
  readonly client: Client;
  readonly logs: LogLine[];
  readonly deps: Deps;
}

export async function harness(mode: 'app.request' | 'server', config: ServerConfig = testConfig(), over: DepsOverrides = {}): Promise<Harness> {
  const logs: LogLine[] = [];
  const deps = defaultDeps({ log: (l) => logs.push(l), ...over });
  const app = createApp(config, deps);
  if (mode === 'app.request') {
    return { logs, deps, client: { name: mode, request: async (p, init) => app.request(p, init), close: async () => undefined } };
  }
  const { server, url } = await new Promise<{ server: ReturnType<typeof serve>; url: string }>((ok) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => ok({ server: s, url: `http://127.0.0.1:${info.port}` }));
  });
  return {
    logs, deps,
    client: {
      name: mode,
      request: (p, init) => fetch(`${url}${p}`, init),
      close: () => new Promise<void>((ok) => { (server as Server).closeAllConnections?.(); server.close(() => ok()); }),
    },
  };
}

export const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers },
});

export interface KeyPair { readonly privateKey: CryptoKey; readonly jwk: JWK; readonly alg: string }

export async function keyPair(alg: 'ES384' | 'RS384', kid: string): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { privateKey, alg, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

export interface TokenOptions {
  readonly iss?: string; readonly aud?: string; readonly jti?: unknown; readonly jku?: string;
  readonly iat?: number; readonly exp?: number; readonly kid?: string;
  /** Not-before (Epic sends it). */
  readonly nbf?: number;
  /** null: no sub claim. */
  readonly sub?: string | null;
}

export async function token(key: KeyPair, o: TokenOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = { jti: o.jti === undefined ? crypto.randomUUID() : o.jti, ...(o.sub === null ? {} : { sub: o.sub ?? 'client-1' }) };
  const jwt = new SignJWT(claims as JWTPayload)
    .setProtectedHeader({ alg: key.alg, typ: 'JWT', kid: o.kid ?? key.jwk.kid!, ...(o.jku ? { jku: o.jku } : {}) })
    .setIssuer(o.iss ?? 'https://ehr.test').setAudience(o.aud ?? `${PUBLIC_URL}/cds-services/leptoguide-patient-view`)
    .setIssuedAt(o.iat ?? now).setExpirationTime(o.exp ?? now + 300);
  if (o.nbf !== undefined) jwt.setNotBefore(o.nbf);
  return jwt.sign(key.privateKey);
}

/** Serves a JWKS on 127.0.0.1 (like the sandbox's /.well-known/jwks.json). */
export async function jwksServer(keys: readonly JWK[]): Promise<{ url: string; hits: () => number; stop: () => Promise<void> }> {
  let hits = 0;
  const server = createServer((_req, res) => { hits++; res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys })); });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  return { url, hits: () => hits, stop: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }) };
}
