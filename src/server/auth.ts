// CDS Hooks "Trusting CDS Clients": verify the EHR's bearer JWT (asymmetric only, allow-listed iss and jku, aud, sub,
// exp, iat, nbf when present, jti; a lifetime no longer than the accepted age; each jti once). Each refusal has a reason
// class for the log. An issuer with local keys (a JWKS file, e.g. a cached copy of its jku) is verified with those keys
// whatever its jku says, and nothing is fetched: a closed hospital network needs no outbound call.
import { readFileSync } from 'node:fs';
import {
  createLocalJWKSet, createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify,
  type JSONWebKeySet, type JWTPayload, type JWTVerifyGetKey,
} from 'jose';
import type { IssuerConfig, ServerConfig } from './config.js';
import { HttpError, unauthorized } from './errors.js';

export const ALGORITHMS = ['ES256', 'ES384', 'ES512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];

export interface VerifiedClient {
  readonly iss: string;
  readonly sub: string;
}

/** Verifies the Authorization header of a call to `path` (the JWT's aud is a configured base URL + path). */
export type Verifier = (authorization: string | undefined, path: string) => Promise<VerifiedClient | null>;

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

/**
 * Remembers each (iss, jti) for as long as its token can be accepted (iat + max age + tolerance: tokens with a longer
 * lifetime are refused), so a second use is a replay. O(1) per use: entries sit in insertion order and expired ones
 * are swept from the front; at most maxEntries are kept (the oldest go first: they are the nearest to expiring).
 */
export class ReplayCache {
  private readonly seen = new Map<string, number>();
  evicted = 0;
  constructor(private readonly maxEntries = 100_000) {}
  get size(): number { return this.seen.size; }
  /** False when key is already held and not yet expired; otherwise holds it until forgetAt (ms). */
  use(key: string, forgetAt: number, now: number): boolean {
    for (const [k, until] of this.seen) {
      if (until >= now && this.seen.size < this.maxEntries) break;
      this.seen.delete(k);
      if (until >= now) this.evicted++;
    }
    const prior = this.seen.get(key);
    if (prior !== undefined && prior >= now) return false;
    this.seen.delete(key);
    this.seen.set(key, forgetAt);
    return true;
  }
}

/** jose error codes (and claims) → the reason class logged for a 401. */
function reasonOf(e: unknown): string {
  const code = e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : '';
  const claim = e && typeof e === 'object' && 'claim' in e ? String((e as { claim: unknown }).claim) : '';
  switch (code) {
    case 'ERR_JWT_EXPIRED': return 'jwt-expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return claim === 'aud' ? 'aud-mismatch' : claim === 'iat' ? 'iat-invalid' : claim === 'iss' ? 'issuer-unknown'
        : claim === 'sub' ? 'sub-missing' : claim === 'jti' ? 'jti-missing' : claim === 'exp' ? 'exp-missing'
          : claim === 'nbf' ? 'nbf-invalid' : 'claim-invalid';
    case 'ERR_JOSE_ALG_NOT_ALLOWED': return 'alg-not-allowed';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED': return 'signature-invalid';
    case 'ERR_JWKS_NO_MATCHING_KEY': return 'key-unknown';
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS': return 'key-ambiguous';
    case 'ERR_JWKS_TIMEOUT': return 'jwks-timeout';
    case 'ERR_JWKS_INVALID': return 'jwks-invalid';
    case 'ERR_JWS_INVALID': case 'ERR_JWT_INVALID': return 'jwt-malformed';
    case 'ERR_JOSE_NOT_SUPPORTED': return 'alg-not-supported';
    default: return code ? 'jwt-rejected' : 'jwks-unavailable';
  }
}

/** Builds the verifier; with auth disabled it accepts every request (development only). */
export function createVerifier(auth: ServerConfig['auth'], publicUrl: string, now: () => number = Date.now, replay = new ReplayCache()): Verifier {
  if (!auth.enabled) return async () => null;
  const sources = new Map<string, KeySource>(auth.issuers.map((issuer) => [issuer.iss, {
    issuer,
    byUrl: new Map(issuer.jwksUrls.map((u) => [u, createRemoteJWKSet(new URL(u), { cacheMaxAge: 600_000, timeoutDuration: 5000 })])),
    fromFiles: fileKeys(issuer.jwksFiles),
  }]));
  const maxAge = auth.maxTokenAgeSeconds;
  const tolerance = auth.clockToleranceSeconds;
  return async (authorization, path) => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw unauthorized('Bearer JWT required', 'token-missing');
    let iss: string | undefined;
    let jku: string | undefined;
    try {
      iss = decodeJwt(token).iss;
      jku = decodeProtectedHeader(token).jku;
    } catch {
      throw unauthorized('Malformed JWT', 'jwt-malformed');
    }
    const source = iss === undefined ? undefined : sources.get(iss);
    if (!source) throw unauthorized('Issuer not trusted', 'issuer-unknown');
    const keys = pickKeys(source, jku);
    const bases = source.issuer.audiences.length ? source.issuer.audiences : [publicUrl];
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: ALGORITHMS,
        issuer: source.issuer.iss,
        audience: bases.map((b) => `${b}${path}`),
        maxTokenAge: maxAge,
        clockTolerance: tolerance,
        requiredClaims: ['iss', ...(source.issuer.requireSub ? ['sub'] : []), 'aud', 'exp', 'iat', 'jti'],
        currentDate: new Date(now()),
      }));
    } catch (e) {
      if (e instanceof HttpError) throw e;
      throw unauthorized(e instanceof Error && 'code' in e ? `JWT rejected (${String(e.code)})` : 'JWT rejected', reasonOf(e));
    }
    if (payload.sub !== undefined || source.issuer.requireSub) {
      if (typeof payload.sub !== 'string' || !payload.sub) throw unauthorized('JWT sub must be a non-empty string (CDS Hooks 2.0)', 'sub-missing');
    }
    if (payload.nbf !== undefined && typeof payload.nbf !== 'number') throw unauthorized('JWT nbf must be a number', 'nbf-invalid');
    if (typeof payload.jti !== 'string' || !payload.jti || payload.jti.length > 256) {
      throw unauthorized('JWT jti must be a non-empty string of at most 256 characters', 'jti-invalid');
    }
    const iat = payload.iat!;
    const exp = payload.exp!;
    if (exp - iat > maxAge + tolerance) {
      throw unauthorized(`JWT lifetime (exp - iat) exceeds ${maxAge + tolerance} s (JWT_MAX_AGE_SECONDS + tolerance)`, 'jwt-lifetime-too-long');
    }
    // Accepted at most until iat + max age (+ tolerance) and until exp (+ tolerance): remember it that long.
    const forgetAt = (Math.min(exp, iat + maxAge) + tolerance) * 1000;
    if (!replay.use(`${source.issuer.iss} ${payload.jti}`, forgetAt, now())) throw unauthorized('JWT already used (jti)', 'jti-replayed');
    return { iss: source.issuer.iss, sub: payload.sub ?? '' };
  };
}

/**
 * The keys to verify with. Local keys (files) win whatever the jku says: they are the issuer's keys as configured, and
 * a jku is then only a hint that is not followed (a jku outside the allow-list is ignored, not fatal). Without local
 * keys a jku must be allow-listed, and is fetched; no jku means the issuer's configured URL(s).
 */
function pickKeys(source: KeySource, jku: string | undefined): JWTVerifyGetKey {
  if (source.fromFiles) return source.fromFiles;
  if (jku !== undefined) {
    const byUrl = source.byUrl.get(jku);
    if (!byUrl) throw unauthorized('jku not allow-listed for this issuer', 'jku-not-allowed');
    return byUrl;
  }
  const first = source.byUrl.values().next();
  if (first.done) throw unauthorized('No keys configured for this issuer', 'keys-missing');
  if (source.byUrl.size === 1) return first.value;
  const all = [...source.byUrl.values()];
  return async (header, input) => {
    for (const get of all) {
      try { return await get(header, input); } catch { /* try the next set */ }
    }
    throw unauthorized('No matching key', 'key-unknown');
  };
}
