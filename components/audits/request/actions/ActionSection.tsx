import type { ReactNode } from 'react';

/** One manager action's box: its title, what it does in a sentence, and its form or button. */
export function ActionSection({
  title,
  testId,
  note,
  children,
}: {
  title: string;
  testId: string;
  note?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="min-w-0 space-y-2" aria-label={title} data-testid={testId}>
      <h3 className="text-sm font-semibold">{title}</h3>
      {note && <p className="text-sm text-slate-300">{note}</p>}
      {children}
    </section>
  );
}
