// What the app needs from the outside world, injected (clock, ids, fetch, stores, logging, FHIR mapping).
import { randomUUID } from 'node:crypto';
import { FHIR, type FhirMapper } from './cds/fhir-port.js';
import type { Fetch } from './cds/prefetch.js';
import { isResilient, resilientStore, type ResilientStore } from './feedback/resilient.js';
import { memoryStore, type FeedbackStore } from './feedback/store.js';

/** One line per request: never bodies, query strings, headers or patient data. */
export interface LogLine {
  readonly requestId: string;
  readonly method: string;
  /** The route pattern (e.g. /cds-services/:id), not the URL. */
  readonly route: string;
  readonly status: number;
  readonly ms: number;
  /** Why a request was refused (4xx, 503): a class such as jwt-expired, issuer-unknown, json-too-deep. */
  readonly reason?: string;
  /** Class of an unexpected error (500), e.g. TypeError; never its message. */
  readonly errorClass?: string;
}

export interface Deps {
  /** Cards are queued to it best-effort; feedback needs it up (503 otherwise). */
  readonly feedback: ResilientStore;
  readonly fhir: FhirMapper;
  readonly fetch: Fetch;
  readonly log: (line: LogLine) => void;
  readonly now: () => Date;
  /** Today as YYYY-MM-DD, the evaluation date when the request gives none. */
  readonly today: () => string;
  readonly newId: () => string;
}

/** Overrides for defaultDeps; a plain store is wrapped (it counts as up). */
export type DepsOverrides = Partial<Omit<Deps, 'feedback'>> & { readonly feedback?: FeedbackStore };

export function defaultDeps(over: DepsOverrides = {}): Deps {
  const now = over.now ?? ((): Date => new Date());
  const { feedback, ...rest } = over;
  return {
    fhir: FHIR,
    fetch: (input, init) => fetch(input, init),
    log: (line) => console.log(JSON.stringify(line)),
    now,
    today: () => now().toISOString().slice(0, 10),
    newId: randomUUID,
    ...rest,
    feedback: feedback === undefined ? resilientStore(memoryStore()) : isResilient(feedback) ? feedback : resilientStore(feedback),
  };
}
