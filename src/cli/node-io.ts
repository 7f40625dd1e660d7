import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_BODY_LIMIT_BYTES, InputTooLargeError } from '../input/json.js';
import type { VignetteRef } from '../render/matrix.js';
import type { Io } from './main.js';

// The real world for the CLI: files, stdin, stdout, the clock. Paths resolve from the package root.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

interface VignetteFile { vignettes: { id: string; expect: { include?: string[] } }[] }

export function readVignettes(dir = join(ROOT, 'test/vignettes')): VignetteRef[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().flatMap((file) => {
    const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as VignetteFile;
    return data.vignettes.map((v) => ({ id: v.id, file, include: v.expect.include ?? [] }));
  });
}

/** Reads a file descriptor up to limit bytes; a regular file over the limit is refused by its size, unread. */
function readLimited(fd: number, limit: number): string {
  const st = fstatSync(fd);
  if (st.isFile() && st.size > limit) throw new InputTooLargeError(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  const buf = Buffer.alloc(65_536);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      if ((e as { code?: string }).code === 'EAGAIN') continue;
      if ((e as { code?: string }).code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    size += n;
    if (size > limit) throw new InputTooLargeError(limit);
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

function limitFromEnv(): number {
  const n = Number(process.env.BODY_LIMIT_BYTES);
  return process.env.BODY_LIMIT_BYTES && Number.isInteger(n) && n >= 0 ? n : DEFAULT_BODY_LIMIT_BYTES;
}

export const nodeIo: Io = {
  readFile: (p, limit) => {
    const fd = openSync(p, 'r');
    try { return readLimited(fd, limit); } finally { closeSync(fd); }
  },
  readStdin: (limit) => readLimited(0, limit),
  inputLimit: limitFromEnv,
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  today: () => new Date().toISOString().slice(0, 10),
  vignettes: () => readVignettes(),
  examples: () => {
    const dir = join(ROOT, 'docs/examples');
    if (!existsSync(dir)) return [];
    return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => ({ name: f, json: readFileSync(join(dir, f), 'utf8') }));
  },
};
