import type { ReactNode } from 'react';

export interface Column {
  label: string;
  align?: 'left' | 'right';
  /** Read by screen readers only (an actions column, say). */
  hiddenLabel?: boolean;
}

/** A table that scrolls sideways on a narrow screen instead of squeezing its columns, with a caption for
 * screen readers and header cells scoped to their columns. Rows come as children. */
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
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" style={{ minWidth }}>
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-400">
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
  );
}
