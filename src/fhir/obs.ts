// One Observation being read, and how an unusable value is reported.
import type { Observation } from '@medplum/fhirtypes';
import type { Ctx } from './resolve.js';
import { issue } from './types.js';

export interface Obs {
  readonly o: Observation;
  readonly ref: string;
  /** system|code that matched. */
  readonly code: string;
  readonly date: string | undefined;
  readonly ctx: Ctx;
}

export function unreadable(x: Obs, en: string, nl: string): void {
  x.ctx.issues.push(issue('warning', 'unreadable-value', x.ref, `${x.ref} (${x.code}): ${en}; not used.`, `${x.ref} (${x.code}): ${nl}; niet gebruikt.`));
}
