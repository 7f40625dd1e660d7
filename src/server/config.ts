// Service configuration from environment variables (documented in README "Service").
import { resolve } from 'node:path';
import { DEFAULT_BODY_LIMIT_BYTES } from '../input/json.js';

export interface IssuerConfig {
  /** The EHR's `iss` claim, allow-listed. */
  readonly iss: string;
  /** JWKS URLs this issuer may use (a `jku` header must be one of them). */
  readonly jwksUrls: readonly string[];
  /** JWKS files on disk for this issuer (out-of-band keys). */
  readonly jwksFiles: readonly string[];
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

/**
 * Parses CDS_ISSUERS: a JSON object mapping each issuer to a JWKS URL or file path, a list of them, or
 * {"jwks": <url or file or list>, "fhirServers": ["https://…"]} to allow FHIR servers for that issuer.
 * http: JWKS URLs are refused unless allowInsecure (development).
 */
export function parseIssuers(raw: string | undefined, options: { allowInsecure?: boolean } = {}): IssuerConfig[] {
  if (!raw || !raw.trim()) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new Error('CDS_ISSUERS must be a JSON object: {"<iss>": "<jwks url or file>" | ["…"] | {"jwks": …, "fhirServers": ["…"]}}');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('CDS_ISSUERS must be a JSON object');
  return Object.entries(value).map(([iss, v]) => {
    const full: { jwks?: unknown; fhirServers?: unknown } = v && typeof v === 'object' && !Array.isArray(v) ? v : { jwks: v as unknown };
    const list: unknown[] = Array.isArray(full.jwks) ? full.jwks : [full.jwks];
    if (!list.every((s): s is string => typeof s === 'string' && s.length > 0)) throw new Error(`CDS_ISSUERS: bad key source for ${iss}`);
    const jwksUrls = list.filter(isUrl);
    const insecure = jwksUrls.find((u) => !/^https:/i.test(u));
    if (insecure && !options.allowInsecure) throw new Error(`CDS_ISSUERS: JWKS URL for ${iss} must be https: (http: only with ALLOW_INSECURE_NETWORK=on, for development)`);
    const fhirServers = full.fhirServers === undefined ? [] : urlList(`CDS_ISSUERS fhirServers for ${iss}`, full.fhirServers);
    return { iss, jwksUrls, jwksFiles: list.filter((s) => !isUrl(s)).map((s) => resolve(s)), fhirServers };
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
    },
    listen: {
      port, host, workers: Math.max(1, positiveInt('WORKERS', env.WORKERS, 1)), databaseUrl: env.DATABASE_URL || null, sqlitePath: env.SQLITE_PATH || 'leptoguide-feedback.sqlite',
      databaseTimeoutMs: Math.max(1, positiveInt('DATABASE_TIMEOUT_MS', env.DATABASE_TIMEOUT_MS, 5000)),
      databasePoolMax: Math.max(1, positiveInt('DATABASE_POOL_MAX', env.DATABASE_POOL_MAX, 10)),
      feedbackQueueMax: positiveInt('FEEDBACK_QUEUE_MAX', env.FEEDBACK_QUEUE_MAX, 1000),
    },
  };
}
