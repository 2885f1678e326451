// Links from untrusted text (chain strings, descriptions): which may become links, and what to show beside them.

/** An ipfs:// link as the app accepts one from untrusted text: a CID of letters and digits (group 1), then an
 * optional path without whitespace. */
export const IPFS_LINK = /^ipfs:\/\/([A-Za-z0-9]+)(\/[^\s]*)?$/;

/** The URL when it is an https: or ipfs: link, else undefined: every other scheme (javascript:, data:, http:,
 * relative links) is dropped. Used as react-markdown's urlTransform. */
export function safeLinkUrl(url: string): string | undefined {
  const text = url.trim();
  if (IPFS_LINK.test(text)) return text;
  if (!/^https:\/\//i.test(text)) return undefined;
  try {
    const parsed = new URL(text);
    return parsed.protocol === 'https:' && parsed.hostname ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
