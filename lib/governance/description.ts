// A proposal's description: where it is fetched from, and whether its exact bytes match the Keccak-256 hash on
// chain.
import { keccak256, toBytes, type Hex } from 'viem';

/** Whether `text` (or the exact bytes) hashes to `hash` with Keccak-256, as the contract stores it. */
export function verifyDescription(text: string | Uint8Array, hash: string): boolean {
  const bytes = typeof text === 'string' ? toBytes(text) : text;
  return keccak256(bytes).toLowerCase() === hash.toLowerCase();
}

export function descriptionHashOf(text: string): Hex {
  return keccak256(toBytes(text));
}

export type DescriptionSource =
  | { scheme: 'https'; url: string; fetchUrl: string }
  /** `fetchUrl` only when an IPFS gateway is configured. */
  | { scheme: 'ipfs'; url: string; path: string; fetchUrl?: string }
  | { scheme: 'unsupported'; url: string };

/**
 * Where a description can be fetched from. https: URLs are fetched as they are; ipfs://CID/path through the
 * configured gateway's /ipfs/CID/path (the gateway, not the URL, decides the host), or not at all without one.
 */
export function descriptionSource(url: string, ipfsGateway?: string): DescriptionSource {
  if (url.startsWith('https://')) {
    try {
      const parsed = new URL(url);
      if (parsed.protocol === 'https:' && parsed.hostname !== '')
        return { scheme: 'https', url, fetchUrl: parsed.href };
    } catch {
      // not a URL at all
    }
    return { scheme: 'unsupported', url };
  }
  if (url.startsWith('ipfs://')) {
    const path = url.slice('ipfs://'.length);
    if (!/^[A-Za-z0-9]+(\/[^\s?#]*)?$/.test(path)) return { scheme: 'unsupported', url };
    let fetchUrl: string | undefined;
    if (ipfsGateway) {
      try {
        const gateway = new URL(ipfsGateway);
        if (gateway.protocol === 'https:' || gateway.protocol === 'http:') {
          fetchUrl = `${gateway.origin}${gateway.pathname.replace(/\/$/, '')}/ipfs/${path}`;
        }
      } catch {
        // a malformed gateway is as good as none
      }
    }
    return { scheme: 'ipfs', url, path, fetchUrl };
  }
  return { scheme: 'unsupported', url };
}

export type DescriptionResult =
  | { state: 'verified'; text: string }
  | { state: 'mismatch'; text: string; actualHash: Hex }
  /** The URL did not answer, answered with an error, or sent too much: not an error of the app. */
  | { state: 'unavailable'; reason: string }
  /** An ipfs: URL with no gateway configured. */
  | { state: 'not-fetched' }
  | { state: 'unsupported' };

/** Descriptions are documents, not files: anything larger is not read (and not hashed). */
export const MAX_DESCRIPTION_BYTES = 1_000_000;

export type FetchLike = (url: string, init: RequestInit) => Promise<Pick<Response, 'ok' | 'status' | 'arrayBuffer'>>;

/**
 * Fetches a description and checks the exact bytes against the hash on chain. The bytes are hashed, not the
 * decoded text, so that a byte-order mark or invalid UTF-8 cannot make a matching file look altered.
 */
export async function loadDescription(
  url: string,
  hash: string,
  options: { fetch: FetchLike; ipfsGateway?: string; signal?: AbortSignal },
): Promise<DescriptionResult> {
  const source = descriptionSource(url, options.ipfsGateway);
  if (source.scheme === 'unsupported') return { state: 'unsupported' };
  if (!source.fetchUrl) return { state: 'not-fetched' };
  let bytes: Uint8Array;
  try {
    const response = await options.fetch(source.fetchUrl, {
      signal: options.signal,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      redirect: 'follow',
    });
    if (!response.ok) return { state: 'unavailable', reason: `the server answered ${response.status}` };
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch {
    return { state: 'unavailable', reason: 'the address did not answer' };
  }
  if (bytes.length > MAX_DESCRIPTION_BYTES) return { state: 'unavailable', reason: 'the document is too large' };
  const text = new TextDecoder('utf-8').decode(bytes);
  const actualHash = keccak256(bytes);
  return verifyDescription(bytes, hash) ? { state: 'verified', text } : { state: 'mismatch', text, actualHash };
}
