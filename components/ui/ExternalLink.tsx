'use client';

import type { ReactNode } from 'react';
import { checkLink } from '@/lib/format/linkCheck';
import { IpfsLink } from './IpfsLink';
import { SafeText } from './SafeText';

/** A link's own text beyond this many characters is cut: the link still opens the whole URL. */
const LINK_TEXT_CHARS = 200;

/**
 * A link from the chain (a proposal's URL, an audit's source, a revealed report, a link in a description). Only
 * https: and ipfs:// links are clickable, in a new tab without a referrer. The real host is written beside the
 * text (punycode when it was not plain ASCII, with a note naming the scripts it mixes), so a look-alike domain
 * cannot pass as another; a link with userinfo (`https://paypal.com@evil.example/`) is not clickable at all and
 * says where it would really go. Anything else is shown as text.
 */
export function ExternalLink({
  href,
  children,
  showHost = true,
}: {
  href: string;
  children?: ReactNode;
  /** Off only where the whole URL is the link's text already and it is plain ASCII. */
  showHost?: boolean;
}) {
  const check = checkLink(href);
  const text = children ?? <SafeText text={href} kind="url" maxChars={LINK_TEXT_CHARS} expandable={false} />;

  if (check.kind === 'refused') {
    return (
      <span className="[overflow-wrap:anywhere]">
        {children ?? <SafeText text={href} kind="url" maxChars={LINK_TEXT_CHARS} />}
        {check.reason === 'userinfo' && (
          <span role="alert" className="ml-1 rounded bg-rose-500/15 px-1 text-xs text-rose-200">
            ⚠ Not opened: this link hides its real site behind an “@”; it would go to{' '}
            <bdi className="font-mono">{check.host}</bdi>.
          </span>
        )}
      </span>
    );
  }

  // A browser does nothing with ipfs:, so the address opens through an elected host node's gateway.
  if (check.kind === 'ipfs') return <IpfsLink uri={check.href} />;

  // Where the host was not plain ASCII, its punycode is shown even when the caller asked for no host.
  const hostShown = showHost || check.lookalike !== undefined;
  return (
    <span className="[overflow-wrap:anywhere]">
      <a
        href={check.href}
        target="_blank"
        rel="noopener noreferrer"
        className="text-teal-300 underline underline-offset-2"
      >
        {text}
        {hostShown && (
          <span className="ml-1 text-xs text-slate-400" data-link-host="">
            (host: <bdi>{check.host}</bdi>)
          </span>
        )}
        <span className="sr-only">, opens in a new tab</span>
      </a>
      {check.lookalike && (
        <span role="note" className="ml-1 rounded bg-amber-500/15 px-1 text-xs text-amber-200">
          ⚠ The site’s name is not plain ASCII
          {check.lookalike.scripts.length > 1 ? ` (it mixes ${check.lookalike.scripts.join(' and ')} letters)` : ''}: it
          is really <bdi className="font-mono">{check.host}</bdi>, which may only look like a site you know.
        </span>
      )}
    </span>
  );
}
