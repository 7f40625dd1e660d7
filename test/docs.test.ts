import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDocs } from '../src/render/docs.js';
import { loadVignettes } from './support/vignettes.js';

// Diagrams, tables, matrix and schema in docs/generated/ must match the declarations (run `npm run docs`).
const root = join(import.meta.dirname, '..');
const files = generateDocs(loadVignettes().map((v) => ({ id: v.id, file: v.file, include: v.expect.include })));

describe('generated documentation is current', () => {
  for (const [path, content] of Object.entries(files)) {
    it(path, () => {
      expect(existsSync(join(root, path)), `${path} missing: run npm run docs`).toBe(true);
      expect(readFileSync(join(root, path), 'utf8') === content, `${path} is stale: run npm run docs`).toBe(true);
    });
  }
});
