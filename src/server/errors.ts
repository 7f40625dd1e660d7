// Every error becomes an HTTP answer here, and only here: JSON, no stack traces.
// The request log gets a class for each failure (a reason for 4xx/503, an error class for 500), never a message or body.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface FieldMessage {
  readonly field: string;
  readonly message: string;
}

/** What the request log may say about a failed request: classes only. */
export interface LogNote {
  /** Why a request was refused (4xx, 503), e.g. jwt-expired, issuer-unknown, json-too-deep. */
  readonly reason?: string;
  /** Class of an unexpected error (500), e.g. TypeError, RangeError. */
  readonly errorClass?: string;
}

declare module 'hono' {
  interface ContextVariableMap { logNote: LogNote }
}

/** The feedback store is down: the caller should retry after this many seconds (503 + Retry-After). */
export class StoreUnavailable extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('Feedback store unavailable');
  }
}

/** An expected failure with its status, a stable code and, for bad input, the fields at fault. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields: readonly FieldMessage[] = [],
    readonly headers: Readonly<Record<string, string>> = {},
    /** A class of the failure for the log; the code when none is given. */
    readonly reason: string = code,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, fields: readonly FieldMessage[] = [], reason = 'bad-request'): HttpError =>
  new HttpError(400, 'bad-request', message, fields, {}, reason);
export const unauthorized = (message: string, reason = 'unauthorized'): HttpError =>
  new HttpError(401, 'unauthorized', message, [], { 'WWW-Authenticate': 'Bearer' }, reason);
export const notFound = (message = 'Not found'): HttpError => new HttpError(404, 'not-found', message);
export const preconditionFailed = (message: string, reason = 'precondition-failed'): HttpError =>
  new HttpError(412, 'precondition-failed', message, [], {}, reason);
export const unsupportedMediaType = (): HttpError =>
  new HttpError(415, 'unsupported-media-type', 'Send JSON: Content-Type: application/json');
/** The rest of the body may still be arriving: the connection is closed rather than reused. */
export const payloadTooLarge = (limit: number): HttpError =>
  new HttpError(413, 'payload-too-large', `Request body exceeds ${limit} bytes`, [], { Connection: 'close' });
export const serviceUnavailable = (message: string, retryAfterSeconds: number, reason = 'unavailable'): HttpError =>
  new HttpError(503, 'unavailable', message, [], { 'Retry-After': String(retryAfterSeconds) }, reason);

/** The class of an error for logs and /health: a code (ECONNREFUSED, 57P01) or a short name, never the message. */
export function errorClass(e: unknown): string {
  if (e && typeof e === 'object') {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[\w-]{1,40}$/.test(code)) return code;
    const message = e instanceof Error ? e.message : '';
    if (/query read timeout/i.test(message)) return 'query-timeout';
    if (/timeout exceeded when trying to connect|connection timeout/i.test(message)) return 'connect-timeout';
    if (/connection terminated/i.test(message)) return 'connection-terminated';
    if (/pool.*(ended|closed)|after calling end/i.test(message)) return 'pool-closed';
    if (e instanceof Error && /^\w{1,40}$/.test(e.name)) return e.name;
  }
  return 'unknown';
}

/** The one mapping from a thrown value to a response. Unknown errors are 500 without details. */
export function errorResponse(err: unknown, c: Context): Response {
  if (err instanceof StoreUnavailable) {
    return errorResponse(serviceUnavailable('Feedback store unavailable; retry later', err.retryAfterSeconds, 'store-unavailable'), c);
  }
  if (err instanceof HttpError) {
    c.set('logNote', { reason: err.reason });
    for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
    const body = err.fields.length ? { error: err.code, message: err.message, fields: err.fields } : { error: err.code, message: err.message };
    return c.json(body, err.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const code = status === 413 ? 'payload-too-large' : status === 401 ? 'unauthorized' : 'http-error';
    c.set('logNote', status >= 500 ? { errorClass: 'HTTPException' } : { reason: code });
    return c.json({ error: code, message: status >= 500 ? 'Internal error' : err.message || 'Request rejected' }, status);
  }
  c.set('logNote', { errorClass: errorClass(err) });
  return c.json({ error: 'internal', message: 'Internal error' }, 500);
}
