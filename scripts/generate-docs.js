// Writes docs/generated/ from the declarations (run `npm run docs`; a test checks it is current).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readVignettes } from '../dist/src/cli/node-io.js';
import { generateDocs } from '../dist/src/render/docs.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const [path, content] of Object.entries(generateDocs(readVignettes()))) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
  console.log(`wrote ${path}`);
}
