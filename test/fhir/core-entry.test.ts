// The zod-free mapping entry (leptoguide/fhir-core) gives what the validated mapFhir gives, and loads no zod.
// (Key order inside the case may differ: mapFhir returns the case as zod parsed it, in schema order.)
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { mapFhir } from '../../src/fhir/index.js';
import { evaluate as coreEvaluate, mapFhirCore } from '../../src/fhir-core.js';
import { evaluate, parseCase } from '../../src/index.js';
import { makeFhirCohort } from '../../bench/fhir-cohort.js';
import { AS_OF, bundleNames, loadBundle } from './support.js';

const HL7 = dirname(createRequire(import.meta.url).resolve('hl7.fhir.r4.examples/package.json'));

function hl7Resources(): Resource[] {
  return readdirSync(HL7).filter((f) => f.endsWith('.json') && f !== 'package.json').flatMap((f) => {
    const r = JSON.parse(readFileSync(join(HL7, f), 'utf8')) as Resource;
    return r.resourceType === 'Bundle' ? ((r as Bundle).entry ?? []).flatMap((e) => (e.resource ? [e.resource] : [])) : [r];
  });
}

describe('leptoguide/fhir-core', () => {
  it('maps every test bundle, every benchmark bundle and every HL7 example resource as mapFhir does', () => {
    const inputs: Bundle[] = [
      ...bundleNames().map(loadBundle),
      ...makeFhirCohort(40),
      ...hl7Resources().map((resource): Bundle => ({ resourceType: 'Bundle', type: 'collection', entry: [{ resource }] })),
    ];
    expect(inputs.length).toBeGreaterThan(200);
    for (const b of inputs) {
      const full = mapFhir(b, { asOf: AS_OF });
      const core = mapFhirCore(b, { asOf: AS_OF });
      // same content; only the key order inside the case may differ (zod writes keys in schema order)
      expect(core).toEqual(full);
      expect(parseCase(core.case)).toEqual({ ok: true, case: core.case });
      if ((b.entry?.length ?? 0) > 1) expect(coreEvaluate(core.case, { asOf: AS_OF })).toEqual(evaluate(full.case, { asOf: AS_OF }));
    }
  });

  it('imports no zod and no renderer (static import graph of the entry)', () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/^(?:import|export)\s+(?!type\b)[^'"]*?from\s+'([^']+)'/gm)) {
        const spec = m[1]!;
        if (!spec.startsWith('.')) {
          expect(spec, `${file} imports a package`).not.toBe('zod');
          continue;
        }
        visit(join(dirname(file), spec.replace(/\.js$/, '.ts')));
      }
    };
    visit(join(import.meta.dirname, '../../src/fhir-core.ts'));
    const files = [...seen].map((f) => f.replace(/^.*\/src\//, 'src/'));
    expect(files).not.toContain('src/guideline/case-schema.ts');
    expect(files).not.toContain('src/guideline/parse.ts');
    expect(files.filter((f) => f.startsWith('src/render/'))).toEqual([]);
  });
});
