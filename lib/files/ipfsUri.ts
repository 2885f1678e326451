// ipfs:// addresses as the app shows them: a browser cannot open one, so the app opens it through a host node's
// gateway (`<endpoint>/ipfs/<cid>/<path>`). The address comes from the chain (a proposal's description, a report
// link) and is untrusted: only a CIDv1 in base32 and a path of plain segments are carried into a link.
import { gatewayLinkUrl } from './links';

export interface IpfsAddress {
  cid: string;
  /** Path segments under the CID, each as written (percent-escapes decoded). */
  segments: readonly string[];
}

/** The CID and path of `ipfs://<cid>[/path]`, or undefined when the text is no such address. */
export function parseIpfsUri(uri: string): IpfsAddress | undefined {
  const match = /^ipfs:\/\/([^/?#]+)((?:\/[^?#]*)?)$/.exec(uri.trim());
  if (!match) return undefined;
  const [, cid, rest] = match;
  const raw = (rest ?? '').split('/').filter((segment) => segment !== '');
  const segments: string[] = [];
  for (const segment of raw) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return undefined;
    }
    // A segment that climbs out of the CID, or carries a separator of its own, names nothing under it.
    if (decoded === '.' || decoded === '..' || decoded.includes('/') || decoded.includes('\\')) return undefined;
    segments.push(decoded);
  }
  return { cid: cid!, segments };
}

/** The gateway link of an ipfs:// address on a host node's endpoint, or undefined when either may not become a
 * link (see gatewayLinkUrl: https:, or http: on a loopback host; a base32 CIDv1). */
export function ipfsGatewayUrl(endpoint: string, uri: string): string | undefined {
  const address = parseIpfsUri(uri);
  if (!address) return undefined;
  const base = gatewayLinkUrl(endpoint, address.cid);
  if (!base) return undefined;
  return [base, ...address.segments.map(encodeURIComponent)].join('/');
}
