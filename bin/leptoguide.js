#!/usr/bin/env node
// Entry point of the CLI; the TypeScript sources are compiled to dist/ by `npm ci` (prepare) or `npm run build`.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli/bin.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('LeptoGuide is not built yet: run `npm run build` (npm ci does this).\n');
  process.exit(1);
}
await import(entry.href);
