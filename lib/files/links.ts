// Addresses of files: the app's file page and its id in the query string, a node's gateway link, and the host
// shown beside an endpoint. Endpoints and CIDs come from the chain and are untrusted.
import { visibleText } from '../format/safeText';

export function fileHref(id: bigint): string {
  return `/files/file/?id=${id.toString()}`;
}

/** A file id from the query string: decimal digits only, below 2^256; anything else names no file. */
export function parseFileId(raw: string | null | undefined): bigint | undefined {
  if (raw === null || raw === undefined || !/^\d{1,78}$/.test(raw.trim())) return undefined;
  const id = BigInt(raw.trim());
  return id < 2n ** 256n ? id : undefined;
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * The link to a file on a node's gateway, or undefined when it must stay text. Endpoints come from the chain and
 * are untrusted: https: becomes a link; http: only on a loopback host (the local stack's nodes, which never leave
 * the machine). The link shows its full host beside it wherever it is rendered.
 */
export function gatewayLinkUrl(endpoint: string, cid: string): string | undefined {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return undefined;
  }
  if (url.username || url.password) return undefined;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) return undefined;
  if (!/^b[a-z2-7]{1,99}$/.test(cid)) return undefined;
  return `${url.href.replace(/\/+$/, '')}/ipfs/${cid}`;
}

/** The endpoint's host with its port, as shown beside it ("node.example.org:8443"); the text itself when it is
 * no URL. */
export function endpointHost(endpoint: string): string {
  // A URL's host is plain ASCII (punycode); the fallback is chain text, so its hidden characters are written out
  // (`\u202E`) rather than left to reorder the sentence the host is shown in.
  try {
    return new URL(endpoint).host || visibleText(endpoint);
  } catch {
    return visibleText(endpoint);
  }
}
