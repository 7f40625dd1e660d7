// Performance budget as sizes: the initial JS + CSS referenced by dist/web/index.html is at most 100 kB gzip.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WEB_DIR } from './support.js';

export const BUDGET = 100 * 1024;

export function initialAssets(): string[] {
  const html = readFileSync(join(WEB_DIR, 'index.html'), 'utf8');
  return [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="\.\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
}

describe('bundle size', () => {
  it('initial JS + CSS ≤ 100 kB gzip, all local, no inline scripts', () => {
    const html = readFileSync(join(WEB_DIR, 'index.html'), 'utf8');
    const assets = initialAssets();
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    const total = assets.reduce((n, a) => n + gzipSync(readFileSync(join(WEB_DIR, a)), { level: 9 }).length, 0);
    expect(total).toBeLessThanOrEqual(BUDGET);
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toContain('Content-Security-Policy');
  });
});
