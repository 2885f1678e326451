'use client';

import Markdown, { type Components } from 'react-markdown';
import { safeLinkUrl } from '@/lib/format/links';
import { ExternalLink } from '@/components/ui/chainDisplay';

// Untrusted Markdown (a proposal's description). No raw HTML is ever rendered: react-markdown shows it as text
// (and rehype-raw must never be added). Only https: and ipfs: URLs survive; images are not loaded (a remote
// image would tell its host who reads the proposal) and show their alt text instead. Headings are shifted down
// two levels so a description cannot break the page's outline.
const components: Components = {
  a: ({ href, children }) => (href ? <ExternalLink href={href}>{children}</ExternalLink> : <span>{children}</span>),
  img: ({ alt }) => <span className="text-slate-400 italic">[image{alt ? `: ${alt}` : ''}]</span>,
  h1: ({ children }) => <h3 className="mt-4 mb-2 text-lg font-semibold">{children}</h3>,
  h2: ({ children }) => <h4 className="mt-4 mb-2 text-base font-semibold">{children}</h4>,
  h3: ({ children }) => <h5 className="mt-3 mb-1 text-sm font-semibold">{children}</h5>,
  h4: ({ children }) => <h6 className="mt-3 mb-1 text-sm font-semibold">{children}</h6>,
  h5: ({ children }) => <h6 className="mt-3 mb-1 text-sm font-semibold">{children}</h6>,
  h6: ({ children }) => <h6 className="mt-3 mb-1 text-sm font-semibold">{children}</h6>,
  p: ({ children }) => <p className="my-2 leading-relaxed">{children}</p>,
  ul: ({ children }) => <ul className="my-2 list-disc space-y-1 pl-5">{children}</ul>,
  ol: ({ children }) => <ol className="my-2 list-decimal space-y-1 pl-5">{children}</ol>,
  blockquote: ({ children }) => (
    <blockquote className="my-2 border-l-2 border-slate-600 pl-3 text-slate-300">{children}</blockquote>
  ),
  code: ({ children }) => <code className="rounded bg-slate-800 px-1 font-mono text-[0.9em]">{children}</code>,
  pre: ({ children }) => <pre className="my-2 overflow-x-auto rounded-md bg-slate-950 p-3 text-xs">{children}</pre>,
  hr: () => <hr className="my-4 border-slate-700" />,
};

export function SafeMarkdown({ text }: { text: string }) {
  return (
    <div className="min-w-0 text-sm break-words text-slate-200" data-testid="proposal-description">
      <Markdown urlTransform={(url) => safeLinkUrl(url)} components={components}>
        {text}
      </Markdown>
    </div>
  );
}
