import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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

export const nodeIo: Io = {
  readFile: (p) => readFileSync(p, 'utf8'),
  readStdin: () => readFileSync(0, 'utf8'),
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
