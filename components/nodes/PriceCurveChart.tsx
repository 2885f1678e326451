import { LineChart } from '@/components/ui/LineChart';
import { NO_PRICE } from '@/lib/files/pricing';
import { CURVE_END_PERCENT, type CurvePoint } from '@/lib/files/priceCurve';
import { formatPricePerMb, utilisationBps } from '@/lib/files/units';
import { formatBps } from '@/lib/format/percent';

/** Every tenth of capacity up to 90% and the point now: the rows of the table for screen readers. */
function tableRows(points: CurvePoint[], capacity: bigint, now: CurvePoint): { label: string; point: CurvePoint }[] {
  const rows: { label: string; point: CurvePoint }[] = [];
  for (let t = 0; t <= 9; t++) {
    const used = (capacity * BigInt(t)) / 10n;
    const point = points.find((p) => p.usedBytes === used);
    if (point) rows.push({ label: `${t * 10}%`, point });
  }
  rows.push({ label: `${formatBps(utilisationBps(now.usedBytes, capacity))} (now)`, point: now });
  return rows.sort((a, b) =>
    a.point.usedBytes < b.point.usedBytes ? -1 : a.point.usedBytes > b.point.usedBytes ? 1 : 0,
  );
}

const maxOf = (...values: bigint[]) => values.reduce((a, b) => (b > a ? b : a));
const minOf = (a: bigint, b: bigint) => (a < b ? a : b);

/**
 * Price per MB against used capacity (0–100 %), the current point marked, drawn by the app's one line chart. The
 * curve has no bound at full capacity: the plot's height is the price at 90% (or now, when higher), and the curve
 * leaves the top of the plot past it. Amounts stay bigint wei until the chart plots them.
 */
export function PriceCurveChart({
  points,
  now,
  capacity,
}: {
  points: CurvePoint[];
  now: CurvePoint;
  capacity: bigint;
}) {
  const empty = 'No host node is elected: there is no capacity to price yet.';
  if (points.length === 0 || capacity === 0n) return <p className="text-sm text-slate-400">{empty}</p>;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const nowBps = utilisationBps(now.usedBytes, capacity);
  // Use can exceed capacity after a node is removed: the axis then stretches to show the point.
  const xMaxPercent = Math.max(100, Math.ceil(nowBps / 100));
  const ninety = points.find((p) => p.usedBytes === (capacity * 9n) / 10n) ?? last;
  const nowPrice = now.pricePerMb === NO_PRICE ? undefined : now.pricePerMb;
  const top = maxOf(ninety.pricePerMb, minOf(nowPrice ?? 0n, last.pricePerMb), first.pricePerMb);
  const summary = `Price per MB against used capacity: ${formatPricePerMb(first.pricePerMb)} when empty, ${formatPricePerMb(
    ninety.pricePerMb,
  )} at 90%, ${formatPricePerMb(last.pricePerMb)} at ${CURVE_END_PERCENT}%, and without bound as use nears 100%. Now ${formatBps(
    nowBps,
  )} is used and the price is ${formatPricePerMb(now.pricePerMb)}.`;

  return (
    <LineChart
      caption="Price per MB against used capacity"
      summary={summary}
      points={points.map((p) => ({ x: utilisationBps(p.usedBytes, capacity) / 100, y: p.pricePerMb }))}
      dots={false}
      xAxis={{
        label: 'Used capacity',
        domain: [0, xMaxPercent],
        ticks: [0, 25, 50, 75, 100].concat(xMaxPercent > 100 ? [xMaxPercent] : []),
        format: (v) => `${v}%`,
      }}
      yAxis={{ label: 'CLO per MB', top }}
      markers={[
        { x: 100, label: 'no price at full', tone: 'limit' },
        { x: nowBps / 100, label: 'now', tone: 'current', y: nowPrice },
      ]}
      table={{
        caption: 'Price per MB at each tenth of capacity up to 90%, and now (no bound as use nears 100%)',
        columns: ['Used capacity', 'Price per MB'],
        rows: tableRows(points, capacity, now).map(({ label, point }) => ({
          key: label,
          cells: [label, formatPricePerMb(point.pricePerMb)],
        })),
      }}
      emptyMessage={empty}
      testId="price-chart"
    />
  );
}
