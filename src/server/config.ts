// Service configuration from environment variables (documented in README "Service").
import { resolve } from 'node:path';
import { DEFAULT_BODY_LIMIT_BYTES } from '../input/json.js';

export interface IssuerConfig {
  /** The EHR's `iss` claim, allow-listed. */
  readonly iss: string;
  /** JWKS URLs this issuer may use: fetched when a token's `jku` names one (or, without jku, when there are no local keys). */
  readonly jwksUrls: readonly string[];
  /**
   * JWKS files on disk for this issuer (out-of-band keys, or a cached copy of its JWKS URL). When there are any, tokens
   * are verified with these keys only, whatever their `jku` says: nothing is fetched (closed hospital networks).
   */
  readonly jwksFiles: readonly string[];
  /** Base URLs a token's `aud` may start with (aud = base + endpoint path); default: PUBLIC_URL. */
  readonly audiences: readonly string[];
  /** Whether a token must carry `sub` (CDS Hooks 2.0: the client id). Default true. */
  readonly requireSub: boolean;
  /** FHIR server base URLs this issuer's hook requests may name as fhirServer (queried when prefetch is incomplete). */
  readonly fhirServers: readonly string[];
}

export interface ServerConfig {
  /** External base URL, no trailing slash: JWT `aud` is this plus the endpoint path; links point here. */
  readonly publicUrl: string;
  readonly auth: {
    readonly enabled: boolean;
    readonly issuers: readonly IssuerConfig[];
    /** Oldest accepted `iat`, seconds. */
    readonly maxTokenAgeSeconds: number;
    readonly clockToleranceSeconds: number;
  };
  readonly bodyLimitBytes: number;
  readonly network: {
    /** Development only: http: JWKS and FHIR URLs, and FHIR servers on loopback or private addresses. */
    readonly allowInsecure: boolean;
    /** FHIR server base URLs allowed when auth is off (with auth on, each issuer's fhirServers). */
    readonly fhirServers: readonly string[];
  };
  /** Directory of the built web app, or null to not serve it. */
  readonly webDir: string | null;
  /** Language of card texts: nl (language of record) or en. */
  readonly cdsLang: 'nl' | 'en';
  /** Content Security Policy allow-lists. */
  readonly csp: {
    /** Origins the SMART pages (launch.html, smart.html) may connect to: the EHRs' FHIR and authorization servers. */
    readonly smartConnect: readonly string[];
    /** Origins that may embed the app in a frame (all pages); 'self' is always allowed. */
    readonly frameAncestors: readonly string[];
  };
}

export interface Listen {
  readonly port: number;
  /** Processes sharing the port (node:cluster); 1 = no cluster. */
  readonly workers: number;
  readonly host: string;
  readonly databaseUrl: string | null;
  readonly sqlitePath: string;
  /** Bound on connecting to PostgreSQL and on each statement, ms. */
  readonly databaseTimeoutMs: number;
  readonly databasePoolMax: number;
  /** Issued cards kept in memory while the feedback store is down; more are dropped (and counted). */
  readonly feedbackQueueMax: number;
}

const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

/** A list of base URLs: a JSON array or whitespace-separated; each must be an http(s) URL. */
function urlList(name: string, value: unknown): string[] {
  const list: unknown[] = typeof value === 'string' ? (value.trim().startsWith('[') ? JSON.parse(value) as unknown[] : value.split(/\s+/).filter(Boolean)) : Array.isArray(value) ? value : [value];
  return list.map((u) => {
    if (typeof u !== 'string' || !isUrl(u)) throw new Error(`${name}: not an http(s) URL: ${JSON.stringify(u)}`);
    new URL(u);
    return u.replace(/\/+$/, '');
  });
}

const ISSUER_KEYS = new Set(['jwks', 'jwksFile', 'jku', 'audience', 'fhirServers', 'requireSub']);
const stringsOf = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** An origin (scheme://host[:port]) from a URL or origin string. */
function originOf(name: string, value: string): string {
  if (!isUrl(value)) throw new Error(`${name}: not an http(s) origin: ${JSON.stringify(value)}`);
  return new URL(value).origin;
}

/** A list of origins: a JSON array or whitespace-separated. */
function originList(name: string, raw: string | undefined): string[] {
  if (!raw || !raw.trim()) return [];
  const list: unknown[] = raw.trim().startsWith('[') ? JSON.parse(raw) as unknown[] : raw.split(/\s+/).filter(Boolean);
  return [...new Set(list.map((o) => {
    if (typeof o !== 'string') throw new Error(`${name}: not an origin: ${JSON.stringify(o)}`);
    return originOf(name, o);
  }))];
}

/**
 * Parses CDS_ISSUERS (README "Trusted CDS clients"): a JSON object mapping each issuer to a JWKS URL or file path, a
 * list of them, or an object {"jwks", "jwksFile", "jku", "audience", "fhirServers", "requireSub"}.
 * Files (in jwks or jwksFile) are local keys: with any, tokens are verified with them whatever their jku says.
 * URLs (in jwks or jku) are the allowed jku values, fetched when no local keys are configured.
 * http: JWKS URLs are refused unless allowInsecure (development).
 */
export function parseIssuers(raw: string | undefined, options: { allowInsecure?: boolean } = {}): IssuerConfig[] {
  if (!raw || !raw.trim()) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new Error('CDS_ISSUERS must be a JSON object: {"<iss>": "<jwks url or file>" | ["…"] | {"jwks": …, "jwksFile": …, "jku": […], "audience": […], "fhirServers": ["…"], "requireSub": true}}');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('CDS_ISSUERS must be a JSON object');
  return Object.entries(value).map(([iss, v]) => {
    const full: Record<string, unknown> = v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : { jwks: v as unknown };
    const unknownKey = Object.keys(full).find((k) => !ISSUER_KEYS.has(k));
    if (unknownKey) throw new Error(`CDS_ISSUERS: unknown setting "${unknownKey}" for ${iss} (known: ${[...ISSUER_KEYS].join(', ')})`);
    const list = [...stringsOf(full.jwks), ...stringsOf(full.jwksFile), ...stringsOf(full.jku)];
    if (!list.length || !list.every((s): s is string => typeof s === 'string' && s.length > 0)) throw new Error(`CDS_ISSUERS: bad key source for ${iss}`);
    if (stringsOf(full.jwksFile).some((f) => typeof f === 'string' && isUrl(f))) throw new Error(`CDS_ISSUERS: jwksFile for ${iss} must be a file path`);
    if (stringsOf(full.jku).some((u) => typeof u !== 'string' || !isUrl(u))) throw new Error(`CDS_ISSUERS: jku for ${iss} must be URLs`);
    const jwksUrls = [...new Set(list.filter(isUrl))];
    const insecure = jwksUrls.find((u) => !/^https:/i.test(u));
    if (insecure && !options.allowInsecure) throw new Error(`CDS_ISSUERS: JWKS URL for ${iss} must be https: (http: only with ALLOW_INSECURE_NETWORK=on, for development)`);
    const fhirServers = full.fhirServers === undefined ? [] : urlList(`CDS_ISSUERS fhirServers for ${iss}`, full.fhirServers);
    const audiences = full.audience === undefined ? [] : urlList(`CDS_ISSUERS audience for ${iss}`, full.audience);
    if (full.requireSub !== undefined && typeof full.requireSub !== 'boolean') throw new Error(`CDS_ISSUERS: requireSub for ${iss} must be true or false`);
    return {
      iss, jwksUrls, jwksFiles: [...new Set(list.filter((s) => !isUrl(s)).map((s) => resolve(s)))], audiences,
      requireSub: full.requireSub !== false, fhirServers,
    };
  });
}

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer`);
  return n;
}

export function configFromEnv(env: NodeJS.ProcessEnv): { config: ServerConfig; listen: Listen } {
  const port = positiveInt('PORT', env.PORT, 8080);
  const host = env.HOST || '127.0.0.1';
  const auth = env.LEPTOGUIDE_AUTH ?? (env.NODE_ENV === 'development' ? 'off' : 'on');
  if (auth !== 'on' && auth !== 'off') throw new Error('LEPTOGUIDE_AUTH must be on or off');
  const lang = env.CDS_LANG || 'nl';
  if (lang !== 'nl' && lang !== 'en') throw new Error('CDS_LANG must be nl or en');
  const insecure = env.ALLOW_INSECURE_NETWORK ?? (env.NODE_ENV === 'development' ? 'on' : 'off');
  if (insecure !== 'on' && insecure !== 'off') throw new Error('ALLOW_INSECURE_NETWORK must be on or off');
  const allowInsecure = insecure === 'on';
  const publicUrl = (env.PUBLIC_URL || `http://${host.includes(':') ? `[${host}]` : host}:${port}`).replace(/\/+$/, '');
  return {
    config: {
      publicUrl,
      auth: {
        enabled: auth === 'on',
        issuers: parseIssuers(env.CDS_ISSUERS, { allowInsecure }),
        maxTokenAgeSeconds: positiveInt('JWT_MAX_AGE_SECONDS', env.JWT_MAX_AGE_SECONDS, 300),
        clockToleranceSeconds: positiveInt('JWT_CLOCK_TOLERANCE_SECONDS', env.JWT_CLOCK_TOLERANCE_SECONDS, 30),
      },
      bodyLimitBytes: positiveInt('BODY_LIMIT_BYTES', env.BODY_LIMIT_BYTES, DEFAULT_BODY_LIMIT_BYTES),
      network: { allowInsecure, fhirServers: env.FHIR_SERVERS ? urlList('FHIR_SERVERS', env.FHIR_SERVERS) : [] },
      webDir: env.WEB_DIR === '' ? null : resolve(env.WEB_DIR ?? 'dist/web'),
      cdsLang: lang,
      csp: {
        smartConnect: originList('SMART_ORIGINS', env.SMART_ORIGINS),
        frameAncestors: originList('FRAME_ANCESTORS', env.FRAME_ANCESTORS),
      },
    },
    listen: {
      port, host, workers: Math.max(1, positiveInt('WORKERS', env.WORKERS, 1)), databaseUrl: env.DATABASE_URL || null, sqlitePath: env.SQLITE_PATH || 'leptoguide-feedback.sqlite',
      databaseTimeoutMs: Math.max(1, positiveInt('DATABASE_TIMEOUT_MS', env.DATABASE_TIMEOUT_MS, 5000)),
      databasePoolMax: Math.max(1, positiveInt('DATABASE_POOL_MAX', env.DATABASE_POOL_MAX, 10)),
      feedbackQueueMax: positiveInt('FEEDBACK_QUEUE_MAX', env.FEEDBACK_QUEUE_MAX, 1000),
    },
  };
}
