import { codeDiffers } from './code.js';
import { contentHash } from '../engine/hash.js';
import type { Facts, Model, Text } from '../engine/types.js';

// The knowledge as one JSON document: the model's declarations with every function as { $fn: source }.
// Pure and browser-safe: never evaluates a source text.

export const KNOWLEDGE_FORMAT = 'leptoguide-knowledge/1';

/** A function of the model, by its source text. */
export interface FnRef { readonly $fn: string }

/** The JSON form of a declaration: functions become FnRef. */
export type Declared<T> = T extends (...a: never[]) => unknown ? FnRef
  : T extends readonly (infer U)[] ? readonly Declared<U>[]
    : T extends object ? { readonly [K in keyof T]: Declared<T[K]> }
      : T;

export type AnyModel = Model<unknown, Facts, string>;
/** Digest of each code module (src/committee/code.ts) by repository path. */
export type CodeDigest = Readonly<Record<string, string>>;
/** The model's declarations and the digests of the code that runs them (absent in files of the older format). */
export type Declarations = Declared<AnyModel> & { readonly code?: CodeDigest };

export interface GuidelineMeta {
  readonly id: string;
  readonly title: Text;
  readonly version: string;
  readonly plannedRevision?: string;
  readonly publisher?: string;
}

export interface KnowledgeFile {
  readonly format: typeof KNOWLEDGE_FORMAT;
  /** The guideline version (e.g. 2022-09). */
  readonly version: string;
  readonly guideline: GuidelineMeta;
  /** contentHash(declarations); equals the model's CONTENT_HASH. */
  readonly contentHash: string;
  /** The git revision it was exported from, when known. */
  readonly revision?: string;
  readonly declarations: Declarations;
}

export type KnowledgeProblem = 'not-json-object' | 'format' | 'missing' | 'shape' | 'hash';

/** A knowledge file that cannot be used, with what is wrong. */
export class KnowledgeError extends Error {
  override readonly name = 'KnowledgeError';
  constructor(readonly problem: KnowledgeProblem, readonly detail: string, readonly text: Text) {
    super(text.en);
  }
}

export const isFnRef = (v: unknown): v is FnRef =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as FnRef).$fn === 'string';

/** Plain JSON copy: functions by source, undefined properties dropped (as JSON.stringify would). */
function declare(v: unknown, seen: Set<object>): unknown {
  if (typeof v === 'function') return { $fn: v.toString() };
  if (typeof v !== 'object' || v === null) return v;
  if (seen.has(v)) throw new Error('knowledge: cyclic declaration');
  seen.add(v);
  const out = Array.isArray(v) ? v.map((x) => (x === undefined ? null : declare(x, seen)))
    : Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, declare(x, seen)]));
  seen.delete(v);
  return out;
}

/** `code`: the digests of the code modules of the build or revision the model comes from. */
export function exportKnowledge(model: AnyModel, meta: { guideline: GuidelineMeta; revision?: string; code: CodeDigest }): KnowledgeFile {
  const declarations = { ...(declare(model, new Set()) as Declarations), code: { ...meta.code } };
  return {
    format: KNOWLEDGE_FORMAT,
    version: meta.guideline.version,
    guideline: meta.guideline,
    contentHash: contentHash(declarations),
    ...(meta.revision ? { revision: meta.revision } : {}),
    declarations,
  };
}

const PARTS = ['id', 'facts', 'derive', 'predicates', 'tables', 'flowcharts', 'rules', 'checks'] as const;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(problem: KnowledgeProblem, detail: string, nl: string, en: string): never {
  throw new KnowledgeError(problem, detail, { nl: `Kennisbestand geweigerd: ${nl}`, en: `Knowledge file refused: ${en}` });
}

/** Checks an untrusted parsed JSON value: the format, every part, each function as FnRef, and the hash. */
export function verifyKnowledge(json: unknown): KnowledgeFile {
  if (!isObject(json)) fail('not-json-object', 'document', 'geen JSON-object', 'not a JSON object');
  if (json.format !== KNOWLEDGE_FORMAT) {
    const got = JSON.stringify(json.format ?? null);
    fail('format', 'format', `formaat ${got}, verwacht "${KNOWLEDGE_FORMAT}"`, `format ${got}, expected "${KNOWLEDGE_FORMAT}"`);
  }
  for (const k of ['version', 'contentHash'] as const) {
    if (typeof json[k] !== 'string') fail('missing', k, `"${k}" ontbreekt`, `"${k}" is missing`);
  }
  if (!isObject(json.guideline) || typeof json.guideline.id !== 'string') fail('missing', 'guideline', '"guideline" ontbreekt', '"guideline" is missing');
  const d = json.declarations;
  if (!isObject(d)) fail('missing', 'declarations', '"declarations" ontbreekt', '"declarations" is missing');
  for (const part of PARTS) {
    if (d[part] === undefined) fail('missing', `declarations.${part}`, `onderdeel "${part}" ontbreekt`, `part "${part}" is missing`);
  }
  const shape = (ok: boolean, where: string): void => {
    if (!ok) fail('shape', where, `onderdeel "${where}" heeft niet de verwachte vorm`, `part "${where}" does not have the expected shape`);
  };
  shape(isFnRef(d.derive), 'derive');
  shape(isObject(d.facts), 'facts');
  shape(isObject(d.predicates) && Object.values(d.predicates).every((p) => isObject(p) && isFnRef(p.test) && Array.isArray(p.uses)), 'predicates');
  for (const part of ['tables', 'flowcharts', 'rules', 'checks'] as const) {
    const xs = d[part];
    shape(Array.isArray(xs) && xs.every((x) => isObject(x) && typeof x.id === 'string'), part);
  }
  shape((d.checks as Record<string, unknown>[]).every((c) => isFnRef(c.test)), 'checks');
  shape(d.code === undefined || isObject(d.code) && Object.values(d.code).every((x) => typeof x === 'string'), 'code');
  const actual = contentHash(d);
  if (actual !== json.contentHash) {
    fail('hash', 'contentHash', `de inhoudshash ${String(json.contentHash)} past niet bij de inhoud (${actual}): het bestand is na export veranderd`,
      `the content hash ${String(json.contentHash)} does not match the content (${actual}): the file was changed after export`);
  }
  return json as unknown as KnowledgeFile;
}

/** Where each function of a model lives, by a stable name: derive, predicate:<name>, check:<id>. */
export function functionsOf(model: AnyModel): Map<string, (...a: never[]) => unknown> {
  const out = new Map<string, (...a: never[]) => unknown>([['derive', model.derive]]);
  for (const [name, p] of Object.entries(model.predicates)) out.set(`predicate:${name}`, p.test);
  for (const c of model.checks) out.set(`check:${c.id}`, c.test);
  return out;
}

/** Every function source of a knowledge file, by the names of functionsOf. */
export function sourcesOf(file: KnowledgeFile): Map<string, string> {
  const d = file.declarations;
  const out = new Map<string, string>([['derive', d.derive.$fn]]);
  for (const [name, p] of Object.entries(d.predicates)) out.set(`predicate:${name}`, p.test.$fn);
  for (const c of d.checks) out.set(`check:${c.id}`, c.test.$fn);
  return out;
}

/**
 * A runnable model from a file's declarations. Functions come from the bundled model by name, and only when the
 * file's code digests equal the bundle's (`code`: CODE_DIGEST) and their source is identical; the others are listed in
 * `unbound` and throw when called (a source text is never run). `code` of the result names why every function is
 * unbound: `code:<path>` per code module that differs, or `code` for a file without digests (older format).
 * `reference`: the bundle's own exported file, for a build whose function sources are not tsc's (a minified
 * browser bundle): a source is then compared with the reference's source of the same name.
 */
export function bindKnowledge(file: KnowledgeFile, bundled: AnyModel, code: CodeDigest, reference?: KnowledgeFile):
{ model: AnyModel; unbound: string[]; code: string[] } {
  const { code: fileCode, ...decl } = file.declarations;
  const differ = fileCode === undefined ? ['code'] : codeDiffers(fileCode, code).map((p) => `code:${p}`);
  const have = functionsOf(bundled);
  const ref0 = reference ? sourcesOf(reference) : null;
  const unbound: string[] = [];
  const bind = (name: string, ref: FnRef): never => {
    const f = have.get(name);
    if (f && differ.length === 0 && (ref0 ? ref0.get(name) === ref.$fn : f.toString() === ref.$fn)) return f as never;
    unbound.push(name);
    return (() => {
      throw new KnowledgeError('shape', name, { nl: `functie ${name} is in deze versie niet uitvoerbaar`, en: `function ${name} cannot be run in this version` });
    }) as never;
  };
  const d = decl as unknown as Record<string, unknown> & {
    predicates: Record<string, Record<string, unknown> & { test: FnRef }>; checks: (Record<string, unknown> & { id: string; test: FnRef })[]; derive: FnRef;
  };
  const model = {
    ...d,
    derive: bind('derive', d.derive),
    predicates: Object.fromEntries(Object.entries(d.predicates).map(([name, p]) => [name, { ...p, test: bind(`predicate:${name}`, p.test) }])),
    checks: d.checks.map((c) => ({ ...c, test: bind(`check:${c.id}`, c.test) })),
  } as unknown as AnyModel;
  return { model, unbound, code: differ };
}
