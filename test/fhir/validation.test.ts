// Test inputs and produced resources pass the HL7 JSON schema (ajv) and @medplum/core's validateResource.
import { describe, expect, it } from 'vitest';
import { localCodeSystem } from '../../src/fhir/index.js';
import { bundleNames, loadBundle, resourcesOf } from './support.js';
import { medplumErrors, schemaErrors } from './validators.js';

describe('test bundles', () => {
  it.each(bundleNames())('%s: valid as a Bundle (HL7 schema) and per resource (schema and Medplum)', (name) => {
    const b = loadBundle(name);
    expect(schemaErrors(b)).toEqual([]);
    for (const r of resourcesOf(b)) {
      expect(schemaErrors(r), `${r.resourceType}/${r.id}`).toEqual([]);
      expect(medplumErrors(r), `${r.resourceType}/${r.id}`).toEqual([]);
    }
  });

  it('the validators do catch errors', () => {
    const bad = { resourceType: 'Observation', id: 'x', status: 'finished', code: { text: 'x' }, valueInteger: 'ten' } as never;
    expect(schemaErrors(bad).length).toBeGreaterThan(0);
    expect(medplumErrors(bad).length).toBeGreaterThan(0);
  });
});

describe('produced resources', () => {
  it('the local CodeSystem is valid, and its codes are unique', () => {
    const cs = localCodeSystem();
    expect(schemaErrors(cs)).toEqual([]);
    expect(medplumErrors(cs)).toEqual([]);
    const codes = (cs.concept ?? []).flatMap((c) => [c.code, ...(c.concept ?? []).map((k) => k.code)]);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
