import Link from 'next/link';
import type { ReactNode } from 'react';
import { Card } from './primitives';

/**
 * The page for an id in the address that names nothing (`?id=99` past the last proposal, a malformed id): what is
 * missing, why, and the way back to the list.
 */
export function NoSuchItem({
  title,
  backHref,
  backLabel,
  children,
}: {
  /** The page's heading: "No such proposal". */
  title: string;
  backHref: string;
  /** Where the link goes, in words: "All proposals". */
  backLabel: string;
  /** Why there is nothing here, and what the user may have meant. */
  children: ReactNode;
}) {
  return (
    <div className="space-y-4">
      <Link href={backHref} className="text-sm text-teal-300 underline underline-offset-2">
        ← {backLabel}
      </Link>
      <Card>
        <h1 className="text-xl font-bold">{title}</h1>
        <div className="mt-2 text-sm text-slate-300">{children}</div>
      </Card>
    </div>
  );
}
