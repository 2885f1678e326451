// Links from untrusted text (chain strings, descriptions): which may become links, and what to show beside them.

/** The URL when it is an https: or ipfs: link, else undefined: every other scheme (javascript:, data:, http:,
 * relative links) is dropped. Used as react-markdown's urlTransform. */
export function safeLinkUrl(url: string): string | undefined {
  const text = url.trim();
  if (/^ipfs:\/\/[A-Za-z0-9]+(\/[^\s]*)?$/.test(text)) return text;
  if (!/^https:\/\//i.test(text)) return undefined;
  try {
    const parsed = new URL(text);
    return parsed.protocol === 'https:' && parsed.hostname ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** What a link goes to, shown beside it: the full host of an https: URL (with any port), the CID of an ipfs:
 * one. Punycode hosts stay in punycode, so a look-alike domain cannot pass as another. */
export function linkHost(url: string): string {
  if (url.startsWith('ipfs://')) return `ipfs://${url.slice(7).split('/')[0]}`;
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
