'use client';

import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';

export interface Column {
  label: string;
  align?: 'left' | 'right';
  /** Read by screen readers only (an actions column, say). */
  hiddenLabel?: boolean;
}

/** The custom properties the table's responsive rules in app/globals.css read: its width from the small breakpoint
 * up, and each column's label, shown above its cell when a row becomes a card on a phone. */
type DataTableStyle = CSSProperties & Record<`--data-table-${string}`, string>;

/** The labels the phone layout shows; app/globals.css has a rule for this many columns. */
export const MAX_CARD_COLUMNS = 10;

export function dataTableStyle(columns: readonly Column[], minWidth: string): DataTableStyle {
  if (columns.length > MAX_CARD_COLUMNS) {
    throw new Error(`DataTable: at most ${MAX_CARD_COLUMNS} columns, ${columns.length} given`);
  }
  const style: DataTableStyle = { '--data-table-min-width': minWidth };
  columns.forEach((column, i) => {
    // A CSS string (JSON's escapes are valid CSS escapes for the quote and the backslash); a hidden label shows
    // nothing above its cell, as in the header.
    style[`--data-table-col-${i + 1}`] = JSON.stringify(column.hiddenLabel ? '' : column.label);
  });
  return style;
}

/** Whether the element is narrower than its content, kept up to date as either resizes. */
function useOverflowsSideways(ref: React.RefObject<HTMLElement | null>): boolean {
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    measure();
    return () => observer.disconnect();
  }, [ref]);
  return overflows;
}

/** A table for every list of records in the app, with a caption for screen readers and header cells scoped to
 * their columns. Rows come as children, as plain `<tr>`s of `<td>`s.
 *
 * On a phone (below the `sm` breakpoint) each row becomes a card, each cell stacked under its column's label
 * (app/globals.css, `.data-table`), so no table makes the page wider than the screen. From `sm` up it is a table of
 * at least `minWidth`, scrolling sideways inside its own box when the screen is narrower: the box then becomes a
 * focusable region (so a keyboard scrolls it) named by the caption, and a line under it says there is more to see. The region
 * is positioned, so screen-reader-only text inside the table (positioned absolutely) is clipped by it instead of
 * widening the page. */
export function DataTable({
  caption,
  columns,
  minWidth = '36rem',
  children,
}: {
  caption: string;
  columns: Column[];
  minWidth?: string;
  children: ReactNode;
}) {
  const regionRef = useRef<HTMLDivElement>(null);
  const overflows = useOverflowsSideways(regionRef);
  return (
    <div>
      <div
        ref={regionRef}
        // Only while it scrolls: a named, focusable region, so a keyboard can scroll it sideways (axe:
        // scrollable-region-focusable); a table that fits adds no landmark and no tab stop.
        role={overflows ? 'region' : undefined}
        aria-label={overflows ? caption : undefined}
        tabIndex={overflows ? 0 : undefined}
        className="relative overflow-x-auto rounded-md"
      >
        <table className="data-table w-full text-left text-sm" style={dataTableStyle(columns, minWidth)}>
          <caption className="sr-only">{caption}</caption>
          <thead className="text-xs tracking-wide text-slate-400 uppercase">
            <tr>
              {columns.map((column, i) => (
                <th
                  key={column.label}
                  scope="col"
                  className={`py-2 font-medium ${i < columns.length - 1 ? 'pr-4' : ''} ${column.align === 'right' ? 'text-right' : ''}`}
                >
                  {column.hiddenLabel ? <span className="sr-only">{column.label}</span> : column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-800">{children}</tbody>
        </table>
      </div>
      {overflows && (
        <p className="mt-1 text-xs text-slate-400" data-testid="data-table-scroll-cue">
          Scroll the table sideways for more columns →
        </p>
      )}
    </div>
  );
}
