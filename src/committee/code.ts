import { contentHash } from '../engine/hash.js';

// The code modules: source files whose code runs when a case is read and evaluated, beyond the function sources in
// the declarations (helpers and constants a function calls, the engine). Their digests are part of the knowledge,
// so a change to any of them changes the content hash and stops a file from being bound to another build. Pure.

/** Guideline modules whose whole content is in the exported declarations (they only build declarations). */
export const DECLARATION_ONLY: readonly string[] = [
  'src/guideline/rules-diagnosis.ts', 'src/guideline/rules-safety.ts', 'src/guideline/rules-treatment.ts', 'src/guideline/flowcharts.ts',
  'src/guideline/tables.ts', 'src/guideline/requirements.ts', 'src/guideline/references.ts', 'src/guideline/declare.ts',
  'src/guideline/interventions.ts', 'src/guideline/model.ts',
];

/** Generated from the others (the content hash itself). */
export const GENERATED: readonly string[] = ['src/guideline/content-hash.ts'];

/** Outside engine/ and guideline/ but imported at run time by a code module (parse.ts: the words for refused fields). */
export const CODE_EXTRA: readonly string[] = ['src/i18n/schema-messages.ts'];

/** The folders whose .ts files are code modules unless declaration-only or generated. */
export const CODE_DIRS: readonly string[] = ['src/engine', 'src/guideline'];

const dirOf = (p: string): string => p.slice(0, p.lastIndexOf('/'));

/** Whether a repository-relative path (`src/guideline/facts.ts`) is a code module. */
export function isCodeModule(path: string): boolean {
  if (!path.endsWith('.ts') || path.endsWith('.d.ts')) return false;
  if (CODE_EXTRA.includes(path)) return true;
  return CODE_DIRS.includes(dirOf(path)) && !DECLARATION_ONLY.includes(path) && !GENERATED.includes(path);
}

/** Digest of each code module among the files (path relative to the repository, text); line ends normalised. */
export function codeDigest(files: readonly (readonly [string, string])[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, text] of [...files].filter(([p]) => isCodeModule(p)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out[path] = contentHash(text.replace(/\r\n/g, '\n'));
  }
  return out;
}

/** The code modules whose digest differs between two digests (changed, added or removed), sorted. */
export function codeDiffers(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((p) => a[p] !== b[p]).sort();
}
