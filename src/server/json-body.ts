// Reading a JSON body: 415 for other media types, 413 over the limit, 400 for malformed JSON, JSON nested deeper than
// MAX_JSON_DEPTH (refused before anything walks it) and, for case input, duplicate keys; a UTF-8 BOM is accepted.
// On Node the body is read from the IncomingMessage directly (web streams cost more than the evaluation itself).
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { Lang } from '../engine/types.js';
import { JsonInputError, parseJsonText } from '../input/json.js';
import { HttpError, badRequest, payloadTooLarge, unsupportedMediaType } from './errors.js';

/** A body the client broke off or framed wrongly (e.g. bad chunked encoding): 400, and logged as such. */
const malformedBody = (): HttpError => badRequest('Malformed request body', [], 'body-malformed');

async function readNode(incoming: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of incoming as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) throw payloadTooLarge(limit);
      chunks.push(chunk);
    }
  } catch (e) {
    throw e instanceof HttpError ? e : malformedBody();
  }
  if (!incoming.complete) throw malformedBody();
  return Buffer.concat(chunks, size).toString('utf8');
}

async function readWeb(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string> {
  if (!body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    let part: ReadableStreamReadResult<Uint8Array>;
    try { part = await reader.read(); } catch { throw malformedBody(); }
    const { done, value } = part;
    if (done) break;
    size += value.length;
    if (size > limit) { await reader.cancel(); throw payloadTooLarge(limit); }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

export interface ReadJsonOptions {
  /** Case input: refuse duplicate keys (naming the field). */
  readonly rejectDuplicateKeys?: boolean;
  /** Language of field messages. */
  readonly lang?: Lang;
}

export async function readJson(c: Context, limit: number, options: ReadJsonOptions = {}): Promise<unknown> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/([\w.+-]*\+)?json\s*(;|$)/i.test(type)) throw unsupportedMediaType();
  if (Number(c.req.header('Content-Length') ?? 0) > limit) throw payloadTooLarge(limit);
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const text = incoming ? await readNode(incoming, limit) : await readWeb(c.req.raw.body, limit);
  try {
    return parseJsonText(text, { rejectDuplicateKeys: options.rejectDuplicateKeys ?? false });
  } catch (e) {
    if (!(e instanceof JsonInputError)) throw e;
    const lang = options.lang ?? 'en';
    if (e.problem === 'syntax') throw badRequest('Body is not valid JSON', [], 'json-syntax');
    if (e.problem === 'too-deep') throw badRequest(e.text.en, [], 'json-too-deep');
    throw badRequest(e.text[lang], [{ field: e.field ?? '(body)', message: lang === 'nl' ? 'sleutel staat er twee keer in' : 'key given twice' }], 'json-duplicate-key');
  }
}
