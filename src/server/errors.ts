// Every error becomes an HTTP answer here, and only here: JSON, no stack traces.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface FieldMessage {
  readonly field: string;
  readonly message: string;
}

/** An expected failure with its status, a stable code and, for bad input, the fields at fault. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields: readonly FieldMessage[] = [],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, fields: readonly FieldMessage[] = []): HttpError =>
  new HttpError(400, 'bad-request', message, fields);
export const unauthorized = (message: string): HttpError =>
  new HttpError(401, 'unauthorized', message, [], { 'WWW-Authenticate': 'Bearer' });
export const notFound = (message = 'Not found'): HttpError => new HttpError(404, 'not-found', message);
export const preconditionFailed = (message: string): HttpError => new HttpError(412, 'precondition-failed', message);
export const unsupportedMediaType = (): HttpError =>
  new HttpError(415, 'unsupported-media-type', 'Send JSON: Content-Type: application/json');
/** The rest of the body may still be arriving: the connection is closed rather than reused. */
export const payloadTooLarge = (limit: number): HttpError =>
  new HttpError(413, 'payload-too-large', `Request body exceeds ${limit} bytes`, [], { Connection: 'close' });

/** The one mapping from a thrown value to a response. Unknown errors are 500 without details. */
export function errorResponse(err: unknown, c: Context): Response {
  if (err instanceof HttpError) {
    for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
    const body = err.fields.length ? { error: err.code, message: err.message, fields: err.fields } : { error: err.code, message: err.message };
    return c.json(body, err.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const code = status === 413 ? 'payload-too-large' : status === 401 ? 'unauthorized' : 'http-error';
    return c.json({ error: code, message: status >= 500 ? 'Internal error' : err.message || 'Request rejected' }, status);
  }
  return c.json({ error: 'internal', message: 'Internal error' }, 500);
}
