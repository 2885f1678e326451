'use client';

/** Newer / older page buttons for lists the contracts page (newest first). */
export function Pager({
  page,
  pageCount,
  onPage,
  label,
}: {
  page: number;
  pageCount: number;
  onPage(page: number): void;
  label: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="mt-3 flex items-center gap-3 text-sm">
      <button
        type="button"
        className="rounded-md border border-slate-700 px-3 py-1.5 disabled:opacity-50"
        disabled={page <= 0}
        onClick={() => onPage(page - 1)}
      >
        Newer
      </button>
      <span>
        Page {page + 1} of {pageCount}
      </span>
      <button
        type="button"
        className="rounded-md border border-slate-700 px-3 py-1.5 disabled:opacity-50"
        disabled={page >= pageCount - 1}
        onClick={() => onPage(page + 1)}
      >
        Older
      </button>
    </nav>
  );
}
