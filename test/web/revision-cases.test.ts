// The Revision page's case reader: case JSON, vignette files, arrays and NDJSON in; problems name the file and line.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mapFhir, type FhirInput } from '../../src/fhir/index.js';
import { casesFromText, isCaseFile } from '../../web/src/revision/cases.js';

const root = join(import.meta.dirname, '../..');
const read = (p: string): string => readFileSync(join(root, p), 'utf8');

describe('revision case files', () => {
  it('reads a case file, a vignette file (with each asOf) and NDJSON, named by file, vignette and line', () => {
    const one = casesFromText('1-breast.json', read('docs/examples/1-breast-her2-confirmed.json'));
    expect(one.problems).toEqual([]);
    expect(one.cases.map((c) => c.name)).toEqual(['1-breast.json']);
    const vig = JSON.parse(read('test/vignettes/beeldvorming.json')) as { vignettes: { id: string; asOf?: string }[] };
    const v = casesFromText('beeldvorming.json', read('test/vignettes/beeldvorming.json'));
    expect(v.problems).toEqual([]);
    expect(v.cases.map((c) => c.name)).toEqual(vig.vignettes.map((x) => `beeldvorming.json › ${x.id}`));
    expect(v.cases.map((c) => c.asOf)).toEqual(vig.vignettes.map((x) => x.asOf));
    const nd = casesFromText('cohort.ndjson', '{"primaryTumour":"breast"}\n\n{"primaryTumour":"melanoma","symptoms":[]}\n');
    expect(nd.problems).toEqual([]);
    expect(nd.cases.map((c) => [c.name, c.case.primaryTumour])).toEqual([['cohort.ndjson:1', 'breast'], ['cohort.ndjson:3', 'melanoma']]);
  });

  it('names the file and line of broken JSON and of values that are not cases, and keeps the good lines', () => {
    const r = casesFromText('c.ndjson', '{"primaryTumour":"breast"}\n{oops\n{"primaryTumour":"pancreas-xyz"}\n');
    expect(r.cases.map((c) => c.name)).toEqual(['c.ndjson:1']);
    expect(r.problems.map((p) => [p.kind, p.file, 'line' in p ? p.line : undefined])).toEqual([['json', 'c.ndjson', 2], ['not-case', 'c.ndjson:3', 3]]);
    const notCase = casesFromText('notes.json', '{"hello":1}');
    expect(notCase.cases).toEqual([]);
    expect(notCase.problems).toEqual([{ kind: 'not-case', file: 'notes.json', detail: { nl: 'hello: onbekend veld', en: 'hello: unknown field' } }]);
    expect(casesFromText('e.json', ' \n').problems).toEqual([{ kind: 'empty', file: 'e.json' }]);
    expect(casesFromText('b.json', '{"a":').problems[0]).toMatchObject({ kind: 'json', file: 'b.json' });
  });

  it('maps a CDS Hooks request (its prefetch) and a FHIR Bundle to the case the mapper builds, as the CLI does', () => {
    const request = JSON.parse(read('docs/examples/cds-order-sign.json')) as { prefetch: FhirInput };
    const r = casesFromText('cds-order-sign.json', read('docs/examples/cds-order-sign.json'));
    expect(r.problems).toEqual([]);
    expect(r.cases).toEqual([{ name: 'cds-order-sign.json', case: mapFhir(request.prefetch).case }]);
    expect(r.cases[0]!.case.primaryTumour).toBeTruthy();
    const bundle = Object.values(request.prefetch).find((v) => (v as { resourceType?: string }).resourceType === 'Bundle');
    expect(bundle, 'the example prefetch holds a Bundle').toBeTruthy();
    expect(casesFromText('b.json', JSON.stringify(bundle)).cases[0]!.case).toEqual(mapFhir(bundle as FhirInput).case);
  });

  it('takes .json, .ndjson and .jsonl files of a folder, nothing else', () => {
    expect(['a.json', 'b.NDJSON', 'c.jsonl', 'README.md', 'x.png', 'json'].map(isCaseFile)).toEqual([true, true, true, false, false, false]);
  });
});
