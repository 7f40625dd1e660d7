// The JWT matrix (CDS Hooks 2.0 "Trusting CDS Clients"): what is rejected and what is accepted.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, base64url } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIssuers } from '../../src/server/config.js';
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
    const issuers = parseIssuers(JSON.stringify({ 'https://ehr.test': jwks.url, 'https://file-ehr.test': file }));
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
    const fb = { feedback: [{ card: '7b3f1b4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b', outcome: 'accepted', outcomeTimestamp: '2026-11-26T10:00:00Z' }] };
    const path = `${PATH}/feedback`;
    expect((await h.client.request(path, json(fb))).status).toBe(401);
    const t = await token(es, { aud: `${PUBLIC_URL}${path}` });
    expect((await h.client.request(path, json(fb, { Authorization: `Bearer ${t}` }))).status).toBe(200);
  });

  it('leaves discovery open (it holds no patient data)', async () => {
    expect((await h.client.request('/cds-services')).status).toBe(200);
  });
});

describe('CDS_ISSUERS', () => {
  it('maps each issuer to JWKS URLs and files', () => {
    const [a, b] = parseIssuers('{"https://sandbox.cds-hooks.org":"https://sandbox.cds-hooks.org/.well-known/jwks.json","ehr":["keys/ehr.json","https://ehr/jwks"]}');
    expect(a).toEqual({ iss: 'https://sandbox.cds-hooks.org', jwksUrls: ['https://sandbox.cds-hooks.org/.well-known/jwks.json'], jwksFiles: [] });
    expect(b!.jwksUrls).toEqual(['https://ehr/jwks']);
    expect(b!.jwksFiles[0]).toMatch(/keys\/ehr\.json$/);
    expect(() => parseIssuers('not json')).toThrow(/CDS_ISSUERS/);
  });
});
