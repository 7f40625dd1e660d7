// Cases chosen by the user for the impact table: case JSON, vignette files ({ vignettes: [{ id, asOf, case }] }), arrays of
// cases, FHIR Bundles and CDS Hooks requests (mapped, as `leptoguide impact` does), and NDJSON (one case per line).
// Pure: text in, cases and problems out; problems name the file (and line).
import { parseCase, type Case } from '../../../src/index.js';
// The mapper straight from src/fhir, as the SMART page takes it: through src/index.ts every page would load it.
import { mapFhir, type FhirInput } from '../../../src/fhir/index.js';

export interface LoadedCase {
  /** Where it came from: file, file:line or file › vignette id. */
  readonly name: string;
  readonly case: Case;
  /** Evaluation date the case was written for (a vignette's asOf); the case's assessmentDate wins. */
  readonly asOf?: string;
}

export type Problem =
  | { readonly kind: 'json'; readonly file: string; readonly line?: number; readonly detail: string }
  | { readonly kind: 'not-case'; readonly file: string; readonly line?: number; readonly detail: { nl: string; en: string } }
  | { readonly kind: 'empty'; readonly file: string };

export interface CaseLoad { readonly cases: LoadedCase[]; readonly problems: Problem[] }

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const CASE_FILE = /\.(json|ndjson|jsonl)$/i;

/** Files a folder may hold that are not cases: skipped without a problem (their count is shown). */
export function isCaseFile(name: string): boolean {
  return CASE_FILE.test(name);
}

/** A FHIR Bundle or a CDS Hooks request's prefetch becomes the case the mapper builds; anything else stays as it is. */
function mapped(v: unknown): unknown {
  if (isObject(v) && v.resourceType === 'Bundle') return mapFhir(v as unknown as FhirInput).case;
  if (isObject(v) && typeof v.hook === 'string' && isObject(v.prefetch)) return mapFhir(v.prefetch as unknown as FhirInput).case;
  return v;
}

function one(file: string, value: unknown, line: number | undefined, out: CaseLoad): void {
  const entries: { name: string; data: unknown; asOf?: string }[] = [];
  const at = line === undefined ? file : `${file}:${line}`;
  if (isObject(value) && Array.isArray(value.vignettes)) {
    value.vignettes.forEach((v, i) => {
      const id = isObject(v) && typeof v.id === 'string' ? v.id : String(i + 1);
      entries.push({ name: `${at} › ${id}`, data: isObject(v) ? v.case : v, ...(isObject(v) && typeof v.asOf === 'string' ? { asOf: v.asOf } : {}) });
    });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => entries.push({ name: `${at} [${i + 1}]`, data: v }));
  } else if (isObject(value) && isObject(value.case)) {
    entries.push({ name: typeof value.id === 'string' ? `${at} › ${value.id}` : at, data: value.case, ...(typeof value.asOf === 'string' ? { asOf: value.asOf } : {}) });
  } else {
    entries.push({ name: at, data: value });
  }
  for (const e of entries) {
    let data: unknown;
    try {
      data = mapped(e.data);
    } catch (x) {
      const m = (x as Error).message;
      out.problems.push({ kind: 'not-case', file: e.name, ...(line === undefined ? {} : { line }), detail: { nl: m, en: m } });
      continue;
    }
    const parsed = parseCase(data);
    if (parsed.ok) out.cases.push({ name: e.name, case: parsed.case, ...(e.asOf ? { asOf: e.asOf } : {}) });
    else {
      const first = parsed.errors.slice(0, 3);
      const detail = (l: 'nl' | 'en'): string => first.map((x) => (x.field ? `${x.field}: ${x.message[l]}` : x.message[l])).join('; ');
      out.problems.push({ kind: 'not-case', file: e.name, ...(line === undefined ? {} : { line }), detail: { nl: detail('nl'), en: detail('en') } });
    }
  }
}

/** Reads one file's text into cases (NDJSON by extension, or a JSON document whose lines all parse on their own). */
export function casesFromText(file: string, text: string, out: CaseLoad = { cases: [], problems: [] }): CaseLoad {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') {
    out.problems.push({ kind: 'empty', file });
    return out;
  }
  if (/\.(ndjson|jsonl)$/i.test(file)) {
    body.split(/\r?\n/).forEach((raw, i) => {
      if (raw.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (e) {
        out.problems.push({ kind: 'json', file, line: i + 1, detail: (e as Error).message });
        return;
      }
      one(file, value, i + 1, out);
    });
    return out;
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    out.problems.push({ kind: 'json', file, detail: (e as Error).message });
    return out;
  }
  one(file, value, undefined, out);
  return out;
}

/** The path a folder pick gives (folder/sub/file.json), else the file name. */
export function fileName(f: File): string {
  return f.webkitRelativePath || f.name;
}

/** Reads the chosen files in name order; returns the cases, the problems and how many files were not case files. */
export async function loadCaseFiles(files: readonly File[]): Promise<CaseLoad & { skipped: number; files: number }> {
  const out: CaseLoad = { cases: [], problems: [] };
  const sorted = [...files].sort((a, b) => fileName(a).localeCompare(fileName(b)));
  let skipped = 0;
  let read = 0;
  for (const f of sorted) {
    if (!isCaseFile(f.name)) { skipped++; continue; }
    read++;
    casesFromText(fileName(f), await f.text(), out);
  }
  return { ...out, skipped, files: read };
}
