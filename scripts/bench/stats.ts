// Summaries and the printed table of the bench.

export interface Summary {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function summarize(values: number[]): Summary | undefined {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, n: sorted.length };
}

export type Unit = 'bytes' | 'ms' | 'count' | 'gas' | 'MiB/s';

export interface BenchRow {
  figure: string;
  subject: string;
  metric: string;
  unit: Unit;
  summary: Summary | undefined;
  /** The row's median over its baseline's median (what the baseline is: `ratioTo`). */
  ratio?: number;
  ratioTo?: string;
  note?: string;
}

function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'bytes':
      // Bundles read best in KiB, memory in MiB.
      return value >= 10 * 1024 * 1024 ? `${(value / 1024 / 1024).toFixed(0)} MiB` : `${(value / 1024).toFixed(1)} KiB`;
    case 'MiB/s':
      return `${value.toFixed(0)} MiB/s`;
    case 'ms':
      return `${Math.round(value)} ms`;
    case 'gas':
      return value.toLocaleString('en-US');
    default:
      return Number.isInteger(value) ? String(value) : value.toFixed(1);
  }
}

export function formatRows(rows: BenchRow[]): string {
  const header = ['figure', 'subject', 'metric', 'median', 'min–max', 'n', 'ratio', 'to / note'];
  const cells = rows.map((r) => {
    const s = r.summary;
    return [
      r.figure,
      r.subject,
      r.metric,
      s ? formatValue(s.median, r.unit) : '—',
      s ? (s.min === s.max ? '' : `${formatValue(s.min, r.unit)}–${formatValue(s.max, r.unit)}`) : '',
      s ? String(s.n) : '',
      r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}x`,
      [r.ratioTo, r.note].filter(Boolean).join('; '),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const right = new Set([3, 4, 5, 6]);
  const line = (c: string[]) =>
    c
      .map((cell, i) => (right.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  ')];
  let previous = '';
  for (let i = 0; i < rows.length; i++) {
    if (previous && rows[i]!.figure !== previous) out.push('');
    previous = rows[i]!.figure;
    out.push(line(cells[i]!));
  }
  return out.join('\n');
}
