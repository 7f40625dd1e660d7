// CDS Hooks "Trusting CDS Clients": verify the EHR's bearer JWT (asymmetric only, allow-listed iss and jku, aud, exp, iat, jti).
import { readFileSync } from 'node:fs';
import {
  createLocalJWKSet, createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify,
  type JSONWebKeySet, type JWTVerifyGetKey,
} from 'jose';
import type { IssuerConfig, ServerConfig } from './config.js';
import { HttpError, unauthorized } from './errors.js';

export const ALGORITHMS = ['ES256', 'ES384', 'ES512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];

export interface VerifiedClient {
  readonly iss: string;
  readonly sub: string | null;
}

export type Verifier = (authorization: string | undefined, audience: string) => Promise<VerifiedClient | null>;

interface KeySource {
  readonly issuer: IssuerConfig;
  readonly byUrl: ReadonlyMap<string, JWTVerifyGetKey>;
  readonly fromFiles: JWTVerifyGetKey | null;
}

function fileKeys(files: readonly string[]): JWTVerifyGetKey | null {
  if (!files.length) return null;
  const keys = files.flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as JSONWebKeySet).keys);
  return createLocalJWKSet({ keys });
}

/** Remembers each (iss, jti) until its token expires; a second use is a replay. */
export class ReplayCache {
  private readonly seen = new Map<string, number>();
  use(key: string, expiresAt: number, now: number): boolean {
    if (this.seen.size > 1000) for (const [k, exp] of this.seen) if (exp < now) this.seen.delete(k);
    const prior = this.seen.get(key);
    if (prior !== undefined && prior >= now) return false;
    this.seen.set(key, expiresAt);
    return true;
  }
}

/** Builds the verifier; with auth disabled it accepts every request (development only). */
export function createVerifier(auth: ServerConfig['auth'], now: () => number = Date.now): Verifier {
  if (!auth.enabled) return async () => null;
  const sources = new Map<string, KeySource>(auth.issuers.map((issuer) => [issuer.iss, {
    issuer,
    byUrl: new Map(issuer.jwksUrls.map((u) => [u, createRemoteJWKSet(new URL(u), { cacheMaxAge: 600_000, timeoutDuration: 5000 })])),
    fromFiles: fileKeys(issuer.jwksFiles),
  }]));
  const replay = new ReplayCache();
  return async (authorization, audience) => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw unauthorized('Bearer JWT required');
    let iss: string | undefined;
    let jku: string | undefined;
    try {
      iss = decodeJwt(token).iss;
      jku = decodeProtectedHeader(token).jku;
    } catch {
      throw unauthorized('Malformed JWT');
    }
    const source = iss === undefined ? undefined : sources.get(iss);
    if (!source) throw unauthorized('Issuer not trusted');
    const keys = pickKeys(source, jku);
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: ALGORITHMS,
        issuer: source.issuer.iss,
        audience,
        maxTokenAge: auth.maxTokenAgeSeconds,
        clockTolerance: auth.clockToleranceSeconds,
        requiredClaims: ['iss', 'aud', 'exp', 'iat', 'jti'],
        currentDate: new Date(now()),
      });
      if (typeof payload.jti !== 'string' || !replay.use(`${source.issuer.iss} ${payload.jti}`, (payload.exp ?? 0) * 1000, now())) {
        throw unauthorized('JWT already used (jti)');
      }
      return { iss: source.issuer.iss, sub: typeof payload.sub === 'string' ? payload.sub : null };
    } catch (e) {
      if (e instanceof HttpError) throw e;
      throw unauthorized(e instanceof Error && 'code' in e ? `JWT rejected (${String(e.code)})` : 'JWT rejected');
    }
  };
}

function pickKeys(source: KeySource, jku: string | undefined): JWTVerifyGetKey {
  if (jku !== undefined) {
    const byUrl = source.byUrl.get(jku);
    if (!byUrl) throw unauthorized('jku not allow-listed for this issuer');
    return byUrl;
  }
  if (source.fromFiles) return source.fromFiles;
  const first = source.byUrl.values().next();
  if (first.done) throw unauthorized('No keys configured for this issuer');
  if (source.byUrl.size === 1) return first.value;
  const all = [...source.byUrl.values()];
  return async (header, input) => {
    for (const get of all) {
      try { return await get(header, input); } catch { /* try the next set */ }
    }
    throw unauthorized('No matching key');
  };
}
