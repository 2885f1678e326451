'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

/** A path without its trailing slash, so "/audits/new" (as the router may report it) and "/audits/new/" (as the
 * static export links it) name one page. */
function pagePath(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** A feature's own links (the audit pages, the file system pages) above its page headings. The link of the page
 * being shown is marked as such (`aria-current="page"` for screen readers, a filled pill for the eye), so a reader
 * knows where they are among the section's pages. */
export function SectionNav({ label, links }: { label: string; links: readonly (readonly [string, string])[] }) {
  const pathname = usePathname();
  const here = pathname ? pagePath(pathname) : undefined;
  return (
    <nav aria-label={label} className="flex flex-wrap gap-x-2 gap-y-2 text-sm">
      {links.map(([href, text]) => {
        const current = here !== undefined && pagePath(href) === here;
        return (
          <Link
            key={href}
            href={href}
            aria-current={current ? 'page' : undefined}
            className={
              current
                ? 'rounded-md bg-slate-800 px-2 py-1 font-semibold text-white no-underline'
                : 'rounded-md px-2 py-1 text-teal-300 underline underline-offset-2 hover:text-teal-200'
            }
          >
            {text}
          </Link>
        );
      })}
    </nav>
  );
}

/** A page's title under its section's links, with an optional one-paragraph introduction. */
export function SectionHeading({ nav, title, children }: { nav: ReactNode; title: string; children?: ReactNode }) {
  return (
    <div className="space-y-2">
      {nav}
      <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
      {children && <p className="max-w-2xl text-sm text-slate-400">{children}</p>}
    </div>
  );
}
