// The JWT matrix (CDS Hooks 2.0 "Trusting CDS Clients"): what is rejected and what is accepted.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, base64url } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReplayCache } from '../../src/server/auth.js';
import { configFromEnv, parseIssuers } from '../../src/server/config.js';
import { harness, json, jwksServer, keyPair, PUBLIC_URL, testConfig, token, type Harness, type KeyPair } from './support.js';

const BODY = JSON.parse(readFileSync(join(__dirname, '../../docs/examples/cds-patient-view.json'), 'utf8')) as object;
const PATH = '/cds-services/leptoguide-patient-view';
const AUD = `${PUBLIC_URL}${PATH}`;

describe('JWT verification', () => {
  let es: KeyPair; let rs: KeyPair; let fileKey: KeyPair; let stranger: KeyPair;
  let jwks: Awaited<ReturnType<typeof jwksServer>>;
  let other: Awaited<ReturnType<typeof jwksServer>>;
  let h: Harness;
  const call = async (t: string | null, path = PATH): Promise<Response> =>
    h.client.request(path, json(BODY, t === null ? {} : { Authorization: `Bearer ${t}` }));

  beforeAll(async () => {
    [es, rs, fileKey, stranger] = await Promise.all([keyPair('ES384', 'es'), keyPair('RS384', 'rs'), keyPair('ES384', 'file'), keyPair('ES384', 'es')]);
    jwks = await jwksServer([es.jwk, rs.jwk]);
    other = await jwksServer([stranger.jwk]);
    const file = join(mkdtempSync(join(tmpdir(), 'lg-jwks-')), 'jwks.json');
    writeFileSync(file, JSON.stringify({ keys: [fileKey.jwk] }));
    // The test JWKS servers are http: on 127.0.0.1, allowed only in development (allowInsecure).
    const issuers = parseIssuers(JSON.stringify({ 'https://ehr.test': jwks.url, 'https://file-ehr.test': file }), { allowInsecure: true });
    h = await harness('server', testConfig({ auth: { enabled: true, issuers, maxTokenAgeSeconds: 300, clockToleranceSeconds: 5 } }));
  });
  afterAll(async () => { await h.client.close(); await jwks.stop(); await other.stop(); });

  const rejected = async (t: string | null, why: RegExp): Promise<void> => {
    const r = await call(t);
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toBe('Bearer');
    expect(await r.json()).toMatchObject({ error: 'unauthorized', message: expect.stringMatching(why) });
  };
  const rejectedFor = (why: RegExp) => (t: string): Promise<void> => rejected(t, why);

  it('rejects a missing token', () => rejected(null, /Bearer JWT required/));

  it('rejects alg none', async () => {
    const now = Math.floor(Date.now() / 1000);
    const enc = (o: object): string => base64url.encode(JSON.stringify(o));
    await rejected(`${enc({ alg: 'none', typ: 'JWT' })}.${enc({ iss: 'https://ehr.test', aud: AUD, iat: now, exp: now + 60, jti: 'none-1' })}.`, /ALG_NOT_ALLOWED|JWS_INVALID|JWT_INVALID/);
  });

  it('rejects HS256 (symmetric)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const t = await new SignJWT({}).setProtectedHeader({ alg: 'HS256', kid: 'es' }).setIssuer('https://ehr.test').setAudience(AUD)
      .setIssuedAt(now).setExpirationTime(now + 60).setJti('hs-1').sign(new TextEncoder().encode('a shared secret of thirty-two bytes!'));
    await rejected(t, /ALG_NOT_ALLOWED/);
  });

  it('rejects an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    await rejected(await token(es, { aud: AUD, iat: now - 200, exp: now - 100 }), /JWT_EXPIRED/);
  });

  it('rejects an iat in the future', async () => {
    const now = Math.floor(Date.now() / 1000);
    await rejected(await token(es, { aud: AUD, iat: now + 600, exp: now + 900 }), /CLAIM_VALIDATION_FAILED/);
  });

  it('rejects a wrong aud', () => token(es, { aud: `${PUBLIC_URL}/cds-services/leptoguide-order-sign` }).then(rejectedFor(/CLAIM_VALIDATION_FAILED/)));
  it('rejects an unknown issuer', () => token(es, { aud: AUD, iss: 'https://evil.test' }).then(rejectedFor(/Issuer not trusted/)));
  it('rejects a jku that is not allow-listed', () => token(stranger, { aud: AUD, jku: other.url }).then(rejectedFor(/jku not allow-listed/)));
  it('rejects a key not in the issuer\'s JWKS', () => token(stranger, { aud: AUD, kid: 'es' }).then(rejectedFor(/SIGNATURE_VERIFICATION_FAILED/)));

  it('rejects a replayed jti', async () => {
    const t = await token(es, { aud: AUD, jku: jwks.url });
    expect((await call(t)).status).toBe(200);
    await rejected(t, /already used/);
  });

  it('accepts ES384 via the allow-listed jku', async () => {
    const r = await call(await token(es, { aud: AUD, jku: jwks.url }));
    expect(r.status).toBe(200);
    expect((await r.json() as { cards: unknown[] }).cards).toHaveLength(1);
  });

  it('accepts RS384 with the issuer\'s configured JWKS (no jku)', async () => {
    expect((await call(await token(rs, { aud: AUD }))).status).toBe(200);
  });

  it('accepts a key from a JWKS file', async () => {
    expect((await call(await token(fileKey, { aud: AUD, iss: 'https://file-ehr.test' }))).status).toBe(200);
  });

  it('protects feedback too (aud is the feedback URL)', async () => {
    const card = '7b3f1b4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
    await h.deps.feedback.recordCards([{ uuid: card, serviceId: 'leptoguide-patient-view', kind: 'info', requirementIds: [], guidelineVersion: '2022-09', contentHash: 'x', issuedAt: '2026-11-26T09:00:00Z' }]);
    const fb = { feedback: [{ card, outcome: 'overridden', outcomeTimestamp: '2026-11-26T10:00:00Z' }] };
    const path = `${PATH}/feedback`;
    expect((await h.client.request(path, json(fb))).status).toBe(401);
    const t = await token(es, { aud: `${PUBLIC_URL}${path}` });
    expect((await h.client.request(path, json(fb, { Authorization: `Bearer ${t}` }))).status).toBe(200);
  });

  it('leaves discovery open (it holds no patient data)', async () => {
    expect((await h.client.request('/cds-services')).status).toBe(200);
  });

  it('rejects a token whose lifetime exceeds the accepted age (a 10-year exp)', async () => {
    const now = Math.floor(Date.now() / 1000);
    await rejected(await token(es, { aud: AUD, exp: now + 10 * 365 * 86_400 }), /lifetime/);
    await rejected(await token(es, { aud: AUD, exp: now + 300 + 5 + 1 }), /lifetime/);
    expect((await call(await token(es, { aud: AUD, exp: now + 300 }))).status).toBe(200);
  });

  it('rejects a token without sub (CDS Hooks 2.0 requires it)', async () => {
    await rejected(await token(es, { aud: AUD, sub: null }), /CLAIM_VALIDATION_FAILED|sub/);
    expect(h.logs.at(-1)).toMatchObject({ status: 401, reason: 'sub-missing' });
  });

  it('a non-string jti gets a clear message, not "already used"', async () => {
    for (const jti of [42, { a: 1 }, ['x'], '', 'j'.repeat(300)]) {
      await rejected(await token(es, { aud: AUD, jti }), /jti must be a non-empty string/);
      expect(h.logs.at(-1)).toMatchObject({ status: 401, reason: 'jti-invalid' });
    }
  });

  it('logs the reason class of each 401, never the token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const cases: [string | null, string][] = [
      [null, 'token-missing'],
      ['not.a.jwt', 'jwt-malformed'],
      [await token(es, { aud: AUD, iat: now - 200, exp: now - 100 }), 'jwt-expired'],
      [await token(es, { aud: AUD, iss: 'https://evil.test' }), 'issuer-unknown'],
      [await token(es, { aud: `${PUBLIC_URL}/elsewhere` }), 'aud-mismatch'],
      [await token(es, { aud: AUD, iat: now + 600, exp: now + 700 }), 'iat-invalid'],
      [await token(stranger, { aud: AUD, jku: other.url }), 'jku-not-allowed'],
      [await token(stranger, { aud: AUD, kid: 'es' }), 'signature-invalid'],
    ];
    for (const [t, reason] of cases) {
      expect((await call(t)).status).toBe(401);
      expect(h.logs.at(-1), reason).toMatchObject({ status: 401, reason });
    }
    const replayed = await token(es, { aud: AUD });
    await call(replayed);
    await call(replayed);
    expect(h.logs.at(-1)).toMatchObject({ status: 401, reason: 'jti-replayed' });
    expect(JSON.stringify(h.logs)).not.toContain(replayed.slice(0, 20));
  });
});

describe('jti replay cache', () => {
  it('is O(1) per use, forgets expired entries and holds at most maxEntries', () => {
    const cache = new ReplayCache(1000);
    const t0 = performance.now();
    let refused = 0;
    for (let i = 0; i < 200_000; i++) if (!cache.use(`iss j${i}`, i + 100, i)) refused++;
    expect(refused).toBe(0);
    expect(performance.now() - t0).toBeLessThan(2000);
    const full = new ReplayCache(1000);
    const t1 = performance.now();
    for (let i = 0; i < 200_000; i++) full.use(`iss j${i}`, 1e12, i);
    expect(performance.now() - t1).toBeLessThan(3000);
    expect(full.size).toBe(1000);
    expect(cache.size).toBeLessThanOrEqual(1000);
    expect(cache.size).toBeGreaterThan(90);
    expect(cache.use('iss j199999', 0, 199_999)).toBe(false);
  });
  it('a key is refused until it expires, then forgotten', () => {
    const cache = new ReplayCache();
    expect(cache.use('a', 1000, 0)).toBe(true);
    expect(cache.use('a', 1000, 999)).toBe(false);
    expect(cache.use('b', 5000, 1001)).toBe(true);
    expect(cache.size).toBe(1);
    expect(cache.use('a', 3000, 1002)).toBe(true);
  });
  it('when full the oldest entry goes first, counted', () => {
    const cache = new ReplayCache(2);
    cache.use('a', 100, 0); cache.use('b', 100, 0); cache.use('c', 100, 0);
    expect(cache.size).toBe(2);
    expect(cache.evicted).toBe(1);
    expect(cache.use('c', 100, 1)).toBe(false);
  });
});

describe('CDS_ISSUERS', () => {
  it('maps each issuer to JWKS URLs and files', () => {
    const [a, b] = parseIssuers('{"https://sandbox.cds-hooks.org":"https://sandbox.cds-hooks.org/.well-known/jwks.json","ehr":["keys/ehr.json","https://ehr/jwks"]}');
    expect(a).toEqual({
      iss: 'https://sandbox.cds-hooks.org', jwksUrls: ['https://sandbox.cds-hooks.org/.well-known/jwks.json'], jwksFiles: [], audiences: [], requireSub: true, fhirServers: [],
    });
    expect(b!.jwksUrls).toEqual(['https://ehr/jwks']);
    expect(b!.jwksFiles[0]).toMatch(/keys\/ehr\.json$/);
    expect(() => parseIssuers('not json')).toThrow(/CDS_ISSUERS/);
  });
  it('takes FHIR servers per issuer; refuses http: JWKS URLs outside development', () => {
    const [c] = parseIssuers('{"https://ehr":{"jwks":"https://ehr/jwks","fhirServers":["https://ehr/fhir/","https://ehr2/r4"]}}');
    expect(c).toMatchObject({ jwksUrls: ['https://ehr/jwks'], fhirServers: ['https://ehr/fhir', 'https://ehr2/r4'] });
    expect(() => parseIssuers('{"https://ehr":{"jwks":"https://ehr/jwks","fhirServers":["ftp://x"]}}')).toThrow(/not an http\(s\) URL/);
    expect(() => parseIssuers('{"https://ehr":"http://ehr/jwks"}')).toThrow(/must be https/);
    expect(parseIssuers('{"https://ehr":"http://ehr/jwks"}', { allowInsecure: true })[0]!.jwksUrls).toEqual(['http://ehr/jwks']);
    expect(() => configFromEnv({ CDS_ISSUERS: '{"https://ehr":"http://ehr/jwks"}' })).toThrow(/must be https/);
    expect(configFromEnv({ NODE_ENV: 'development', CDS_ISSUERS: '{"https://ehr":"http://ehr/jwks"}' }).config.network.allowInsecure).toBe(true);
    expect(configFromEnv({ FHIR_SERVERS: 'https://a/fhir https://b/r4/' }).config.network).toEqual({ allowInsecure: false, fhirServers: ['https://a/fhir', 'https://b/r4'] });
  });
  it('takes the per-issuer object form: jwks, jwksFile, jku, audience, requireSub; refuses unknown settings', () => {
    const [d] = parseIssuers(JSON.stringify({ 'https://sandbox.cds-hooks.org': {
      jwks: 'https://sandbox.cds-hooks.org/.well-known/jwks.json', jwksFile: 'keys/sandbox-jwks.json', jku: ['https://sandbox.cds-hooks.org/jwks2'],
      audience: ['https://lg.intern.example/'], requireSub: false, fhirServers: ['https://ehr/fhir'],
    } }));
    expect(d).toMatchObject({
      jwksUrls: ['https://sandbox.cds-hooks.org/.well-known/jwks.json', 'https://sandbox.cds-hooks.org/jwks2'],
      audiences: ['https://lg.intern.example'], requireSub: false, fhirServers: ['https://ehr/fhir'],
    });
    expect(d!.jwksFiles[0]).toMatch(/keys\/sandbox-jwks\.json$/);
    expect(() => parseIssuers('{"https://ehr":{"jwks":"https://ehr/jwks","jkus":[]}}')).toThrow(/unknown setting "jkus"/);
    expect(() => parseIssuers('{"https://ehr":{"jwksFile":"https://ehr/jwks"}}')).toThrow(/file path/);
    expect(() => parseIssuers('{"https://ehr":{"jwks":"k.json","requireSub":"no"}}')).toThrow(/requireSub/);
  });
  it('reads SMART_ORIGINS and FRAME_ANCESTORS as origins', () => {
    const { csp } = configFromEnv({ SMART_ORIGINS: 'https://ehr.example/fhir/r4 https://login.ehr.example', FRAME_ANCESTORS: '["https://hix.example"]' }).config;
    expect(csp).toEqual({ smartConnect: ['https://ehr.example', 'https://login.ehr.example'], frameAncestors: ['https://hix.example'] });
    expect(() => configFromEnv({ SMART_ORIGINS: 'ehr.example' })).toThrow(/SMART_ORIGINS/);
  });
});

describe('closed networks and vendor conventions', () => {
  let fileKey: KeyPair; let epic: KeyPair; let stranger: KeyPair;
  let jwks: Awaited<ReturnType<typeof jwksServer>>;
  let h: Harness;
  const ALT = 'https://leptoguide.intern.example';
  const call = async (t: string): Promise<Response> => h.client.request(PATH, json(BODY, { Authorization: `Bearer ${t}` }));

  beforeAll(async () => {
    [fileKey, epic, stranger] = await Promise.all([keyPair('ES384', 'sandbox'), keyPair('RS384', 'epic'), keyPair('ES384', 'sandbox')]);
    // The JWKS URL serves a key that is NOT the file's: a fetch would be visible (hits) and would fail verification.
    jwks = await jwksServer([stranger.jwk]);
    const dir = mkdtempSync(join(tmpdir(), 'lg-jwks-'));
    writeFileSync(join(dir, 'sandbox.json'), JSON.stringify({ keys: [fileKey.jwk] }));
    writeFileSync(join(dir, 'epic.json'), JSON.stringify({ keys: [epic.jwk] }));
    const issuers = parseIssuers(JSON.stringify({
      // A cached copy of the sandbox's published JWKS, with its URL as the expected jku.
      'https://sandbox.cds-hooks.org': { jwks: jwks.url, jwksFile: join(dir, 'sandbox.json'), requireSub: false },
      'https://fhir.epic.example/interconnect': { jwksFile: join(dir, 'epic.json'), audience: [ALT] },
    }), { allowInsecure: true });
    h = await harness('server', testConfig({ auth: { enabled: true, issuers, maxTokenAgeSeconds: 300, clockToleranceSeconds: 5 } }));
  });
  afterAll(async () => { await h.client.close(); await jwks.stop(); });

  it('an issuer with a local JWKS is verified with those keys whatever jku says; nothing is fetched', async () => {
    const iss = 'https://sandbox.cds-hooks.org';
    expect((await call(await token(fileKey, { aud: AUD, iss, jku: jwks.url, sub: null }))).status).toBe(200);
    // A jku outside the allow-list is ignored, not fatal (the sandbox always names its public host).
    expect((await call(await token(fileKey, { aud: AUD, iss, jku: 'https://sandbox.cds-hooks.org/.well-known/jwks.json', sub: null }))).status).toBe(200);
    expect((await call(await token(fileKey, { aud: AUD, iss, sub: null }))).status).toBe(200);
    expect(jwks.hits()).toBe(0);
    // The key behind the jku is not trusted instead of the file's.
    expect((await call(await token(stranger, { aud: AUD, iss, jku: jwks.url }))).status).toBe(401);
    expect(h.logs.at(-1)).toMatchObject({ status: 401, reason: 'signature-invalid' });
    expect(jwks.hits()).toBe(0);
  });

  it('Epic-style: RS384 with nbf and sub is accepted at the issuer\'s audience; nbf in the future and a missing sub are refused', async () => {
    const iss = 'https://fhir.epic.example/interconnect';
    const now = Math.floor(Date.now() / 1000);
    expect((await call(await token(epic, { iss, aud: `${ALT}${PATH}`, nbf: now - 1, sub: 'epic-client-id' }))).status).toBe(200);
    expect((await call(await token(epic, { iss, aud: `${ALT}${PATH}`, nbf: now + 120, sub: 'epic-client-id' }))).status).toBe(401);
    expect(h.logs.at(-1)).toMatchObject({ status: 401, reason: 'nbf-invalid' });
    expect((await call(await token(epic, { iss, aud: `${ALT}${PATH}`, sub: null }))).status).toBe(401);
    expect(h.logs.at(-1)).toMatchObject({ status: 401, reason: 'sub-missing' });
    // Its audience is the configured base, not PUBLIC_URL.
    expect((await call(await token(epic, { iss, aud: AUD }))).status).toBe(401);
    expect(h.logs.at(-1)).toMatchObject({ status: 401, reason: 'aud-mismatch' });
  });
});
