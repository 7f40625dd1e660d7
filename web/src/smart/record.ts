// Reads the patient's record through the SMART client with the same searches the CDS service prefetches. GET only.
import type Client from 'fhirclient/lib/Client';
import { prefetchTemplates } from '../../../src/fhir/index.js';

export interface Record_ {
  readonly data: Record<string, unknown>;
  /** Searches the server refused or failed (e.g. a scope not granted). */
  readonly failed: string[];
}

export async function readRecord(client: Client): Promise<Record_> {
  const id = client.getPatientId();
  if (!id) throw new Error('No patient in the launch context');
  const data: Record<string, unknown> = {};
  const failed: string[] = [];
  await Promise.all(Object.entries(prefetchTemplates()).map(async ([key, template]) => {
    const url = template.replaceAll('{{context.patientId}}', encodeURIComponent(id));
    try {
      const r: unknown = await client.request(url, { pageLimit: 0, flat: true });
      data[key] = Array.isArray(r) ? { resourceType: 'Bundle', type: 'searchset', entry: r.map((resource: unknown) => ({ resource })) } : r;
    } catch {
      failed.push(key);
      data[key] = null;
    }
  }));
  return { data, failed: failed.sort() };
}
