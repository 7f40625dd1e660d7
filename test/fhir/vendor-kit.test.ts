// The cross-vendor fixture kit (vendor-kit/kit.ts): one LM patient as a Dutch nl-core bundle, a US mCODE bundle and an
// Epic-style CDS Hooks request (RS384 JWT with nbf and sub, prefetch) — the same case and the same advice from each.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapFhir, prefetchTemplates } from '../../src/fhir/index.js';
import { evaluate, type Case } from '../../src/index.js';
import { parseIssuers } from '../../src/server/config.js';
import { harness, json, keyPair, PUBLIC_URL, testConfig, token, type Harness, type KeyPair } from '../server/support.js';
import { AS_OF, EXPECTED_CASE, PATIENT, epicRequest, mcodeBundle, nlCoreBundle } from './vendor-kit/kit.js';
import { medplumErrors, schemaErrors } from './validators.js';

const advice = (c: Case) => {
  const r = evaluate(c, { asOf: AS_OF });
  return { ids: r.ids, category: r.category, certainty: r.diagnosis.certainty, eano: r.diagnosis.eanoType, rules: r.recommendations.map((i) => i.rule) };
};
const issuesOf = (r: ReturnType<typeof mapFhir>) => r.issues.map((i) => `${i.resource ?? ''} ${i.code}`);

describe('cross-vendor fixture kit: one LM patient, three EHR dialects', () => {
  const nl = mapFhir(nlCoreBundle(), { asOf: AS_OF });
  const us = mapFhir(mcodeBundle(), { asOf: AS_OF });
  const epic = mapFhir((epicRequest() as { prefetch: Record<string, unknown> }).prefetch, { asOf: AS_OF });

  it('the bundles are valid FHIR R4 (HL7 JSON schema and Medplum)', () => {
    for (const b of [nlCoreBundle(), mcodeBundle(), mcodeBundle('epic')]) {
      expect(schemaErrors(b as Resource)).toEqual([]);
      for (const e of b.entry ?? []) expect(medplumErrors(e.resource as Resource), e.resource?.id).toEqual([]);
    }
  });

  it('nl-core, mCODE and the Epic prefetch map to the same case', () => {
    expect(nl.case).toEqual(EXPECTED_CASE);
    expect(us.case).toEqual(EXPECTED_CASE);
    expect(epic.case).toEqual(EXPECTED_CASE);
  });

  it('and so to the same advice (confirmed LM, IDs, category)', () => {
    const a = advice(nl.case);
    expect(a.certainty).toBe('confirmed');
    expect(advice(us.case)).toEqual(a);
    expect(advice(epic.case)).toEqual(a);
  });

  it('Dutch codes are read where they stand: ICD-10-NL LM, SNOMED KPS with a LOINC answer, SNOMED CSF specimen, G-Standaard + ATC', () => {
    expect(nl.sources['performance.kps']).toMatchObject({ resource: 'Observation/nl-kps', code: 'http://snomed.info/sct|761869008' });
    expect(nl.sources['lumbarPunctures[0].cytology']).toMatchObject({ resource: 'Observation/nl-cytology' });
    expect(nl.sources['therapies.current[0]']).toMatchObject({ resource: 'MedicationStatement/nl-osimertinib', code: 'urn:oid:2.16.840.1.113883.2.4.4.10|123456' });
    expect(nl.sources.knownCancer).toMatchObject({ resource: 'Condition/nl-primary' });
    expect(issuesOf(nl)).toContain('Condition/nl-lm lm-condition');
    expect(issuesOf(us)).toContain('Condition/us-lm lm-condition');
  });

  it('a G-Standaard code without ATC is reported, never classified by guess', () => {
    const hit = nl.issues.find((i) => i.resource === 'MedicationStatement/nl-hpk-only');
    expect(hit).toMatchObject({ code: 'gstandaard-unclassified', severity: 'warning' });
    expect(hit!.message.en).toContain('HPK 1234567');
    expect(nl.case.therapies?.current).toEqual(['egfr-tki']);
  });

  it('judgements no resource carries are left for the clinician, in every dialect', () => {
    for (const r of [nl, us, epic]) {
      expect(r.judge).toEqual(['severeEncephalopathy', 'severeNeurologicalDeficit', 'systemicDisease.status', 'systemicDisease.threatening', 'resistanceToTherapy']);
      expect(r.case).not.toHaveProperty('severeEncephalopathy');
      expect(r.case).not.toHaveProperty('systemicDisease');
    }
  });

  it('KPS in every form: valueInteger, valueQuantity, LOINC answer code; KPS 0 (LA9627-6, dead) is reported', () => {
    const kps = (value: object) => mapFhir({
      resourceType: 'Observation', id: 'k', status: 'final', code: { coding: [{ system: 'http://snomed.info/sct', code: '761869008' }] }, effectiveDateTime: '2026-11-20', ...value,
    } as unknown as Record<string, unknown>, { asOf: AS_OF });
    expect(kps({ valueInteger: 70 }).case.performance?.kps).toBe(70);
    expect(kps({ valueQuantity: { value: 60, unit: '%' } }).case.performance?.kps).toBe(60);
    expect(kps({ valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code: 'LA29184-1' }] } }).case.performance?.kps).toBe(10);
    const dead = kps({ valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code: 'LA9627-6' }] } });
    expect(dead.case.performance).toBeUndefined();
    expect(dead.issues.map((i) => i.code)).toContain('unreadable-value');
    const ecog = mapFhir({ resourceType: 'Observation', id: 'e', status: 'final', code: { coding: [{ system: 'http://snomed.info/sct', code: '423740007' }] }, valueInteger: 1 } as unknown as Record<string, unknown>);
    expect(ecog.case.performance?.ecog).toBe(1);
  });

  it('prefetch search values are percent-encoded (system|code), codes still comma-separated', () => {
    const q = prefetchTemplates().observations!;
    expect(q).toContain('http%3A%2F%2Floinc.org%7C89243-0,');
    expect(q.split('code=')[1]).not.toMatch(/[|/:]/);
  });
});

describe('the kit through the CDS service: Epic-style JWT (RS384, nbf, sub) and an nl-core prefetch give the same card', () => {
  let epicKey: KeyPair;
  let h: Harness;
  const ISS = 'https://fhir.epic.example/interconnect-fhir';
  const PATH = '/cds-services/leptoguide-patient-view';
  beforeAll(async () => {
    epicKey = await keyPair('RS384', 'epic-kit');
    const file = join(mkdtempSync(join(tmpdir(), 'lg-kit-')), 'epic-jwks.json');
    writeFileSync(file, JSON.stringify({ keys: [epicKey.jwk] }));
    const issuers = parseIssuers(JSON.stringify({ [ISS]: { jwksFile: file, jku: ['https://fhir.epic.example/interconnect-fhir/api/epic/2019/Security/Open/PublicKeys/530005/OIDC'] } }));
    h = await harness('server', testConfig({ auth: { enabled: true, issuers, maxTokenAgeSeconds: 300, clockToleranceSeconds: 5 } }));
  });
  afterAll(async () => { await h.client.close(); });

  const cardFor = async (body: object): Promise<{ summary: string; links: { appContext: string }[]; detail: string }> => {
    const now = Math.floor(Date.now() / 1000);
    const jwt = await token(epicKey, { iss: ISS, aud: `${PUBLIC_URL}${PATH}`, sub: 'epic-client-id-0123', nbf: now, jku: 'https://fhir.epic.example/interconnect-fhir/api/epic/2019/Security/Open/PublicKeys/530005/OIDC' });
    const r = await h.client.request(PATH, json(body, { Authorization: `Bearer ${jwt}` }));
    expect(r.status).toBe(200);
    const { cards } = await r.json() as { cards: { summary: string; links: { appContext: string }[]; detail: string }[] };
    expect(cards).toHaveLength(1);
    return cards[0]!;
  };

  it('same summary and the same case in appContext', async () => {
    const epic = await cardFor(epicRequest());
    const nl = await cardFor({ ...epicRequest(), prefetch: { patient: nlCoreBundle(), conditions: null, observations: null, specimens: null, medicationStatements: null, medicationRequests: null } });
    expect(nl.summary).toBe(epic.summary);
    const ctx = (c: typeof epic) => (JSON.parse(c.links[0]!.appContext) as { case: unknown }).case;
    expect(ctx(epic)).toEqual(EXPECTED_CASE);
    expect(ctx(nl)).toEqual(EXPECTED_CASE);
    expect(epic.detail).toContain('To be judged by you');
    expect(JSON.stringify(epic)).not.toContain(PATIENT);
  });

  it('order-sign still warns on route + name when the draft order is coded only in the G-Standaard (Dutch words)', async () => {
    const order = {
      resourceType: 'MedicationRequest', id: 'nl-draft-mtx', status: 'draft', intent: 'order', subject: { reference: `Patient/${PATIENT}` },
      medicationCodeableConcept: { coding: [{ system: 'urn:oid:2.16.840.1.113883.2.4.4.10', code: '654321', display: 'METHOTREXAAT INJVLST 25MG/ML' }] },
      dosageInstruction: [{ route: { text: 'intrathecaal' } }],
    };
    const now = Math.floor(Date.now() / 1000);
    const path = '/cds-services/leptoguide-order-sign';
    const jwt = await token(epicKey, { iss: ISS, aud: `${PUBLIC_URL}${path}`, sub: 'epic-client-id-0123', nbf: now });
    const body = { ...epicRequest(), hook: 'order-sign', context: { ...(epicRequest().context as object), draftOrders: { resourceType: 'Bundle', type: 'collection', entry: [{ resource: order }] } } };
    const r = await h.client.request(path, json(body, { Authorization: `Bearer ${jwt}` }));
    expect(r.status).toBe(200);
    const { cards } = await r.json() as { cards: { summary: string }[] };
    expect(cards.map((c) => c.summary)).toEqual([expect.stringContaining('TX-NO-INTRATHECAL')]);
  });
});
