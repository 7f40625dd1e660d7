// Reading a JSON body: 415 for other media types, 413 over the limit, 400 for malformed JSON.
// On Node the body is read from the IncomingMessage directly (web streams cost more than the evaluation itself).
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { badRequest, payloadTooLarge, unsupportedMediaType } from './errors.js';

async function readNode(incoming: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw payloadTooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

async function readWeb(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string> {
  if (!body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) { await reader.cancel(); throw payloadTooLarge(limit); }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

export async function readJson(c: Context, limit: number): Promise<unknown> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/([\w.+-]*\+)?json\s*(;|$)/i.test(type)) throw unsupportedMediaType();
  if (Number(c.req.header('Content-Length') ?? 0) > limit) throw payloadTooLarge(limit);
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const text = incoming ? await readNode(incoming, limit) : await readWeb(c.req.raw.body, limit);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('Body is not valid JSON');
  }
}
