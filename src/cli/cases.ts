import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { CaseItem } from '../committee/impact.js';
import { mapFhir } from '../fhir/index.js';
import { parseJsonText } from '../input/json.js';

// The cases an impact run reads: the vignette bank, example cases, a folder of case JSON or FHIR Bundles, a JSON
// array, or NDJSON (one case per line, streamed). Node only.

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A case-shaped JSON value: a FHIR Bundle (mapped), a CDS Hooks request (its prefetch, mapped), { case } or a bare case. */
export function itemOf(name: string, v: unknown, asOf?: string): CaseItem {
  if (isObject(v) && v.resourceType === 'Bundle') return { name, case: mapFhir(v, asOf ? { asOf } : {}).case };
  if (isObject(v) && typeof v.hook === 'string' && isObject(v.prefetch)) return { name, case: mapFhir(v.prefetch, asOf ? { asOf } : {}).case };
  if (isObject(v) && isObject(v.case)) {
    const id = typeof v.name === 'string' ? v.name : typeof v.id === 'string' ? v.id : name;
    return { name: id, case: v.case, ...(typeof v.asOf === 'string' ? { asOf: v.asOf } : {}) };
  }
  return { name, case: v };
}

/** One JSON document: a vignette file ({ vignettes }), an array of cases, or one case. */
export function itemsOfJson(name: string, v: unknown, asOf?: string): CaseItem[] {
  if (isObject(v) && Array.isArray(v.vignettes)) return v.vignettes.map((x, i) => itemOf(`${name}[${i}]`, x, asOf));
  if (Array.isArray(v)) return v.map((x, i) => itemOf(`${name}[${i}]`, x, asOf));
  return [itemOf(name, v, asOf)];
}

export interface CaseInput {
  /** Cases read in full (JSON files): small. */
  readonly items: CaseItem[];
  /** NDJSON files, streamed line by line. */
  readonly ndjson: string[];
}

export class CasesError extends Error {}

/** What --cases names: a folder (its .json and .ndjson files, sorted), a .ndjson file, or a .json file. */
export function casesAt(path: string, asOf?: string): CaseInput {
  if (!existsSync(path)) throw new CasesError(path);
  const files = statSync(path).isDirectory()
    ? readdirSync(path).filter((f) => f.endsWith('.json') || f.endsWith('.ndjson')).sort().map((f) => join(path, f))
    : [path];
  const items: CaseItem[] = [];
  const ndjson: string[] = [];
  for (const f of files) {
    if (f.endsWith('.ndjson')) ndjson.push(f);
    else items.push(...itemsOfJson(basename(f, '.json'), parseJsonText(readFileSync(f, 'utf8'), { rejectDuplicateKeys: true }), asOf));
  }
  return { items, ndjson };
}

/** Lines of an NDJSON file, numbered from 1, blank lines skipped; read as a stream. */
export async function* ndjsonLines(path: string): AsyncGenerator<{ line: number; text: string }> {
  const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const text of rl) {
    line++;
    if (text.trim() !== '') yield { line, text };
  }
}

/** One NDJSON line as a case; a line that is not JSON becomes a case that no version accepts (reported invalid). */
export function itemOfLine(file: string, line: number, text: string, asOf?: string): CaseItem {
  const name = `${basename(file)}:${line}`;
  try {
    return itemOf(name, JSON.parse(text) as unknown, asOf);
  } catch {
    return { name, case: { $invalidJsonLine: line } };
  }
}
