import Link from 'next/link';
import type { ReactNode } from 'react';

/** A feature's own links (the audit pages, the file system pages) above its page headings. */
export function SectionNav({ label, links }: { label: string; links: readonly (readonly [string, string])[] }) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
      {links.map(([href, text]) => (
        <Link key={href} href={href} className="text-teal-300 underline underline-offset-2">
          {text}
        </Link>
      ))}
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
