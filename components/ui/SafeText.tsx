'use client';

import { useState } from 'react';
import { hasHiddenCharacters, safeSegments, truncateCodePoints } from '@/lib/format/safeText';

/** What the string is: a name, a path or a URL gets a written warning when it holds hidden characters. */
export type SafeTextKind = 'name' | 'path' | 'url' | 'text';

export const HIDDEN_WARNING = 'contains hidden or direction-changing characters';

/**
 * A string from the chain, shown so that no character in it can reorder or hide text outside its own box: it sits
 * in a `<bdi>` (its direction isolated from what follows it, so "(host: …)" after it stays in order), every control,
 * format or zero-width character is drawn as a badge with its code (`\u202E`) instead of acting, and a long
 * unbroken string wraps anywhere. Beyond `maxChars` it is cut, with a button that shows the rest.
 */
export function SafeText({
  text,
  kind = 'text',
  multiline = false,
  maxChars = 2000,
  expandable = true,
  className = '',
}: {
  text: string;
  kind?: SafeTextKind;
  /** Line breaks and tabs are layout (a reason, a description), not badges. */
  multiline?: boolean;
  maxChars?: number;
  /** Off inside a link, where a button may not go: the link itself carries the whole value. */
  expandable?: boolean;
  className?: string;
}) {
  const [expanded, setExpanded] = useState(false);
  const { shown, omitted } = expanded ? { shown: text, omitted: 0 } : truncateCodePoints(text, maxChars);
  const warn = kind !== 'text' && hasHiddenCharacters(text, multiline);
  return (
    <>
      <bdi
        data-safe-text=""
        className={`[overflow-wrap:anywhere] ${multiline ? 'whitespace-pre-wrap' : ''} ${className}`}
      >
        {safeSegments(shown, multiline).map((segment, i) =>
          segment.kind === 'text' ? (
            segment.text
          ) : (
            <span
              key={i}
              data-hidden-char={segment.code}
              title={`${segment.code}: ${segment.name}`}
              className="mx-px rounded bg-amber-300/90 px-0.5 font-mono text-[0.75em] font-semibold text-slate-950"
            >
              {segment.code}
              <span className="sr-only"> ({segment.name})</span>
            </span>
          ),
        )}
        {omitted > 0 && <span className="text-slate-400">…</span>}
      </bdi>
      {omitted > 0 && expandable && (
        <button
          type="button"
          className="ml-1 text-xs text-teal-300 underline underline-offset-2"
          onClick={() => setExpanded(true)}
        >
          show all ({omitted.toLocaleString('en-US')} more characters)
        </button>
      )}
      {warn && (
        <span role="note" className="ml-1 rounded bg-amber-500/15 px-1 text-xs text-amber-200">
          ⚠ {kindName(kind)} {HIDDEN_WARNING}
        </span>
      )}
    </>
  );
}

function kindName(kind: SafeTextKind): string {
  return kind === 'name' ? 'This name' : kind === 'path' ? 'This path' : kind === 'url' ? 'This link' : 'This text';
}
