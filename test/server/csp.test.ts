// CSP: the SMART pages may connect to the configured EHR origins (SMART_ORIGINS); every page may be framed by
// FRAME_ANCESTORS; everything else stays 'self'. Served pages carry the header (also 404s and API answers).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/server/app.js';
import { harness, testConfig } from './support.js';

const csp = { smartConnect: ['https://fhir.ehr.example', 'https://login.ehr.example'], frameAncestors: ['https://hix.ehr.example'] };
const directive = (policy: string, name: string): string => policy.split('; ').find((d) => d.startsWith(`${name} `)) ?? '';

describe('Content Security Policy', () => {
  it('opens connect-src to the EHR origins on launch.html and smart.html only', () => {
    const config = testConfig({ csp });
    for (const page of ['/launch.html', '/smart.html']) {
      expect(directive(contentSecurityPolicy(config, page), 'connect-src')).toBe("connect-src 'self' https://fhir.ehr.example https://login.ehr.example");
    }
    for (const page of ['/', '/index.html', '/api/guideline', '/xlaunch.html.js', '/assets/smart-x.js']) {
      expect(directive(contentSecurityPolicy(config, page), 'connect-src')).toBe("connect-src 'self'");
    }
    expect(directive(contentSecurityPolicy(testConfig(), '/smart.html'), 'connect-src')).toBe("connect-src 'self'");
  });

  it('frame-ancestors: self plus the configured EHRs, on every page', () => {
    expect(directive(contentSecurityPolicy(testConfig({ csp }), '/'), 'frame-ancestors')).toBe("frame-ancestors 'self' https://hix.ehr.example");
    expect(directive(contentSecurityPolicy(testConfig(), '/smart.html'), 'frame-ancestors')).toBe("frame-ancestors 'self'");
  });

  it('is sent with static pages, API answers and errors', async () => {
    const web = mkdtempSync(join(tmpdir(), 'lg-web-'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(web, 'smart.html'), '<!doctype html><title>x</title>');
    const h = await harness('app.request', testConfig({ csp, webDir: web }));
    const smart = await h.client.request('/smart.html');
    expect(smart.status).toBe(200);
    expect(smart.headers.get('content-security-policy')).toContain('https://login.ehr.example');
    for (const path of ['/', '/health', '/nowhere']) {
      const r = await h.client.request(path);
      const policy = r.headers.get('content-security-policy') ?? '';
      expect(directive(policy, 'connect-src'), path).toBe("connect-src 'self'");
      expect(policy, path).toContain("frame-ancestors 'self' https://hix.ehr.example");
      expect(policy, path).not.toContain('unsafe-inline');
    }
  });
});
