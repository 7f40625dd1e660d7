// Shapes shared by the FHIR mapping modules.
import type { Resource } from '@medplum/fhirtypes';

export interface Source {
  /** Type/id of the resource the value came from. */
  readonly resource: string;
  /** system|code of the coding that matched. */
  readonly code?: string;
  /** Effective (or recorded) date of the resource, as given. */
  readonly date?: string;
}

export interface MapIssue {
  readonly resource?: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly code: string;
  readonly message: { readonly nl: string; readonly en: string };
}

/** One proposed value for one case field, before conflicts are resolved. */
export interface Candidate {
  readonly value: unknown;
  readonly source: Source;
  /** Milliseconds since epoch of source.date, when it parses. */
  readonly time?: number;
}

/** A resource as read from the input, with its reference string. */
export interface Entry {
  readonly ref: string;
  readonly resource: Resource;
}

export type Issues = MapIssue[];

export function issue(severity: MapIssue['severity'], code: string, resource: string | undefined, en: string, nl: string): MapIssue {
  return resource === undefined ? { severity, code, message: { nl, en } } : { resource, severity, code, message: { nl, en } };
}
