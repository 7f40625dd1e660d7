import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, loadVignettes, observe } from './support/vignettes.js';
import { harness, json, type Harness } from './server/support.js';

// The same clinical specification, through the HTTP service on a real port (POST /api/evaluate).
let h: Harness;
beforeAll(async () => { h = await harness('server'); });
afterAll(async () => { await h.client.close(); });

describe('vignettes through HTTP', () => {
  for (const v of loadVignettes()) {
    it(`${v.file} › ${v.id}`, async () => {
      const res = await h.client.request(`/api/evaluate?lang=en&asOf=${v.asOf ?? '2026-11-26'}`, json(v.case));
      const expectErrors = (v.expect.errorFields?.length ?? 0) > 0;
      const body = await res.json() as Parameters<typeof observe>[0] & { error?: string };
      if (res.status !== 200) {
        expect(expectErrors, `HTTP ${res.status}: ${JSON.stringify(body)}`).toBe(true);
        return;
      }
      expect(check(v, observe(body))).toEqual([]);
    });
  }
});
