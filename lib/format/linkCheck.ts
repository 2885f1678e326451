// A link from the chain (a proposal's URL, an audit's source, a revealed report) is written by anyone, so before
// it becomes clickable the app works out where it really goes and what could mislead a reader about that.
import { IPFS_LINK } from './links';
import { hasHiddenCharacters } from './safeText';

/** Why a link is not clickable. */
export type LinkRefusal = 'scheme' | 'invalid' | 'userinfo';

export type LinkCheck =
  | {
      kind: 'web';
      /** The URL as the browser will open it (WHATWG serialization: the host in punycode). */
      href: string;
      /** The real host (with any port), punycode where the text was not plain ASCII. */
      host: string;
      /** Set when the host was not written in plain ASCII: the scripts its letters came from ("Latin, Cyrillic"). */
      lookalike?: { scripts: string[] };
      hidden: boolean;
    }
  | { kind: 'ipfs'; href: string; cid: string; hidden: boolean }
  | {
      kind: 'refused';
      reason: LinkRefusal;
      /** For a userinfo link, the host it really goes to (what follows the @). */
      host?: string;
      hidden: boolean;
    };

// The scripts a look-alike host mixes letters from. Common (digits, '-', '.') and Inherited marks belong to none.
const SCRIPTS = [
  'Latin',
  'Cyrillic',
  'Greek',
  'Armenian',
  'Georgian',
  'Hebrew',
  'Arabic',
  'Cherokee',
  'Han',
  'Hiragana',
  'Katakana',
  'Hangul',
  'Thai',
  'Devanagari',
] as const;
const SCRIPT_TESTS = SCRIPTS.map((name) => ({ name, test: new RegExp(`\\p{Script=${name}}`, 'u') }));

/** The scripts the letters of a text come from, in the order above. */
export function scriptsOf(text: string): string[] {
  const found = new Set<string>();
  for (const char of text) {
    const script = SCRIPT_TESTS.find((s) => s.test.test(char));
    if (script) found.add(script.name);
  }
  return SCRIPTS.filter((s) => found.has(s));
}

/** The host as written in the link's text (between `//` and the path), with any userinfo dropped. */
function writtenHost(text: string): string {
  const afterScheme = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const authority = afterScheme.split(/[/?#\\]/)[0] ?? '';
  const at = authority.lastIndexOf('@');
  return (at >= 0 ? authority.slice(at + 1) : authority).replace(/:\d*$/, '');
}

/**
 * Where a link goes and whether it may be clicked. Only https: and ipfs:// links are clickable (http: is
 * refused too: anyone on the path could change the page it opens). A link with userinfo
 * (`https://paypal.com@evil.example/`) is refused: its text names one site and it opens another.
 */
export function checkLink(url: string): LinkCheck {
  const text = url.trim();
  const hidden = hasHiddenCharacters(text);
  const ipfs = IPFS_LINK.exec(text);
  if (ipfs) return { kind: 'ipfs', href: text, cid: ipfs[1] ?? '', hidden };
  if (!/^https:\/\//i.test(text))
    return { kind: 'refused', reason: /^[a-z][a-z0-9+.-]*:/i.test(text) ? 'scheme' : 'invalid', hidden };
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return { kind: 'refused', reason: 'invalid', hidden };
  }
  if (parsed.protocol !== 'https:' || !parsed.hostname) return { kind: 'refused', reason: 'invalid', hidden };
  if (parsed.username || parsed.password) return { kind: 'refused', reason: 'userinfo', host: parsed.host, hidden };
  const written = writtenHost(text);
  const ascii = /^[\x00-\x7f]*$/.test(written);
  const punycode = parsed.hostname.split('.').some((label) => label.startsWith('xn--'));
  // A host typed in punycode already names no scripts we can read without decoding it; it is flagged all the same.
  const lookalike = !ascii ? { scripts: scriptsOf(written) } : punycode ? { scripts: [] } : undefined;
  return { kind: 'web', href: parsed.href, host: parsed.host, ...(lookalike ? { lookalike } : {}), hidden };
}
