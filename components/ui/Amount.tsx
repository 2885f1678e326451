import { formatCloExact, formatCloReadable } from '@/lib/format/clo';

/**
 * An amount of CLO as a person reads it ("1,234.56 CLO", "< 0.000001 CLO"), with the exact amount one hover or
 * focus away: in the title for a mouse, shown beside it on keyboard focus, and read out by screen readers. An
 * amount the readable form shows exactly is plain text.
 */
export function Amount({
  wei,
  suffix,
  className = '',
  testId,
}: {
  wei: bigint;
  /** Words after the unit that belong to the figure, such as "per MB" for a price: kept with it on both forms. */
  suffix?: string;
  className?: string;
  testId?: string;
}) {
  const tail = suffix ? ` ${suffix}` : '';
  const readable = `${formatCloReadable(wei)}${tail}`;
  const exact = `${formatCloExact(wei)}${tail}`;
  if (readable === exact) {
    return (
      <span className={`tabular-nums ${className}`} data-exact={wei.toString()} data-testid={testId}>
        {readable}
      </span>
    );
  }
  return (
    // Focusable so that a keyboard user can reach the exact amount as a mouse user does by hovering.
    <span
      tabIndex={0}
      title={exact}
      data-exact={wei.toString()}
      data-testid={testId}
      className={`group relative tabular-nums underline decoration-dotted decoration-slate-500 underline-offset-4 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-400 ${className}`}
    >
      {readable}
      <span className="sr-only group-focus:not-sr-only group-focus:absolute group-focus:left-0 group-focus:top-full group-focus:z-10 group-focus:mt-1 group-focus:whitespace-nowrap group-focus:rounded group-focus:border group-focus:border-slate-700 group-focus:bg-slate-950 group-focus:px-2 group-focus:py-1 group-focus:text-xs group-focus:font-normal group-focus:text-slate-100">
        {' '}
        (exactly {exact})
      </span>
    </span>
  );
}
