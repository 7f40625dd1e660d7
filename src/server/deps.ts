// What the app needs from the outside world, injected (clock, ids, fetch, stores, logging, FHIR mapping).
import { randomUUID } from 'node:crypto';
import { FHIR, type FhirMapper } from './cds/fhir-port.js';
import type { Fetch } from './cds/prefetch.js';
import { memoryStore, type FeedbackStore } from './feedback/store.js';

/** One line per request: never bodies, query strings, headers or patient data. */
export interface LogLine {
  readonly requestId: string;
  readonly method: string;
  /** The route pattern (e.g. /cds-services/:id), not the URL. */
  readonly route: string;
  readonly status: number;
  readonly ms: number;
}

export interface Deps {
  readonly feedback: FeedbackStore;
  readonly fhir: FhirMapper;
  readonly fetch: Fetch;
  readonly log: (line: LogLine) => void;
  readonly now: () => Date;
  /** Today as YYYY-MM-DD, the evaluation date when the request gives none. */
  readonly today: () => string;
  readonly newId: () => string;
}

export function defaultDeps(over: Partial<Deps> = {}): Deps {
  const now = over.now ?? ((): Date => new Date());
  return {
    feedback: memoryStore(),
    fhir: FHIR,
    fetch: (input, init) => fetch(input, init),
    log: (line) => console.log(JSON.stringify(line)),
    now,
    today: () => now().toISOString().slice(0, 10),
    newId: randomUUID,
    ...over,
  };
}
