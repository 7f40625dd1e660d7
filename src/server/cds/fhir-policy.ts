// Which FHIR servers the service may query with the EHR's bearer token (SSRF guard):
// only base URLs on the allow-list of the calling issuer (or FHIR_SERVERS with auth off); https only; never an address
// on loopback, private, link-local or other special ranges unless allowInsecure (development). Redirects are not followed.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

export interface FhirPolicy {
  /** Allowed base URLs (no trailing slash); a fhirServer must be one of them or below one. */
  readonly allowed: readonly string[];
  readonly allowInsecure: boolean;
  /** Host name → addresses (injectable for tests; default: the system resolver). */
  readonly resolve?: (host: string) => Promise<readonly string[]>;
}

const SPECIAL = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) SPECIAL.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32]] as const) {
  SPECIAL.addSubnet(net, bits, 'ipv6');
}

/** Loopback, private, link-local, CGNAT, multicast, documentation or unspecified: not a public server. */
export function isSpecialAddress(address: string): boolean {
  const a = address.replace(/^\[|\]$/g, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return SPECIAL.check(mapped[1]!, 'ipv4');
  const v = isIP(a);
  if (v === 4) return SPECIAL.check(a, 'ipv4');
  if (v === 6) return SPECIAL.check(a, 'ipv6');
  return true;
}

const trimPath = (p: string): string => p.replace(/\/+$/, '');

/** Why fhirServer may not be queried, or null when it may. */
export async function fhirServerRefusal(fhirServer: string, policy: FhirPolicy): Promise<string | null> {
  let url: URL;
  try { url = new URL(fhirServer); } catch { return 'fhirServer is not a URL'; }
  if (url.protocol !== 'https:' && !(policy.allowInsecure && url.protocol === 'http:')) return 'fhirServer must be https';
  if (url.username || url.password) return 'fhirServer must not carry credentials';
  const listed = policy.allowed.some((a) => {
    const base = new URL(a);
    const path = trimPath(base.pathname);
    return base.origin === url.origin && (trimPath(url.pathname) === path || url.pathname.startsWith(`${path}/`));
  });
  if (!listed) return 'fhirServer is not allow-listed for this client';
  if (policy.allowInsecure) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: readonly string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = policy.resolve ? await policy.resolve(host) : (await lookup(host, { all: true })).map((r) => r.address);
    } catch {
      return 'fhirServer host does not resolve';
    }
  }
  if (!addresses.length || addresses.some(isSpecialAddress)) return 'fhirServer resolves to a loopback or private address';
  return null;
}
