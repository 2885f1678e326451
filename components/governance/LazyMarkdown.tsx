'use client';

import dynamic from 'next/dynamic';

/**
 * SafeMarkdown, loaded when first shown: the Markdown parser is the largest piece of the governance pages, and the
 * text it renders (a fetched description, a preview) always arrives after the page's first paint anyway.
 */
export const LazyMarkdown = dynamic(() => import('./SafeMarkdown').then((m) => m.SafeMarkdown), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-400">Rendering…</p>,
});
