import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { check, loadVignettes, observe } from './support/vignettes.js';

// The same clinical specification, run through the built CLI as a user would (JSON output).
const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../bin/leptoguide.js');
const dir = mkdtempSync(join(tmpdir(), 'leptoguide-vignettes-'));

describe('vignettes through the CLI', () => {
  for (const v of loadVignettes()) {
    it(`${v.file} › ${v.id}`, async () => {
      const file = join(dir, `${v.id}.json`);
      writeFileSync(file, JSON.stringify(v.case));
      const expectErrors = (v.expect.errorFields?.length ?? 0) > 0;
      const out = await run('node', [BIN, 'evaluate', file, '--format', 'json', '--as-of', v.asOf ?? '2026-11-26'])
        .catch((e: { code: number; stdout: string }) => ({ stdout: e.stdout, code: e.code }));
      expect('code' in out ? out.code : 0).toBe(expectErrors ? 2 : 0);
      expect(check(v, observe(JSON.parse(out.stdout)))).toEqual([]);
    });
  }
});
